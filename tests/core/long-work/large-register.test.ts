import type { Insertable } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../electron/core/store/schema';
import type { PdfView } from '@shared/contract/printing';
import { VISIT_REASONS, VISIT_STATES } from '@shared/domain/visit';
import type { Envelope } from '@shared/errors';
import { LOOPBACK_HOST, SESSION_HEADER, startLoopback, type LoopbackServer } from '../../../electron/loopback/server';
import { beneficiaryInput } from '../../helpers/fixtures';
import { signedInAs } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';
import { normaliseText as n, pdfText } from '../printing/pdf-text';

/**
 * Long work never freezes the desks (docs/architecture.md#long-work-the-job-worker): السجل اليومي of a long day is read and drawn in a
 * worker thread with its own read-only connection, page by page, while the shell goes on answering
 * every desk — reads and changes alike.
 */

// Generous bounds on a shared two-core machine, not timing targets: those are in `npm run bench`.
const NOW = '2026-03-05T09:00:00Z';
const DAY = '2026-03-05';

let t: TestCore | null = null;
let server: LoopbackServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  await t?.cleanup();
  t = null;
});

/** A desk's call as it reaches a shell: over HTTP, through the loopback shell, so it waits for the event loop like any desk's. */
function overHttp(loopback: LoopbackServer, sessionId: string) {
  return async <T>(operation: string, input: unknown): Promise<T> => {
    const res = await fetch(`http://${LOOPBACK_HOST}:${loopback.port}/api/call`, {
      method: 'POST',
      headers: { authorization: `Bearer ${loopback.token}`, 'content-type': 'application/json', [SESSION_HEADER]: sessionId },
      body: JSON.stringify({ operation, input }),
    });
    const envelope = (await res.json()) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${operation}: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value;
  };
}

/**
 * `count` visits of DAY at desks 1 and 2 from 08:00, written straight into the store (a day of
 * thousands of check-ins through the operations would take the test minutes): half of them by
 * registered beneficiaries, the rest by visitors without a file, in every state and reason.
 */
async function writeVisits(core: TestCore, count: number, beneficiaryIds: number[], staffId: number): Promise<void> {
  const rows: Insertable<Database['visits']>[] = [];
  const seq = [0, 0, 0];
  for (let i = 0; i < count; i++) {
    const desk = 1 + (i % 2);
    const s = ++seq[desk]!;
    const arrived = Date.parse(`${DAY}T05:00:00Z`) + i * 1_000;
    const state = VISIT_STATES[i % VISIT_STATES.length]!;
    const called = state === 'waiting' || state === 'left' ? null : new Date(arrived + 300_000).toISOString();
    const ended = ['done', 'left', 'cancelled'].includes(state) ? new Date(arrived + 900_000).toISOString() : null;
    rows.push({
      day: DAY,
      desk_id: desk,
      seq: s,
      ticket: `${desk === 1 ? 'A' : 'B'}-${String(s).padStart(3, '0')}`,
      beneficiary_id: i % 2 === 0 ? beneficiaryIds[i % beneficiaryIds.length]! : null,
      visitor_name: i % 2 === 0 ? null : `زائر رقم ${i} الحربي`,
      reason: VISIT_REASONS[i % VISIT_REASONS.length]!,
      channel: 'interview' as const,
      state,
      arrived_at: new Date(arrived).toISOString(),
      called_at: called,
      ended_at: ended,
      served_by: called ? staffId : null,
      serving_desk_id: called ? desk : null,
      outcome: null,
      created_by: staffId,
      version: 1,
    });
  }
  // In one transaction, a few hundred rows a statement (well under either engine's limit of parameters).
  await core.store.write(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('visits').values(rows.slice(i, i + 500)).execute();
  });
}

describe('the daily register of a long day', () => {
  it("is built off the shell's thread: over HTTP, the queue, a search and a check-in all answer while a register of 2,000 visits is built", async () => {
    t = await openTestCore({ now: NOW });
    const desk = await signedInAs(t, 'receptionist');
    const supervisor = await signedInAs(t, 'supervisor', { deskId: 2 });
    const people = [];
    for (const serial of [31, 32, 33]) people.push(await desk.ok('beneficiaries.register', beneficiaryInput(serial)));
    await writeVisits(t, 2_000, people.map((p) => p.id), desk.user.id);
    server = await startLoopback({ core: t, port: 0 });
    const deskCall = overHttp(server, desk.sessionId);

    const order: string[] = [];
    const register = overHttp(server, supervisor.sessionId)<PdfView>('documents.dailyRegister', {}).then((pdf) => {
      order.push('register');
      return pdf;
    });
    expect((await deskCall<{ visits: unknown[] }>('visits.queue', {})).visits).toHaveLength(2_000);
    order.push('queue');
    expect((await deskCall<{ id: number }[]>('beneficiaries.search', { text: beneficiaryInput(32).identity.idNumber })).map((h) => h.id)).toEqual([people[1]!.id]);
    order.push('search');
    const visit = await deskCall<{ ticket: string }>('visits.checkIn', { beneficiaryId: people[0]!.id, reason: 'inquiry', again: true });
    order.push('check-in');

    const pdf = Buffer.from((await register).pdfBase64, 'base64');
    expect(order).toEqual(['queue', 'search', 'check-in', 'register']);
    expect(visit.ticket).toBe('A-1001');
    // A register of the whole day all the same (the next test reads one back in full).
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThan(60);
  }, 180_000);

  it('read in the worker from the store: every visit once in arrival order, IDs masked, totals, «صفحة i من n» on every page; one desk alone on request', async () => {
    t = await openTestCore({ now: NOW });
    const desk = await signedInAs(t, 'receptionist');
    const supervisor = await signedInAs(t, 'supervisor', { deskId: 2 });
    const people = [];
    for (const serial of [41, 42]) people.push(await desk.ok('beneficiaries.register', beneficiaryInput(serial)));
    await writeVisits(t, 450, people.map((p) => p.id), desk.user.id);
    const inOrder = async (deskId: number | null) => {
      let q = t!.db.selectFrom('visits').select('ticket').where('day', '=', DAY);
      if (deskId !== null) q = q.where('desk_id', '=', deskId);
      return (await q.orderBy('arrived_at').orderBy('id').execute()).map((r) => r.ticket);
    };

    const all = await pdfText(Buffer.from((await supervisor.ok('documents.dailyRegister', {})).pdfBase64, 'base64'));
    expect(all.pages.length).toBeGreaterThan(10);
    all.pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(n(`صفحة ${i + 1} من ${all.pages.length}`)));
    expect([...all.text.matchAll(/[AB]-\d{3}/g)].map((m) => m[0])).toEqual(await inOrder(null));
    expect(all.text).toContain('إجماليالزيارات:450');
    const idNumber = beneficiaryInput(41).identity.idNumber;
    expect(all.text).toContain(`******${idNumber.slice(-4)}`);
    expect(all.text).not.toContain(idNumber);

    const deskB = await pdfText(Buffer.from((await supervisor.ok('documents.dailyRegister', { deskId: 2 })).pdfBase64, 'base64'));
    expect([...deskB.text.matchAll(/[AB]-\d{3}/g)].map((m) => m[0])).toEqual(await inOrder(2));
    expect(deskB.text).toContain('إجماليالزيارات:225');
  }, 180_000);
});
