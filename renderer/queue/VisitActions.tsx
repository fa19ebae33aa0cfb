import { Button, Group, Kbd, Menu } from '@mantine/core';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { UserView, VisitView } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { mayCall } from '../data/access';
import { useOpMutation } from '../data/operations';
import { useConfirmableMutation } from '../data/useConfirmableMutation';
import { ConfirmModal } from '../ui/ConfirmModal';
import { notifyError, notifySaved } from '../ui/notify';
import { FinishVisitModal } from './FinishVisitModal';
import { ReferModal } from '../referrals/ReferModal';
import { VisitKeys } from './VisitKeys';
import { KEYS } from '../app/keymap';

/**
 * What can be done to a visit now, by this user; the core checks the same again. `withKeys`: the
 * visit being served answers F8 (finish) and F9 (refer) — on one card of the desk only.
 */
export function VisitActions({ visit, user, size = 'xs', withKeys = false }: { visit: VisitView; user: UserView; size?: 'xs' | 'sm'; withKeys?: boolean }) {
  const [finishing, setFinishing] = useState(false);
  const [referring, setReferring] = useState(false);
  const [menuWanted, setMenuWanted] = useState<'ready' | 'open' | null>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const opts = { onError: notifyError };
  const callVisit = useConfirmableMutation('visits.call', opts);
  const take = useOpMutation('visits.take', opts);
  const left = useOpMutation('visits.markLeft', opts);
  const cancel = useOpMutation('visits.cancel', opts);
  // S1: the hall display announces the same ticket again (a double press is one call: the core says so).
  const recall = useOpMutation('visits.recall', {
    ...opts,
    onSuccess: (call) => notifySaved(fill(ar.display.recallDone, { ticket: call.ticket })),
  });
  const busy = callVisit.pending || take.isPending || left.isPending || cancel.isPending || recall.isPending;
  const id = { visitId: visit.id };
  // Someone else's visitor is finished by those who may take a visit over (the researcher, the supervisor).
  const mayFinish = visit.state === 'serving' && mayCall(user.role, 'visits.finish') && (visit.servedBy?.id === user.id || mayCall(user.role, 'visits.take'));
  const mayRefer = mayCall(user.role, 'visits.refer');
  const keyHint = (key: string) => (withKeys ? <Kbd size="xs">{key}</Kbd> : undefined);

  const moreButton = (events: { onPointerEnter?: () => void; onFocus?: () => void; onClick?: () => void } = {}) => (
    <Button ref={moreRef} size={size} variant="subtle" color="gray" disabled={busy} aria-label={ar.ui.more} data-testid="visit-more" {...events}>
      …
    </Button>
  );
  // The menu (a popover and its positioning) is built only once the pointer or the focus reaches its
  // button: a hall shows dozens of rows, and their menus cost more to draw than the rest (bench). The
  // menu's button is another element than the plain one: it is put in place at once (flushSync), before
  // the press that follows, and a keyboard user's focus moves over to it, so Enter and the arrow keys
  // reach the menu as on any other.
  const buildMenu = () => flushSync(() => setMenuWanted('ready'));
  const more = !menuWanted ? (
    moreButton({
      onPointerEnter: buildMenu,
      onFocus: () => {
        buildMenu();
        moreRef.current?.focus();
      },
      onClick: () => setMenuWanted('open'),
    })
  ) : (
    <Menu position="bottom-end" withinPortal defaultOpened={menuWanted === 'open'}>
      <Menu.Target>{moreButton()}</Menu.Target>
      <Menu.Dropdown>
        {(visit.state === 'waiting' || visit.state === 'referred') && (
          <Menu.Item onClick={() => left.mutate(id)}>{ar.ui.markLeft}</Menu.Item>
        )}
        {mayCall(user.role, 'visits.cancel') && <Menu.Item color="red" onClick={() => cancel.mutate(id)}>{ar.ui.cancelVisit}</Menu.Item>}
      </Menu.Dropdown>
    </Menu>
  );

  return (
    // A row's actions keep one width so the columns line up; the current visit's card sizes them to their words.
    <Group gap={4} w={size === 'xs' ? 220 : undefined} justify="flex-end" wrap="nowrap" style={{ flexShrink: 0 }}>
      {visit.state === 'waiting' && mayCall(user.role, 'visits.call') && (
        <Button size={size} variant="light" loading={callVisit.pending} disabled={busy} onClick={() => callVisit.run(id)}>
          {ar.actions.call}
        </Button>
      )}
      {mayFinish && (
        <>
          <Button size={size} onClick={() => setFinishing(true)} disabled={busy} rightSection={keyHint(KEYS.finishVisit.label)} data-testid="visit-finish">
            {ar.actions.finish}
          </Button>
          {withKeys && (
            <Button size={size} variant="default" loading={recall.isPending} disabled={busy} onClick={() => recall.mutate(id)} data-testid="visit-recall">
              {ar.display.recall}
            </Button>
          )}
          {mayRefer && (
            <Button size={size} variant="light" color="violet" onClick={() => setReferring(true)} disabled={busy} rightSection={keyHint(KEYS.referVisit.label)} data-testid="visit-refer">
              {ar.actions.refer}
            </Button>
          )}
        </>
      )}
      {visit.state === 'referred' && mayCall(user.role, 'visits.take') && (
        <Button size={size} color="violet" loading={take.isPending} disabled={busy} onClick={() => take.mutate(id)}>
          {ar.actions.take}
        </Button>
      )}
      {['waiting', 'serving', 'referred'].includes(visit.state) && more}
      {withKeys && mayFinish && <VisitKeys onFinish={() => setFinishing(true)} onRefer={mayRefer ? () => setReferring(true) : undefined} />}
      {finishing && <FinishVisitModal visit={visit} onClose={() => setFinishing(false)} />}
      {referring && <ReferModal referred={{ visit }} onClose={() => setReferring(false)} />}
      {callVisit.asked && (
        <ConfirmModal
          message={callVisit.asked.message}
          title={ar.visitDesk.confirmCallTitle}
          confirmLabel={ar.visitDesk.callAnyway}
          onConfirm={callVisit.confirm}
          onCancel={callVisit.dismiss}
        />
      )}
    </Group>
  );
}
