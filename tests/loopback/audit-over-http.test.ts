import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopback, SESSION_HEADER, type LoopbackServer } from '../../electron/loopback/server';
import { ar } from '@shared/labels/ar';
import { beneficiaryInput } from '../helpers/fixtures';
import { openTestCore, type TestCore } from '../helpers/test-core';

/**
 * The audit trail over real HTTP on 127.0.0.1, as a script or integrator calls the core: a call
 * outside the caller's role is refused and recorded with the user, the desk and the reason; a whole
 * file read over HTTP is recorded as a read; and the audit screen's list answers over HTTP too.
 */
let t: TestCore;
let server: LoopbackServer;
let base: string;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T07:00:00Z' });
  server = await startLoopback({ core: t, port: 0 });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await t.cleanup();
});

async function session(): Promise<(operation: string, input: unknown) => Promise<{ status: number; body: { ok: boolean; value?: any; error?: { code: string; message: string } } }>> {
  const headers = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
  const { sessionId } = (await (await fetch(`${base}/api/session`, { method: 'POST', headers })).json()) as { sessionId: string };
  return async (operation, input) => {
    const res = await fetch(`${base}/api/call`, { method: 'POST', headers: { ...headers, [SESSION_HEADER]: sessionId }, body: JSON.stringify({ operation, input }) });
    return { status: res.status, body: (await res.json()) as never };
  };
}

describe('the audit trail over HTTP', () => {
  it('a receptionist\'s call to an administrator\'s operation over HTTP: refused in Arabic, and recorded with the user, desk 2 and the reason', async () => {
    const admin = await session();
    expect((await admin('auth.setup', { username: 'admin', fullName: 'سعد عبدالله المطيري', password: 'hall-keeper-1445', deskId: 1 })).body.ok).toBe(true);
    const clerk = (await admin('users.create', { username: 'reception9', fullName: 'لمياء ناصر الدوسري', role: 'receptionist', password: 'staff-pass-123' })).body.value as { id: number };

    const desk = await session();
    expect((await desk('auth.signIn', { username: 'reception9', password: 'staff-pass-123', deskId: 2 })).body.ok).toBe(true);
    const refused = await desk('users.create', { username: 'backdoor', fullName: 'حساب خلفي', role: 'admin', password: 'backdoor-123' });
    expect(refused.body).toEqual({ ok: false, error: { code: 'forbidden', message: ar.errors.forbidden } });

    const rows = t.raw.prepare("SELECT operation, user_id, desk_id, kind, reason FROM audit WHERE kind = 'refused'").all();
    expect(rows).toEqual([{ operation: 'users.create', user_id: clerk.id, desk_id: 2, kind: 'refused', reason: 'forbidden' }]);
    expect(t.raw.prepare("SELECT count(*) AS n FROM users WHERE username = 'backdoor'").get()).toEqual({ n: 0 });

    // The administrator finds it on the audit screen's list, over HTTP as well.
    const listed = await admin('audit.list', { kind: 'refused' });
    expect(listed.body.ok).toBe(true);
    expect(listed.body.value.rows).toEqual([
      expect.objectContaining({ operation: 'users.create', kind: 'refused', reason: 'forbidden', user: { id: clerk.id, fullName: 'لمياء ناصر الدوسري' }, desk: { id: 2, name: 'مكتب الاستقبال 2' } }),
    ]);
  });

  it('a whole file read over HTTP is recorded as a read', async () => {
    const admin = await session();
    await admin('auth.signIn', { username: 'admin', password: 'hall-keeper-1445', deskId: 1 });
    const b = (await admin('beneficiaries.register', beneficiaryInput(91))).body.value as { id: number };
    expect((await admin('beneficiaries.profile', { beneficiaryId: b.id })).body.ok).toBe(true);
    expect(t.raw.prepare("SELECT operation, desk_id, beneficiary_id FROM audit WHERE kind = 'read'").all()).toEqual([
      { operation: 'beneficiaries.profile', desk_id: 1, beneficiary_id: b.id },
    ]);
  });
});
