import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInput, walkInInput } from '../../helpers/fixtures';
import { loadCatalogue, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Reads of personal data in full are audited (PDPL): a beneficiary's whole file, a scan, the
 * pre-filled request form and a daily register with full IDs each leave a row marked as a read —
 * who, at which desk, whose data — written once the read has succeeded. Everyday lookups (the search,
 * the queue, a masked register) do not, and no read moves the desks' change counter.
 */
let t: TestCore;
let admin: SignedIn;
let desk: SignedIn;
let supervisor: SignedIn;
let cat: Catalogue;
let beneficiaryId: number;
let requestId: number;

interface Row {
  id: number;
  at: string;
  user_id: number | null;
  desk_id: number | null;
  operation: string;
  kind: string;
  entity: string | null;
  entity_id: number | null;
  beneficiary_id: number | null;
  before: string | null;
  after: string | null;
}
const reads = (): Promise<Row[]> => t.db.selectFrom('audit').selectAll().where('kind', '=', 'read').orderBy('id').execute();
async function newReads(run: () => Promise<unknown>): Promise<Row[]> {
  const before = (await reads()).length;
  await run();
  return (await reads()).slice(before);
}
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  admin = await signedInAs(t, 'admin');
  desk = await signedInAs(t, 'receptionist', { deskId: 2 });
  supervisor = await signedInAs(t, 'supervisor', { deskId: 3 });
  cat = await loadCatalogue(admin);
  beneficiaryId = (await desk.ok('beneficiaries.register', beneficiaryInput(41, ['هند', 'سالم', 'مبارك', 'العتيبي']))).id;
  requestId = (await desk.ok('requests.open', { beneficiaryId, serviceTypeId: cat.services.food_basket!.id, channel: 'interview' })).id;
  await desk.ok('visits.checkIn', { beneficiaryId, reason: 'follow_up' });
});
afterAll(() => t.cleanup());

describe('reads of personal data in full are audited', () => {
  it('opening a beneficiary\'s whole file: a read naming the user, the desk and the beneficiary', async () => {
    t.clock.set('2025-03-10T06:05:00Z');
    const rows = await newReads(() => desk.ok('beneficiaries.profile', { beneficiaryId }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      at: '2025-03-10T06:05:00.000Z',
      operation: 'beneficiaries.profile',
      user_id: desk.user.id,
      desk_id: 2,
      entity: 'beneficiary',
      entity_id: beneficiaryId,
      beneficiary_id: beneficiaryId,
      before: null,
    });
  });

  it('reading a scan: a read naming the attachment, its file name and request, and whose it is', async () => {
    const scan = await desk.ok('requests.attach', { requestId, purpose: 'document', documentTypeId: cat.documents.national_id!.id, fileName: 'هوية.png', dataBase64: PNG.toString('base64') });
    const rows = await newReads(async () => {
      const file = await supervisor.ok('requests.attachment', { attachmentId: scan.id });
      expect(Buffer.from(file.dataBase64, 'base64').equals(PNG)).toBe(true);
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ operation: 'requests.attachment', user_id: supervisor.user.id, desk_id: 3, entity: 'attachment', entity_id: scan.id, beneficiary_id: beneficiaryId });
    expect(JSON.parse(rows[0]!.after!)).toEqual({ fileName: 'هوية.png', requestId });
    // The scan's bytes never enter the audit trail.
    expect(rows[0]!.after!.length).toBeLessThan(100);
  });

  it('the daily register with full IDs: a read with the day and the desk; the masked register (the default) is not recorded', async () => {
    const masked = await newReads(() => supervisor.ok('documents.dailyRegister', { day: '2025-03-10' }));
    expect(masked).toEqual([]);
    const full = await newReads(() => supervisor.ok('documents.dailyRegister', { day: '2025-03-10', showFullIds: true }));
    expect(full).toHaveLength(1);
    expect(full[0]).toMatchObject({ operation: 'documents.dailyRegister', user_id: supervisor.user.id, desk_id: 3, entity: null });
    expect(JSON.parse(full[0]!.after!)).toEqual({ day: '2025-03-10', deskId: null, showFullIds: true, visits: 1, contacts: 0 });
  });

  it('the pre-filled request form (the applicant\'s and the family\'s full IDs): a read of that request', async () => {
    const rows = await newReads(() => desk.ok('documents.requestForm', { requestId }));
    expect(rows).toEqual([expect.objectContaining({ operation: 'documents.requestForm', entity: 'request', entity_id: requestId, beneficiary_id: beneficiaryId, user_id: desk.user.id })]);
    // The blank form carries nobody's data.
    expect(await newReads(() => desk.ok('documents.requestForm', {}))).toEqual([]);
  });

  it('everyday lookups are not reads in full: the search, the queue, one visit, a request page', async () => {
    const rows = await newReads(async () => {
      await desk.ok('beneficiaries.search', { text: 'هند العتيبي' });
      await desk.ok('visits.queue', {});
      await desk.ok('requests.get', { requestId });
      await desk.ok('beneficiaries.get', { beneficiaryId });
    });
    expect(rows).toEqual([]);
  });

  it('the same window opening the same file again within ten minutes is one read (the screen refetches it on every change); later, or by another user, it is recorded again', async () => {
    const other = (await desk.ok('beneficiaries.register', beneficiaryInput(42))).id;
    const first = await newReads(async () => {
      for (let i = 0; i < 5; i++) await desk.ok('beneficiaries.profile', { beneficiaryId: other });
    });
    expect(first).toHaveLength(1);
    expect(await newReads(() => supervisor.ok('beneficiaries.profile', { beneficiaryId: other }))).toHaveLength(1);
    // The clerk keeps working (the screen reports activity), so the window stays unlocked.
    await supervisor.ok('auth.touch', {});
    t.clock.advance({ minutes: 9 });
    await desk.ok('auth.touch', {});
    await supervisor.ok('auth.touch', {});
    expect(await newReads(() => desk.ok('beneficiaries.profile', { beneficiaryId: other }))).toHaveLength(0);
    t.clock.advance({ minutes: 2 });
    await desk.ok('auth.touch', {});
    await supervisor.ok('auth.touch', {});
    expect(await newReads(() => desk.ok('beneficiaries.profile', { beneficiaryId: other }))).toHaveLength(1);
  });

  it('a read moves neither the desks\' change counter nor anything but the audit table', async () => {
    const revision = (await desk.ok('settings.revision', {})).revision;
    const third = (await desk.ok('beneficiaries.register', beneficiaryInput(43))).id;
    const afterRegister = (await desk.ok('settings.revision', {})).revision;
    expect(afterRegister).toBeGreaterThan(revision);
    const rows = await newReads(() => supervisor.ok('beneficiaries.profile', { beneficiaryId: third }));
    expect(rows).toHaveLength(1);
    expect((await desk.ok('settings.revision', {})).revision).toBe(afterRegister);
  });

  it('a file that does not exist is refused, and no read is recorded', async () => {
    const rows = await newReads(async () => {
      const env = await desk.call('beneficiaries.profile', { beneficiaryId: 987654 });
      expect(!env.ok && env.error.code).toBe('not_found');
    });
    expect(rows).toEqual([]);
  });

  it('a visit checked in for the beneficiary is part of the beneficiary\'s history in the audit trail', async () => {
    const v = await desk.ok('visits.checkIn', { ...walkInInput(), visitorName: undefined, visitorMobile: undefined, beneficiaryId, reason: 'inquiry', again: true });
    const row = await t.db
      .selectFrom('audit')
      .select('beneficiary_id')
      .where('entity', '=', 'visit')
      .where('entity_id', '=', v.id)
      .where('kind', '=', 'change')
      .executeTakeFirstOrThrow();
    expect(row.beneficiary_id).toBe(beneficiaryId);
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
