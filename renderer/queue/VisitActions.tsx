import { Button, Group, Menu } from '@mantine/core';
import { useState } from 'react';
import type { UserView, VisitView } from '../../shared/contract';
import { ar } from '../../shared/labels/ar';
import { useOpMutation } from '../data/operations';
import { notifyError } from '../ui/notify';
import { FinishVisitModal } from './FinishVisitModal';
import { ReferVisitModal } from './ReferVisitModal';

const DESK = ['receptionist', 'supervisor', 'admin'];

/** What can be done to a visit now, by this user; the core checks the same again. */
export function VisitActions({ visit, user, size = 'xs' }: { visit: VisitView; user: UserView; size?: 'xs' | 'sm' }) {
  const [finishing, setFinishing] = useState(false);
  const [referring, setReferring] = useState(false);
  const [menuWanted, setMenuWanted] = useState<'ready' | 'open' | null>(null);
  const opts = { onError: notifyError };
  const callVisit = useOpMutation('visits.call', opts);
  const take = useOpMutation('visits.take', opts);
  const left = useOpMutation('visits.markLeft', opts);
  const cancel = useOpMutation('visits.cancel', opts);
  const atDesk = DESK.includes(user.role);
  const busy = callVisit.isPending || take.isPending || left.isPending || cancel.isPending;
  const id = { visitId: visit.id };

  const moreButton = (events: { onPointerEnter?: () => void; onClick?: () => void } = {}) => (
    <Button size={size} variant="subtle" color="gray" disabled={busy} aria-label={ar.ui.more} data-testid="visit-more" {...events}>
      …
    </Button>
  );
  // The menu (a popover and its positioning) is built only once the pointer or a key reaches its
  // button: a hall shows dozens of rows, and their menus cost more to draw than the rest (bench).
  const more = !menuWanted ? (
    moreButton({ onPointerEnter: () => setMenuWanted('ready'), onClick: () => setMenuWanted('open') })
  ) : (
    <Menu position="bottom-end" withinPortal defaultOpened={menuWanted === 'open'}>
      <Menu.Target>{moreButton()}</Menu.Target>
      <Menu.Dropdown>
        {(visit.state === 'waiting' || visit.state === 'referred') && (
          <Menu.Item onClick={() => left.mutate(id)}>{ar.ui.markLeft}</Menu.Item>
        )}
        {atDesk && <Menu.Item color="red" onClick={() => cancel.mutate(id)}>{ar.ui.cancelVisit}</Menu.Item>}
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <Group gap={4} w={220} justify="flex-end" wrap="nowrap">
      {visit.state === 'waiting' && atDesk && (
        <Button size={size} variant="light" loading={callVisit.isPending} disabled={busy} onClick={() => callVisit.mutate(id)}>
          {ar.actions.call}
        </Button>
      )}
      {visit.state === 'serving' && (visit.servedBy?.id === user.id || user.role !== 'receptionist') && (
        <>
          <Button size={size} onClick={() => setFinishing(true)} disabled={busy}>
            {ar.actions.finish}
          </Button>
          {atDesk && (
            <Button size={size} variant="light" color="violet" onClick={() => setReferring(true)} disabled={busy}>
              {ar.actions.refer}
            </Button>
          )}
        </>
      )}
      {visit.state === 'referred' && user.role !== 'receptionist' && (
        <Button size={size} color="violet" loading={take.isPending} disabled={busy} onClick={() => take.mutate(id)}>
          {ar.actions.take}
        </Button>
      )}
      {['waiting', 'serving', 'referred'].includes(visit.state) && more}
      {finishing && <FinishVisitModal visit={visit} onClose={() => setFinishing(false)} />}
      {referring && <ReferVisitModal visit={visit} onClose={() => setReferring(false)} />}
    </Group>
  );
}
