import { BROWSER_SHELL } from '../computer/shell-facts';
import type { Core } from '../core';
import { readSettings } from '../settings/read-settings';
import { DEMO_PASSWORD, DEMO_USERS, demoPasswordHashes, seedDemo, type DemoSummary } from './seed-demo';

/** The administrator `--demo` creates on a brand-new store (README "--demo"). */
export const DEMO_ADMIN = { username: 'admin', fullName: 'سلمان عبدالله العمري', password: DEMO_PASSWORD } as const;

export type DemoStart = { filled: true; summary: DemoSummary } | { filled: false };

/**
 * `--demo`, for both shells: a brand-new store (no user account yet) gets the demo administrator, the
 * staff and the data, in one transaction, so sign-in works at once. A store that already has an
 * account is left exactly as it is — demo accounts with a published password never enter a store
 * someone has started to use.
 */
export async function startWithDemo(core: Pick<Core, 'store' | 'dataDir' | 'files' | 'passwordCost' | 'about'>, now = new Date()): Promise<DemoStart> {
  const passwordHashes = await demoPasswordHashes([DEMO_ADMIN.username, ...DEMO_USERS.map((u) => u.username)], core.passwordCost);
  // Checked inside the write transaction: two shells started on one folder at once fill it once.
  return core.store.write(async (trx): Promise<DemoStart> => {
    if (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()) return { filled: false };
    const admin = await trx
      .insertInto('users')
      .values({ username: DEMO_ADMIN.username, full_name: DEMO_ADMIN.fullName, role: 'admin', password_hash: passwordHashes[DEMO_ADMIN.username]!, active: 1, created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { timeZone } = await readSettings(trx, ['timeZone']);
    const summary = await seedDemo(trx, {
      actorId: admin.id,
      now,
      timeZone,
      store: core.store,
      runtime: { dataDir: core.dataDir, files: core.files, passwordCost: core.passwordCost, about: core.about, shell: BROWSER_SHELL },
      passwordHashes,
    });
    await trx
      .insertInto('audit')
      .values({ at: now.toISOString(), user_id: admin.id, operation: 'demo.seed', entity: 'demo', entity_id: null, before: null, after: JSON.stringify(summary) })
      .execute();
    return { filled: true, summary };
  });
}

/** What the shell prints after `--demo` (the console of `npm start`). */
export function demoStartMessage(result: DemoStart): string {
  if (!result.filled) {
    return 'في مجلد البيانات هذا حسابات من قبل، فلم تُضف بيانات تجريبية. للتدريب شغّل بمجلد جديد: --data-dir / this data folder already has accounts: --demo added nothing (use a new --data-dir for training)';
  }
  const { summary } = result;
  return (
    `بيانات تجريبية: ${summary.beneficiaries} مستفيداً و${summary.visits} زيارة و${summary.requests} طلب دعم. ادخل باسم ${DEMO_ADMIN.username} وكلمة المرور ${DEMO_ADMIN.password}` +
    ` / demo data added: sign in as ${DEMO_ADMIN.username} / ${DEMO_ADMIN.password} (staff: ${DEMO_USERS.map((u) => u.username).join(', ')}, same password)`
  );
}
