import { AppShell, Button, Group, Tabs, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, memo, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { DeskView, UserView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { prefetchOp, useOp, useOpMutation } from '../data/operations';
import { AuditScreen } from '../audit/AuditScreen';
import { CatalogueScreen } from '../catalogue/CatalogueScreen';
import { CommitteeScreen } from '../committee/CommitteeScreen';
import { ComplaintsScreen } from '../complaints/ComplaintsScreen';
import { RecordedComplaintDialog } from '../complaints/RecordedComplaint';
import { ContactsScreen } from '../contacts/ContactsScreen';
import { FollowUpBadge } from '../contacts/FollowUpBadge';
import { LogContactModal } from '../contacts/LogContactModal';
import { dialogOpen } from '../ui/dialog-open';
import { mayCall } from '../data/access';
import { QueueScreen } from '../queue/QueueScreen';
import { ReferencesMenu } from '../references/ReferencesMenu';
import { RegisterScreen } from '../register/RegisterScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { RequestsScreen } from '../requests/RequestsScreen';
import { ReferralsScreen } from '../referrals/ReferralsScreen';
import { BackupWarning } from '../settings/BackupWarning';
import { SettingsScreen } from '../settings/SettingsScreen';
import { UsersScreen } from '../users/UsersScreen';
import { UserMenu } from '../auth/UserMenu';
import { TodayClock } from '../ui/TodayClock';
import { useActivityReporter } from './useActivityReporter';
import { PageView } from './PageView';
import { PagesProvider, usePages } from './pages';
import { ScreenVisible } from './screen-visible';
import { useLiveRevision } from './useLiveRevision';
import { BANNER_HEIGHT } from './ServerGoneBanner';
import type { LiveState } from './useLiveChanges';
import { KEYS } from './keymap';

// The board brings the chart library: loaded when first opened, never by a desk that has no board.
const BoardScreen = lazy(() => import('../board/BoardScreen').then((m) => ({ default: m.BoardScreen })));

type Screen = 'board' | 'queue' | 'contacts' | 'requests' | 'committee' | 'referrals' | 'complaints' | 'register' | 'reports' | 'audit' | 'catalogue' | 'users' | 'settings';

/** How long the queue tab waits for the fresh list before it shows the one it has. */
const FRESH_LIST_WAIT_MS = 150;

/**
 * A screen out of sight under another tab: put away with content-visibility rather than display: none, so
 * the browser keeps its layout. Showing the hall again then lays out only what changed, not the whole hall
 * anew, and the screen being left is not laid out again at zero width (its text boxes measuring
 * themselves) — bench: "queue of 300 on screen". Its contents are skipped meanwhile: not drawn, not
 * focusable, not read out; the box itself takes no room.
 */
const PUT_AWAY = { contentVisibility: 'hidden', height: 0 } as const;

/** The header's two rows: the title, clock and user above; the screens' tabs below. */
const TOP_ROW_HEIGHT = 44;
const HEADER_HEIGHT = TOP_ROW_HEIGHT + 40;

export function DeskShell(props: { user: UserView; desk: DeskView; live: LiveState }) {
  return (
    <PagesProvider>
      <DeskFrame {...props} />
    </PagesProvider>
  );
}

function DeskFrame({ user, desk, live }: { user: UserView; desk: DeskView; live: LiveState }) {
  // The supervisor's home is the board; a researcher's the referrals; everyone else's the hall.
  const [screen, setScreen] = useState<Screen>(user.role === 'supervisor' ? 'board' : user.role === 'researcher' ? 'referrals' : 'queue');
  const pages = usePages();
  const client = useQueryClient();
  const wanted = useRef<Screen>(screen);
  // The hall, once shown, stays mounted under the other tabs (see ScreenVisible).
  const hallShown = useRef(false);
  if (screen === 'queue') hallShown.current = true;
  // The screen just left is hidden at once and taken down only after the next one has been drawn:
  // taking down a screen of many rows (their listeners, their queries) would otherwise delay the
  // one the user asked for (bench: "queue of 300 on screen").
  const [drawn, setDrawn] = useState(screen);
  const [leaving, setLeaving] = useState<Screen | null>(null);
  if (drawn !== screen) {
    setDrawn(screen);
    setLeaving(drawn);
  }
  useEffect(() => {
    if (leaving === null) return;
    // Two animation frames on: the first draws the new screen, the second begins once it is painted.
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => setLeaving(null))));
    return () => cancelAnimationFrame(frame);
  }, [leaving]);
  const tab = (s: Screen, allowed: boolean, body: ReactNode) =>
    allowed &&
    (screen === s || leaving === s) && (
      <div style={screen === s ? undefined : PUT_AWAY}>
        <ScreenBody leaving={screen !== s}>{body}</ScreenBody>
      </div>
    );
  const choose = (next: Screen) => {
    wanted.current = next;
    if (next !== 'queue') return setScreen(next);
    // The hall opens on its fresh list, drawn once, rather than on the cached one redrawn a moment
    // later (bench: "queue of 300 on screen"); a slow answer waits no longer than a blink.
    void Promise.race([prefetchOp(client, 'visits.queue', {}), new Promise((r) => setTimeout(r, FRESH_LIST_WAIT_MS))]).then(() => {
      if (wanted.current === next) flushSync(() => setScreen(next));
    });
  };
  // S5: the committee's list is for those who decide.
  const decides = mayCall(user.role, 'requests.decide');
  const printsRegister = mayCall(user.role, 'documents.dailyRegister');
  const readsAudit = mayCall(user.role, 'audit.list');
  const readsBoard = mayCall(user.role, 'board.today');
  const editsCatalogue = mayCall(user.role, 'catalogue.saveService');
  const managesUsers = mayCall(user.role, 'users.create');
  const editsSettings = mayCall(user.role, 'settings.update');
  const readsReports = mayCall(user.role, 'reports.period');
  // P8: the register is for those who follow complaints up; everyone receives them from the hall.
  const followsComplaints = mayCall(user.role, 'complaints.list');
  const logsContacts = mayCall(user.role, 'contacts.log');
  const [loggingContact, setLoggingContact] = useState(false);
  const settings = useOp('settings.get', {});
  const lock = useOpMutation('auth.lock');
  const { mutate: lockMutate } = lock;
  const lockNow = useCallback(() => lockMutate({}), [lockMutate]);
  // On PostgreSQL the shell pushes every change; the revision is polled on SQLite only.
  useLiveRevision({ poll: live.push !== true });
  useActivityReporter();
  // Ctrl+L locks from anywhere, the search box (which has the focus by default) and every text field included.
  useHotkeys([[KEYS.lock.hotkey, () => !lock.isPending && lock.mutate({})]], []);
  // F6 logs a contact (C2–C8) from any tab, the search box included; not over another dialog.
  useHotkeys([[KEYS.logContact.hotkey, () => logsContacts && !dialogOpen() && setLoggingContact(true)]], []);

  return (
    // While the server is away its banner takes the top of the window: the header grows by as much, so it covers nothing.
    <AppShell header={{ height: HEADER_HEIGHT + (live.connected ? 0 : BANNER_HEIGHT) }} padding="md">
      <AppShell.Header px="md" pt={live.connected ? 0 : BANNER_HEIGHT}>
        {/* Two rows: who and where above, the screens below — a row of their own, so every role's tabs fit the
            desk's 1366-pixel screen whatever the length of the desk's or the user's name. */}
        <DeskTopRow user={user} desk={desk} onLock={lockNow} />
        <Tabs
          value={screen}
          onChange={(v) => v && choose(v as Screen)}
          variant="pills"
          styles={{ list: { flexWrap: 'nowrap', gap: 2 }, tab: { paddingInline: 10, whiteSpace: 'nowrap' } }}
        >
          {/* A click on any tab, even the current one, puts away the file or request opened over it. */}
          <Tabs.List onClick={pages.closeAll}>
            {readsBoard && <Tabs.Tab value="board">{ar.board.tab}</Tabs.Tab>}
            <Tabs.Tab value="queue">{ar.ui.queueTab}</Tabs.Tab>
            {logsContacts && (
              <Tabs.Tab value="contacts" rightSection={<FollowUpBadge />}>
                {ar.contacts.tab}
              </Tabs.Tab>
            )}
            <Tabs.Tab value="requests">{ar.requests.tab}</Tabs.Tab>
            {decides && <Tabs.Tab value="committee">{ar.committee.tab}</Tabs.Tab>}
            <Tabs.Tab value="referrals">{ar.ui.referralsTab}</Tabs.Tab>
            {followsComplaints && <Tabs.Tab value="complaints">{ar.complaints.tab}</Tabs.Tab>}
            {printsRegister && <Tabs.Tab value="register">{ar.printing.registerTab}</Tabs.Tab>}
            {readsReports && <Tabs.Tab value="reports">{ar.reports.tab}</Tabs.Tab>}
            {readsAudit && <Tabs.Tab value="audit">{ar.audit.tab}</Tabs.Tab>}
            {editsCatalogue && <Tabs.Tab value="catalogue">{ar.catalogue.tab}</Tabs.Tab>}
            {managesUsers && <Tabs.Tab value="users">{ar.ui.usersTab}</Tabs.Tab>}
            {editsSettings && <Tabs.Tab value="settings">{ar.ui.settingsTab}</Tabs.Tab>}
          </Tabs.List>
        </Tabs>
      </AppShell.Header>
      <AppShell.Main>
        {mayCall(user.role, 'backups.status') && <BackupWarning timeZone={settings.data?.timeZone} onOpenSettings={() => choose('settings')} />}
        {/* The tab stays mounted under an open page, so going back finds it exactly as it was. */}
        <div style={{ display: pages.current ? 'none' : undefined }}>
          {hallShown.current && (
            <div style={screen === 'queue' ? undefined : PUT_AWAY}>
              <ScreenVisible visible={screen === 'queue' && !pages.current}>
                <QueueScreen user={user} />
              </ScreenVisible>
            </div>
          )}
          {tab(
            'board',
            readsBoard,
            <Suspense fallback={null}>
              <BoardScreen onOpenCommittee={decides ? () => choose('committee') : undefined} onOpenComplaints={followsComplaints ? () => choose('complaints') : undefined} />
            </Suspense>,
          )}
          {tab('contacts', logsContacts, <ContactsScreen user={user} onLog={() => setLoggingContact(true)} />)}
          {tab('requests', true, <RequestsScreen />)}
          {tab('committee', decides, <CommitteeScreen />)}
          {tab('referrals', true, <ReferralsScreen user={user} />)}
          {tab('complaints', followsComplaints, <ComplaintsScreen />)}
          {tab('register', printsRegister, <RegisterScreen />)}
          {tab('reports', readsReports, <ReportsScreen />)}
          {tab('audit', readsAudit, <AuditScreen />)}
          {tab('catalogue', editsCatalogue, <CatalogueScreen />)}
          {tab('users', managesUsers, <UsersScreen />)}
          {tab('settings', editsSettings, <SettingsScreen />)}
        </div>
        <PageView user={user} />
        <RecordedComplaintDialog />
        {loggingContact && <LogContactModal user={user} onClose={() => setLoggingContact(false)} />}
      </AppShell.Main>
    </AppShell>
  );
}

/**
 * Who and where: the title, the clock, the user's menus. Memoised: switching tabs redraws the tabs and
 * the screens, and this row (two menus with their dialogs) has nothing new to show then (bench:
 * "queue of 300 on screen").
 */
const DeskTopRow = memo(function DeskTopRow({ user, desk, onLock }: { user: UserView; desk: DeskView; onLock: () => void }) {
  const settings = useOp('settings.get', {});
  const signOut = useOpMutation('auth.signOut');
  return (
    <Group h={TOP_ROW_HEIGHT} justify="space-between" wrap="nowrap">
      <Group gap="xs" wrap="nowrap" align="baseline" style={{ minWidth: 0 }}>
        <Title order={3} lh={1.1} style={{ whiteSpace: 'nowrap' }}>
          {ar.appName}
        </Title>
        <Text size="sm" c="dimmed" truncate="end">
          {settings.data?.associationName}
        </Text>
      </Group>
      <div style={{ flexShrink: 0 }}>
        <TodayClock timeZone={settings.data?.timeZone} />
      </div>
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        <ReferencesMenu />
        <UserMenu user={user} desk={desk} />
        <Button variant="default" size="xs" onClick={onLock} title="Ctrl+L">
          {ar.ui.lock}
        </Button>
        <Button variant="subtle" color="gray" size="xs" onClick={() => signOut.mutate({})}>
          {ar.ui.signOut}
        </Button>
      </Group>
    </Group>
  );
});

/** A tab's screen; the one being left is not drawn again (it is hidden, and taken down after the next frame). */
const ScreenBody = memo(
  function ScreenBody({ children }: { children: ReactNode; leaving: boolean }) {
    return children;
  },
  (_before, now) => now.leaving,
);
