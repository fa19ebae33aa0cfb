import { Button, Group, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { memo } from 'react';
import type { UserView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { ProfilePage } from '../beneficiary/ProfilePage';
import { ComplaintPage } from '../complaints/ComplaintPage';
import { RequestPage } from '../requests/RequestPage';
import { usePages } from './pages';
import { KEYS } from './keymap';

/** The page on top of the tab: a file, a request or a complaint, with the way back. Memoised: a tab switch has nothing for it. */
export const PageView = memo(function PageView({ user }: { user: UserView }) {
  const pages = usePages();
  useHotkeys([[KEYS.back.hotkey, pages.back]]);
  const page = pages.current;
  if (!page) return null;
  return (
    <Stack gap="sm" maw={1500} mx="auto">
      <Group justify="space-between">
        <Button variant="subtle" onClick={pages.back} data-testid="page-back" title="Alt+→">
          {ar.edits.back}
        </Button>
        {pages.depth > 1 && (
          <Button variant="subtle" color="gray" onClick={pages.closeAll}>
            {ar.edits.close}
          </Button>
        )}
      </Group>
      {page.kind === 'profile' && <ProfilePage key={page.beneficiaryId} beneficiaryId={page.beneficiaryId} user={user} />}
      {page.kind === 'request' && <RequestPage key={page.requestId} requestId={page.requestId} user={user} />}
      {page.kind === 'complaint' && <ComplaintPage key={page.number} number={page.number} />}
    </Stack>
  );
});
