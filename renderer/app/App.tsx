import { Center, Loader } from '@mantine/core';
import { LockOverlay } from '../auth/LockOverlay';
import { SetupScreen } from '../auth/SetupScreen';
import { ForcedPasswordChange } from '../auth/ForcedPasswordChange';
import { SignInScreen } from '../auth/SignInScreen';
import { useOp } from '../data/operations';
import { ErrorAlert } from '../ui/ErrorAlert';
import { DeskShell } from './DeskShell';

/** Which screen the window shows: first run, sign-in, or the desk (with the lock drawn over it, never replacing it). */
export function App() {
  const session = useOp('auth.session', {}, { refetchInterval: 15_000, staleTime: 0 });
  if (session.isPending) {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }
  if (session.isError) {
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
      <DeskShell user={s.user} desk={s.desk} />
      {s.locked && <LockOverlay user={s.user} />}
    </>
  );
}
