import { Center, Loader } from '@mantine/core';
import { LockOverlay } from '../auth/LockOverlay';
import { SetupScreen } from '../auth/SetupScreen';
import { ForcedPasswordChange } from '../auth/ForcedPasswordChange';
import { SignInScreen } from '../auth/SignInScreen';
import { useOp } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';
import { DeskShell } from './DeskShell';
import { ServerGoneBanner } from './ServerGoneBanner';
import { useLiveChanges, type LiveState } from './useLiveChanges';

/** Which screen the window shows: first run, sign-in, or the desk (with the lock drawn over it, never replacing it). */
export function App() {
  const live = useLiveChanges();
  return (
    <>
      <Screen live={live} />
      {!live.connected && <ServerGoneBanner />}
    </>
  );
}

function Screen({ live }: { live: LiveState }) {
  const session = useOp('auth.session', {}, { refetchInterval: 15_000, staleTime: 0 });
  if (session.isPending) {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }
  // A session read that failed after one had succeeded (the server away) keeps the screen as it was:
  // nothing typed is lost, nobody is signed out.
  if (!session.data) {
    return (
      <Center h="100%" p="xl">
        <ErrorAlert error={session.error} />
      </Center>
    );
  }
  const s = session.data;
  if (s.needsSetup) return <SetupScreen />;
  if (!s.user || !s.desk) return <SignInScreen />;
  if (s.user.mustChangePassword) {
    return (
      <>
        <ForcedPasswordChange user={s.user} />
        {s.locked && <LockOverlay user={s.user} />}
      </>
    );
  }
  return (
    <>
      <DeskShell user={s.user} desk={s.desk} live={live} />
      {s.locked && <LockOverlay user={s.user} />}
    </>
  );
}
