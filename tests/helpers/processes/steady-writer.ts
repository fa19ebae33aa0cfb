/**
 * Child process for the backup tests: another desk's process writing steadily. Opens a core on the
 * data folder given as argv[2], signs the administrator in, then checks a visitor in every
 * `argv[3]` ms (200: five a second), printing `wrote <visitId>` after each commit.
 */
import { createCore } from '../../../electron/core/core';
import { ADMIN } from '../sessions';

async function main(): Promise<void> {
  const [dataDir, every = '200'] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: steady-writer.ts DATA_DIR [EVERY_MS]');
  const core = await createCore({ dataDir, log: (e) => console.error(e) });
  const session = core.createSession();
  const admin = { username: ADMIN.username, password: ADMIN.password, deskId: 1 };
  const env = await core.dispatch('auth.signIn', admin, session);
  if (!env.ok) throw new Error(JSON.stringify(env.error));
  console.log('ready');
  let i = 0;
  let writing = false;
  setInterval(() => {
    if (writing) return;
    writing = true;
    i += 1;
    void core
      .dispatch('visits.checkIn', { visitorName: `زائر رقم ${i} الدوسري`, visitorMobile: '0551234567', reason: 'inquiry' }, session)
      .then((res) => {
        if (!res.ok) throw new Error(JSON.stringify(res.error));
        process.stdout.write(`wrote ${(res.value as { id: number }).id}\n`);
        writing = false;
      })
      .catch((e) => {
        console.error(e);
        process.exit(1);
      });
  }, Number(every));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
