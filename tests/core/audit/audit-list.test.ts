import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type AuditRowView, type OperationName } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { beneficiaryInput, nationalIdFor } from '../../helpers/fixtures';
import { loadCatalogue, profileInput, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { countRows, openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * The audit screen's operation: read-only, for administrators and supervisors; newest first, a page at
 * a time; filtered by days (the desk's days, Asia/Riyadh), user, operation, beneficiary and kind; each
 * change with its fields before and after, named in Arabic, national IDs masked unless asked (and then
 * that listing is itself recorded).
 */
let t: TestCore;
let admin: SignedIn;
let supervisor: SignedIn;
let desk: SignedIn;
let cat: Catalogue;
let hind: number;
let other: number;
let hindRequest: number;

/** Every row the filter gives, page after page, newest first. */
async function everything(s: SignedIn, filter: Record<string, unknown>, limit = 3): Promise<AuditRowView[]> {
  const rows: AuditRowView[] = [];
  let olderThan: { at: string; id: number } | undefined;
  for (;;) {
    const page = await s.ok('audit.list', { ...filter, limit, ...(olderThan ? { olderThan } : {}) } as never);
    rows.push(...page.rows);
    if (!page.next) return rows;
    olderThan = page.next;
  }
}
/** The audit rows of one kind and operation, oldest first. */
const auditOf = (kind: 'read' | 'refused', operation: string) =>
  t.db.selectFrom('audit').select(['user_id', 'reason', 'after']).where('kind', '=', kind).where('operation', '=', operation).orderBy('id').execute();

beforeAll(async () => {
  // The day before, in Riyadh: 20:30 UTC is 23:30 there.
  t = await openTestCore({ now: '2025-03-09T20:30:00Z' });
  admin = await signedInAs(t, 'admin');
  supervisor = await signedInAs(t, 'supervisor', { deskId: 3, fullName: 'فهد ناصر الدوسري' });
  desk = await signedInAs(t, 'receptionist', { deskId: 2, fullName: 'نورة سعد العتيبي' });
  cat = await loadCatalogue(admin);
  hind = (await desk.ok('beneficiaries.register', beneficiaryInput(61, ['هند', 'سالم', 'مبارك', 'العتيبي']))).id;
  // 21:30 UTC is 00:30 on 10 March in Riyadh: the next day at the desk.
  t.clock.set('2025-03-09T21:30:00Z');
  await unlockAll();
  other = (await desk.ok('beneficiaries.register', beneficiaryInput(62))).id;
  hindRequest = (await desk.ok('requests.open', { beneficiaryId: hind, serviceTypeId: cat.services.food_basket!.id, channel: 'interview' })).id;
  await desk.ok('visits.checkIn', { beneficiaryId: hind, reason: 'follow_up' });
  await desk.ok('visits.checkIn', { beneficiaryId: other, reason: 'inquiry' });
  await supervisor.ok('beneficiaries.profile', { beneficiaryId: hind });
});
afterAll(() => t.cleanup());

async function unlockAll() {
  for (const s of [admin, supervisor, desk]) {
    const env = await s.call('auth.session', {});
    if (env.ok && (env.value as { locked: boolean }).locked) await s.ok('auth.unlock', { password: s.password });
  }
}

describe('audit.list: who may read the audit trail', () => {
  it('a receptionist and a researcher are refused in Arabic, and the refusal is itself recorded', async () => {
    const researcher = await signedInAs(t, 'researcher');
    for (const s of [desk, researcher]) {
      const env = await s.call('audit.list', {});
      expect(!env.ok && env.error).toMatchObject({ code: 'forbidden', message: ar.errors.forbidden });
    }
    const refused = (await auditOf('refused', 'audit.list')).map(({ user_id, reason }) => ({ user_id, reason }));
    expect(refused).toEqual([
      { user_id: desk.user.id, reason: 'forbidden' },
      { user_id: researcher.user.id, reason: 'forbidden' },
    ]);
  });

  it('a supervisor and an administrator read it; reading it is not itself recorded', async () => {
    const before = await countRows(t, 'audit');
    expect((await supervisor.ok('audit.list', {})).rows.length).toBeGreaterThan(0);
    expect((await admin.ok('audit.list', {})).rows.length).toBeGreaterThan(0);
    expect(await countRows(t, 'audit')).toBe(before);
  });

  it('it is a query: nothing in the contract lets anyone change or remove an audit row', () => {
    const auditOps = (Object.keys(contract) as OperationName[]).filter((name) => name.startsWith('audit.'));
    expect(auditOps.map((name) => [name, contract[name].kind])).toEqual([['audit.list', 'query']]);
  });
});

describe('audit.list: newest first, a page at a time', () => {
  it('pages of three follow one another without a gap or a repeat, to the very first row, newest first', async () => {
    const all = await everything(admin, {}, 3);
    const ids = (await t.db.selectFrom('audit').select('id').orderBy('at', 'desc').orderBy('id', 'desc').execute()).map((r) => r.id);
    expect(all.map((r) => r.id)).toEqual(ids);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    // Many rows share one instant (the test clock stands still): the (time, id) key still orders them.
    expect(all.filter((r) => r.at === '2025-03-09T21:30:00.000Z').length).toBeGreaterThan(3);
  });

  it('each row says when, who, at which desk, what, and whose data', async () => {
    const [row] = (await admin.ok('audit.list', { operation: 'requests.open' })).rows;
    const { number } = await t.db.selectFrom('requests').select('number').where('id', '=', hindRequest).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      at: '2025-03-09T21:30:00.000Z',
      kind: 'change',
      reason: null,
      operation: 'requests.open',
      user: { id: desk.user.id, fullName: 'نورة سعد العتيبي' },
      desk: { id: 2, name: 'مكتب الاستقبال 2' },
      entity: 'request',
      entityId: hindRequest,
      // The request by its printed number, as the desk knows it.
      subject: number,
      beneficiary: { id: hind, fullName: 'هند سالم مبارك العتيبي', fileNumber: null },
    });
  });
});

describe('audit.list: filters', () => {
  it('by days: the desk\'s day in Riyadh, not the UTC date (23:30 on 9 March is the 9th, 00:30 UTC+3 the 10th)', async () => {
    const ninth = await everything(admin, { from: '2025-03-09', to: '2025-03-09' });
    const tenth = await everything(admin, { from: '2025-03-10', to: '2025-03-10' });
    expect(ninth.map((r) => r.operation)).toContain('beneficiaries.register');
    expect(ninth.every((r) => r.at < '2025-03-09T21:00:00.000Z')).toBe(true);
    expect(tenth.every((r) => r.at >= '2025-03-09T21:00:00.000Z')).toBe(true);
    expect(tenth.find((r) => r.operation === 'beneficiaries.register')?.entityId).toBe(other);
    expect(ninth.length + tenth.length).toBe(await countRows(t, 'audit'));
    expect(await everything(admin, { from: '2025-03-11' })).toEqual([]);
  });

  it('by user: only that user\'s rows', async () => {
    const rows = await everything(admin, { userId: supervisor.user.id });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.user?.id === supervisor.user.id)).toBe(true);
    expect(rows.map((r) => r.operation)).toContain('beneficiaries.profile');
  });

  it('by operation: only that operation', async () => {
    const rows = await everything(admin, { operation: 'visits.checkIn' });
    expect(rows.map((r) => r.beneficiary?.id)).toEqual([other, hind]);
  });

  it('by beneficiary: the file and everything that belongs to the person — the request, the visit, the reading of the file', async () => {
    const rows = await everything(admin, { beneficiaryId: hind });
    expect(rows.map((r) => [r.operation, r.kind]).sort()).toEqual(
      [
        ['beneficiaries.profile', 'read'],
        ['beneficiaries.register', 'change'],
        ['requests.open', 'change'],
        ['visits.checkIn', 'change'],
      ].sort(),
    );
    expect(rows.every((r) => r.beneficiary?.id === hind)).toBe(true);
  });

  it('by kind: the reads alone, the refusals alone', async () => {
    const readRows = await everything(admin, { kind: 'read' });
    expect(readRows.length).toBeGreaterThan(0);
    expect(readRows.every((r) => r.kind === 'read')).toBe(true);
    const refused = await everything(admin, { kind: 'refused' });
    expect(refused.every((r) => r.kind === 'refused' && r.reason !== null)).toBe(true);
  });

  it('filters combine (user and day and operation)', async () => {
    const rows = await everything(admin, { userId: desk.user.id, from: '2025-03-10', operation: 'beneficiaries.register' });
    expect(rows.map((r) => r.entityId)).toEqual([other]);
  });

  it('an end day before the start day is refused in Arabic on its field', async () => {
    const env = await admin.call('audit.list', { from: '2025-03-10', to: '2025-03-09' });
    expect(!env.ok && env.error).toMatchObject({ code: 'validation' });
    expect(!env.ok && env.error.issues).toContainEqual({ path: ['to'], message: ar.audit.rangeReversed });
  });
});

describe('audit.list: before and after', () => {
  it('a file saved: the changed fields with their Arabic names and both values; the national ID masked to its last four digits', async () => {
    const p = await desk.ok('beneficiaries.profile', { beneficiaryId: other });
    const newId = nationalIdFor(777);
    await desk.ok('beneficiaries.update', {
      beneficiaryId: other,
      version: p.version,
      profile: profileInput(p, { city: 'الرياض', identity: { idType: 'national_id', idNumber: newId }, maritalStatus: 'married', family: [{ name: 'سارة محمد', relation: 'daughter', idNumber: null, birthDate: '2015-02-28' }] }),
    });
    const [row] = (await admin.ok('audit.list', { operation: 'beneficiaries.update' })).rows;
    const field = (name: string) => row!.fields.find((f) => f.field === name);
    expect(field(ar.profile.city)).toEqual({ field: ar.profile.city, before: null, after: 'الرياض' });
    expect(field(ar.profile.maritalStatus)).toEqual({ field: ar.profile.maritalStatus, before: null, after: ar.maritalStatuses.married });
    expect(field(ar.ui.idNumber)).toEqual({ field: ar.ui.idNumber, before: `******${nationalIdFor(62).slice(-4)}`, after: `******${newId.slice(-4)}` });
    expect(field(`${ar.profile.familySection} › سارة محمد › ${ar.profile.relation}`)).toMatchObject({ before: null, after: ar.familyRelations.daughter });
    // Fields that did not change are not listed; no full ID anywhere in the answer.
    expect(row!.fields.find((f) => f.field === ar.ui.firstName)).toBeUndefined();
    expect(JSON.stringify(row)).not.toContain(newId);
    expect(JSON.stringify(row)).not.toContain(nationalIdFor(62));
  });

  it('asked with full IDs, the same row shows them — and that listing is recorded as a read of personal data', async () => {
    const before = (await auditOf('read', 'audit.list')).length;
    const [row] = (await supervisor.ok('audit.list', { operation: 'beneficiaries.update', showFullIds: true })).rows;
    expect(row!.fields.find((f) => f.field === ar.ui.idNumber)).toMatchObject({ before: nationalIdFor(62), after: nationalIdFor(777) });
    const reads = (await auditOf('read', 'audit.list')).map(({ user_id, after }) => ({ user_id, after }));
    expect(reads.length).toBe(before + 1);
    expect(reads.at(-1)).toEqual({ user_id: supervisor.user.id, after: JSON.stringify({ operation: 'beneficiaries.update', showFullIds: true }) });
  });

  it('a committee decision: the state and the decision in Arabic, who decided', async () => {
    const r = await desk.ok('requests.open', { beneficiaryId: other, serviceTypeId: cat.services.food_basket!.id, channel: 'phone' });
    let view = r;
    for (const d of r.documents) {
      view = await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: d.documentTypeId, version: d.version, provided: true, expiryDate: d.hasExpiry ? '2030-01-01' : null });
    }
    await desk.ok('requests.signDeclaration', { requestId: view.id });
    await desk.ok('requests.submit', { requestId: view.id });
    await supervisor.ok('requests.decide', { requestId: view.id, outcome: 'rejected', reason: 'لا تنطبق الشروط' });
    const [decided] = (await admin.ok('audit.list', { operation: 'requests.decide' })).rows;
    expect(decided!.fields).toEqual(
      expect.arrayContaining([
        { field: ar.audit.fields.state, before: ar.requestStates.submitted, after: ar.requestStates.rejected },
        { field: `${ar.audit.fields.decision} › ${ar.audit.fields['decision.outcome']}`, before: null, after: ar.requestStates.rejected },
        { field: `${ar.audit.fields.decision} › ${ar.audit.fields['decision.reason']}`, before: null, after: 'لا تنطبق الشروط' },
        { field: `${ar.audit.fields.decision} › ${ar.audit.fields.decidedBy}`, before: null, after: 'فهد ناصر الدوسري' },
      ]),
    );
    // A document line set: named by its document.
    const [line] = (await admin.ok('audit.list', { operation: 'requests.setDocument' })).rows;
    expect(line!.fields.some((f) => f.field.startsWith(`${ar.audit.fields.document} › `) && f.field.endsWith(ar.requests.provided) && f.after === ar.audit.yes)).toBe(true);
  });

  it('every field of every row is named in Arabic, every value readable (no stored code, no Latin field name)', async () => {
    // Enough kinds of change for every handler's shape: users, settings, visits, requests, the catalogue.
    const extra = await signedInAs(t, 'receptionist', { deskId: 1 });
    await admin.ok('users.update', { userId: extra.user.id, fullName: 'ريم خالد الشهري', role: 'researcher' });
    await admin.ok('users.setActive', { userId: extra.user.id, active: false });
    await admin.ok('settings.update', { lockAfterMinutes: 15, associationBranch: 'فرع الشمال' });
    const v = await desk.ok('visits.checkIn', { visitorName: 'سالم علي الحربي', reason: 'complaint' });
    await desk.ok('visits.call', { visitId: v.id });
    await desk.ok('visits.finish', { visitId: v.id, outcome: 'complaint_recorded', outcomeNote: 'شكوى من طول الانتظار' } as never);
    // P8: the complaint that finish recorded, followed up.
    const [complaint] = (await admin.ok('complaints.list', {})).rows;
    await admin.ok('complaints.update', { complaintId: complaint!.id, status: 'in_progress', ownerId: admin.user.id, category: 'waiting_time' });
    const rows = await everything(admin, {}, 200);
    const latin = /[A-Za-z]/;
    for (const row of rows) {
      for (const f of row.fields) {
        expect(latin.test(f.field), `${row.operation}: ${f.field}`).toBe(false);
        expect(f.field, row.operation).not.toContain(ar.audit.otherField);
        for (const value of [f.before, f.after]) {
          // A username is the person's own word for themselves (admin, reception1), not a code.
          if (value === null || f.field === ar.ui.username) continue;
          expect(/^(waiting|serving|done|draft|submitted|accepted|rejected|receptionist|researcher|supervisor|admin|national_id|complaint|inquiry|interview|phone|true|false)$/.test(value), `${row.operation}: ${f.field} = ${value}`).toBe(false);
        }
      }
      expect(Object.prototype.hasOwnProperty.call(ar.operations, row.operation), row.operation).toBe(true);
    }
    const deactivated = rows.find((r) => r.operation === 'users.setActive')!;
    expect(deactivated.fields).toContainEqual({ field: ar.ui.active, before: ar.audit.yes, after: ar.audit.no });
  });
});

describe('audit.list: nothing went wrong', () => {
  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
