import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ar } from '@shared/labels/ar';
import { normalizeMobile } from '@shared/validation/mobile';

/** A visitor without a file, for a pure inquiry: name and mobile only. */
export function WalkInForm({ initialQuery, onContinue, onCancel }: { initialQuery: string; onContinue: (name: string, mobile: string) => void; onCancel: () => void }) {
  const fromQuery = normalizeMobile(initialQuery);
  const [name, setName] = useState(fromQuery || /\d/.test(initialQuery) ? '' : initialQuery.trim());
  const [mobile, setMobile] = useState(fromQuery ? initialQuery.trim() : '');
  const [tried, setTried] = useState(false);
  const nameError = tried && name.trim().split(/\s+/).filter(Boolean).length < 2 ? ar.messages.fullNameTooShort : undefined;
  const mobileError = tried && mobile.trim() && !normalizeMobile(mobile) ? ar.messages.mobileInvalid : undefined;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (name.trim().split(/\s+/).length >= 2 && (!mobile.trim() || normalizeMobile(mobile))) onContinue(name.trim(), mobile.trim());
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <Stack gap="sm">
        <Text fw={600}>{ar.ui.walkInVisitor}</Text>
        <TextInput label={ar.ui.visitorName} value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} withAsterisk autoFocus data-testid="walkin-name" />
        <TextInput label={ar.ui.mobile} value={mobile} onChange={(e) => setMobile(e.currentTarget.value)} error={mobileError} dir="ltr" placeholder="05XXXXXXXX" data-testid="walkin-mobile" />
        <Group grow>
          <Button variant="default" onClick={onCancel}>
            {ar.ui.back}
          </Button>
          <Button type="submit">{ar.ui.continue}</Button>
        </Group>
      </Stack>
    </form>
  );
}
