import { Alert, Anchor, Badge, Button, Group, List, Text } from '@mantine/core';
import type { DuplicateHint } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { usePages } from '../app/pages';
import type { CallError } from '../transport/call';

/**
 * The core found files that look like this person (same ID or mobile, or the same name and birth
 * date): the receptionist opens them to compare, picks one, or saves anyway (P2, no double files).
 */
export function DuplicateAlert({
  error,
  onSaveAnyway,
  onUse,
  busy,
}: {
  error: CallError;
  onSaveAnyway: () => void;
  /** Offered at check-in: carry on with the existing file instead of a new one. */
  onUse?: (hint: DuplicateHint) => void;
  busy?: boolean;
}) {
  const pages = usePages();
  const hits = error.duplicates ?? [];
  return (
    <Alert color="yellow" variant="light" role="alert" data-testid="duplicate-alert">
      <Text size="sm" fw={600}>
        {error.message}
      </Text>
      {hits.length > 0 && (
        <>
          <Text size="sm" mt={4}>
            {ar.edits.similarFiles}
          </Text>
          <List size="sm" spacing={4} mt={4}>
            {hits.map((h) => (
              <List.Item key={h.beneficiaryId} data-testid="duplicate-hit">
                <Group gap={6} wrap="wrap">
                  <Anchor component="button" type="button" size="sm" fw={600} onClick={() => pages.open({ kind: 'profile', beneficiaryId: h.beneficiaryId })}>
                    {h.fullName}
                  </Anchor>
                  {h.fileNumber && (
                    <Text size="xs" c="dimmed">
                      {ar.profile.fileNumber} <span className="ltr tabular">{h.fileNumber}</span>
                    </Text>
                  )}
                  <Badge size="xs" variant="outline" color="yellow">
                    {ar.edits.duplicateReasons[h.reason]}
                  </Badge>
                  {onUse && (
                    <Button size="compact-xs" variant="light" onClick={() => onUse(h)}>
                      {ar.edits.useThisFile}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Button size="xs" mt="sm" color="yellow" onClick={onSaveAnyway} loading={busy} data-testid="save-anyway">
        {ar.edits.saveAnyway}
      </Button>
    </Alert>
  );
}
