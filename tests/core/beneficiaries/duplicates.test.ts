import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeneficiaryView } from '@shared/contract';
import { ar, fill } from '@shared/labels/ar';
import { beneficiaryInput, isArabicText, mobileFor, nationalIdFor } from '../../helpers/fixtures';
import { profileInput, requestSnapshot } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Duplicates in the beneficiary files: an ID number on another file is never allowed; the same
 * mobile, or the same normalised name with the same birth date, is answered 'duplicate' with links
 * to the files it looks like — nothing saved — until the receptionist confirms.
 */
let t: TestCore;
let desk: SignedIn;
let qahtani: BeneficiaryView;

const QAHTANI = ['محمد', 'عبدالله', 'سعد', 'القحطاني'] as [string, string, string, string];
const BIRTH = '1985-04-12';

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  desk = await signedInAs(t, 'receptionist');
  qahtani = await desk.ok('beneficiaries.register', beneficiaryInput(111, QAHTANI, { birthDate: BIRTH }));
});
afterAll(() => t.cleanup());

const idCount = async (idNumber: string) =>
  (await t.db.selectFrom('beneficiaries').select((eb) => eb.fn.countAll<number>().as('n')).where('id_number', '=', idNumber).executeTakeFirstOrThrow()).n;

async function expectNothingWritten<T>(fn: () => Promise<T>): Promise<T> {
  const before = await requestSnapshot(t, 0);
  const result = await fn();
  expect(await requestSnapshot(t, 0)).toEqual(before);
  return result;
}

describe('the same ID number: never two files', () => {
  it.each([false, true])('enrolling with an ID already on file → conflict naming its holder (confirmDuplicates: %s)', async (confirmDuplicates) => {
    const env = await expectNothingWritten(() =>
      desk.call('beneficiaries.register', beneficiaryInput(111, ['سالم', 'علي', 'حسن', 'الحربي'], { mobile: mobileFor(9111), confirmDuplicates })),
    );
    expect(!env.ok && env.error).toMatchObject({
      code: 'conflict',
      message: fill(ar.messages.idNumberTaken, { name: qahtani.fullName }),
      issues: [{ path: ['identity', 'idNumber'] }],
      duplicates: [{ beneficiaryId: qahtani.id, fullName: qahtani.fullName, fileNumber: null, reason: 'id' }],
    });
    expect(await idCount(nationalIdFor(111))).toBe(1);
  });

  it.each([false, true])('changing another file to that ID → conflict, that file unchanged (confirmDuplicates: %s)', async (confirmDuplicates) => {
    const other = await desk.ok('beneficiaries.register', beneficiaryInput(112 + Number(confirmDuplicates), ['خالد', 'سعيد', 'ناصر', 'الشمري']));
    const p = await desk.ok('beneficiaries.profile', { beneficiaryId: other.id });
    const env = await expectNothingWritten(() =>
      desk.call('beneficiaries.update', {
        beneficiaryId: other.id,
        version: p.version,
        confirmDuplicates,
        profile: profileInput(p, { identity: { idType: 'national_id', idNumber: nationalIdFor(111) } }),
      }),
    );
    expect(!env.ok && env.error.code).toBe('conflict');
    expect(!env.ok && env.error.message).toContain(qahtani.fullName);
    expect(await idCount(nationalIdFor(111))).toBe(1);
  });

  it('the store itself refuses a second file with one ID (a unique index)', async () => {
    const { id: _id, ...file } = await t.db.selectFrom('beneficiaries').selectAll().where('id_number', '=', nationalIdFor(111)).executeTakeFirstOrThrow();
    const copy = { ...file, file_number: null, search_rank: null };
    await expect(t.store.write((trx) => trx.insertInto('beneficiaries').values(copy).execute())).rejects.toThrow(/unique/i);
    expect(await idCount(nationalIdFor(111))).toBe(1);
  });
});

describe('the same mobile → duplicate, unless confirmed', () => {
  it.each(['0550000111', '055 000 0111', '+966550000111', '٠٥٥٠٠٠٠١١١'])('a new file with %s', async (mobile) => {
    expect(qahtani.mobile).toBe('+966550000111');
    const input = beneficiaryInput(120, ['نورة', 'عبدالله', 'سعد', 'القحطاني'], { mobile });
    const env = await expectNothingWritten(() => desk.call('beneficiaries.register', input));
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error).toMatchObject({
      code: 'duplicate',
      duplicates: [{ beneficiaryId: qahtani.id, fullName: qahtani.fullName, fileNumber: null, reason: 'mobile' }],
    });
    expect(env.error.message).toContain(ar.errors.duplicate);
    expect(env.error.message).toContain(fill(ar.messages.duplicateMobile, { name: qahtani.fullName }));
    expect(isArabicText(env.error.message)).toBe(true);
  });

  it('confirmed, the second file is saved (family members often share one mobile)', async () => {
    const wife = await desk.ok('beneficiaries.register', beneficiaryInput(121, ['هند', 'فهد', 'سعد', 'القحطاني'], { mobile: qahtani.mobile!, confirmDuplicates: true }));
    expect(wife).toMatchObject({ mobile: qahtani.mobile, fileNumber: null });
    expect(wife.id).not.toBe(qahtani.id);
  });

  it('a second mobile on another file that is someone\'s first → duplicate on update; confirmed, saved', async () => {
    const other = await desk.ok('beneficiaries.register', beneficiaryInput(122, ['عمر', 'حمد', 'صالح', 'الزهراني']));
    const p = await desk.ok('beneficiaries.profile', { beneficiaryId: other.id });
    const input = { beneficiaryId: other.id, version: p.version, profile: profileInput(p, { mobile2: '0550000111' }) };
    const env = await expectNothingWritten(() => desk.call('beneficiaries.update', input));
    expect(!env.ok && env.error.code).toBe('duplicate');
    expect(!env.ok && env.error.duplicates?.map((d) => [d.beneficiaryId, d.reason])).toContainEqual([qahtani.id, 'mobile']);
    const saved = await desk.ok('beneficiaries.update', { ...input, confirmDuplicates: true });
    expect(saved.mobile2).toBe('+966550000111');
  });
});

describe('the same normalised name and birth date → duplicate, unless confirmed', () => {
  it.each([
    ['with diacritics and ى', ['مُحمّد', 'عبدالله', 'سعد', 'القحطانى']],
    ['"عبد الله" in two words', ['محمد', 'عبد الله', 'سعد', 'القحطاني']],
    ['with tatweel', ['محـــمد', 'عبدالله', 'سـعد', 'القحطاني']],
  ])('%s', async (_label, name) => {
    const input = beneficiaryInput(130, name as [string, string, string, string], { birthDate: BIRTH });
    const env = await expectNothingWritten(() => desk.call('beneficiaries.register', input));
    expect(!env.ok && env.error).toMatchObject({
      code: 'duplicate',
      duplicates: [{ beneficiaryId: qahtani.id, fullName: qahtani.fullName, reason: 'name_birth' }],
    });
    expect(!env.ok && env.error.message).toContain(fill(ar.messages.duplicateNameBirth, { name: qahtani.fullName }));
  });

  it('the same name born another day, or with no birth date, is another person: saved without a question', async () => {
    const other = await desk.ok('beneficiaries.register', beneficiaryInput(131, QAHTANI, { birthDate: '1985-04-13' }));
    expect(other.fullName).toBe(qahtani.fullName);
    const noBirth = await desk.ok('beneficiaries.register', beneficiaryInput(132, QAHTANI));
    expect(noBirth.fullName).toBe(qahtani.fullName);
  });

  it('confirmed, the namesake is saved', async () => {
    const twin = await desk.ok('beneficiaries.register', beneficiaryInput(133, ['مُحمّد', 'عبد الله', 'سعد', 'القحطانى'], { birthDate: BIRTH, confirmDuplicates: true }));
    expect(twin.id).not.toBe(qahtani.id);
  });

  it('renaming a file to match another person\'s name and birth date → duplicate on update', async () => {
    const other = await desk.ok('beneficiaries.register', beneficiaryInput(134, ['بدر', 'سلمان', 'راشد', 'العنزي']));
    const p = await desk.ok('beneficiaries.profile', { beneficiaryId: other.id });
    const [firstName, fatherName, grandfatherName, familyName] = QAHTANI;
    const env = await expectNothingWritten(() =>
      desk.call('beneficiaries.update', {
        beneficiaryId: other.id,
        version: p.version,
        profile: profileInput(p, { firstName, fatherName, grandfatherName, familyName, birthDate: BIRTH }),
      }),
    );
    expect(!env.ok && env.error.code).toBe('duplicate');
    expect(!env.ok && env.error.duplicates?.some((d) => d.beneficiaryId === qahtani.id && d.reason === 'name_birth')).toBe(true);
  });
});

describe('hints', () => {
  it('a file is never its own duplicate: saving it goes through', async () => {
    const alone = await desk.ok('beneficiaries.register', beneficiaryInput(150, ['تركي', 'مشعل', 'بندر', 'السبيعي'], { birthDate: '1979-11-30' }));
    const p = await desk.ok('beneficiaries.profile', { beneficiaryId: alone.id });
    const saved = await desk.ok('beneficiaries.update', { beneficiaryId: alone.id, version: p.version, profile: profileInput(p, { city: 'الخرج' }) });
    expect(saved).toMatchObject({ version: p.version + 1, city: 'الخرج' });
  });

  it('every look-alike is listed, each once, with its reason', async () => {
    const zahrani = await desk.ok('beneficiaries.register', beneficiaryInput(140, ['فاطمة', 'علي', 'حسن', 'الزهراني'], { birthDate: '1992-01-05' }));
    // Qahtani's mobile and Zahrani's name and birth date at once.
    const input = beneficiaryInput(141, ['فاطمه', 'علي', 'حسن', 'الزهراني'], { birthDate: '1992-01-05', mobile: '0550000111' });
    const env = await expectNothingWritten(() => desk.call('beneficiaries.register', input));
    expect(env.ok).toBe(false);
    if (env.ok) return;
    const hints = env.error.duplicates ?? [];
    expect(hints.find((h) => h.beneficiaryId === zahrani.id)).toMatchObject({ fullName: 'فاطمة علي حسن الزهراني', reason: 'name_birth' });
    expect(hints.find((h) => h.beneficiaryId === qahtani.id)).toMatchObject({ reason: 'mobile' });
    expect(new Set(hints.map((h) => h.beneficiaryId)).size).toBe(hints.length);
    expect(env.error.message).toContain('فاطمة علي حسن الزهراني');
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
