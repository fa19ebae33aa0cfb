/**
 * Child process for the crash-safety test: opens a core on the data folder given as argv[2], sets
 * up (or signs in) the administrator, then checks visitors in as fast as it can, forever. It prints
 * `confirmed <visitId> <ticket>` only after dispatch returned ok, i.e. after COMMIT: those are the
 * check-ins the desk showed as issued, and the parent SIGKILLs this process mid-stream.
 */
import { createCore } from '../../../electron/core/core';
import { TEST_PASSWORD_COST } from '../password-cost';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: check-in-stream.ts DATA_DIR');
  const core = await createCore({ passwordCost: TEST_PASSWORD_COST, dataDir, log: (e) => console.error(e) });
  const session = core.createSession();
  const admin = { username: 'admin', password: 'hall-keeper-1445', deskId: 1 };
  let env = await core.dispatch('auth.signIn', admin, session);
  if (!env.ok) env = await core.dispatch('auth.setup', { ...admin, fullName: 'مدير النظام' }, session);
  if (!env.ok) throw new Error(JSON.stringify(env.error));
  console.log('ready');
  for (let i = 1; ; i++) {
    const res = await core.dispatch(
      'visits.checkIn',
      { visitorName: `زائر رقم ${i} الحربي`, visitorMobile: '0551234567', reason: 'inquiry' },
      session,
    );
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    const visit = res.value as { id: number; ticket: string };
    process.stdout.write(`confirmed ${visit.id} ${visit.ticket}\n`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
