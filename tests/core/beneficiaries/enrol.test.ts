import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { beneficiaryInput, isArabicText, nationalIdFor } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/** S2: the desk checks identity data when it is typed; bad input gets a clear Arabic message and writes nothing. */
let t: TestCore;
let desk: SignedIn;

beforeAll(async () => {
  t = await openTestCore();
  desk = await signedInAs(t, 'receptionist');
});
afterAll(() => t.cleanup());

const wrongCheckDigit = (id: string) => id.slice(0, 9) + ((Number(id[9]) + 1) % 10);

describe('enrolling a beneficiary (opening their file)', () => {
  it('stores the four-part name, the cleaned ID and the normalised mobile', async () => {
    const arabicDigits = nationalIdFor(7).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    const b = await desk.ok(
      'beneficiaries.register',
      beneficiaryInput(7, ['  نُورة', 'عبدالعزيز', 'فهد', 'آل سعود '], { identity: { idType: 'national_id', idNumber: arabicDigits }, mobile: '055 987 6543' }),
    );
    expect(b).toMatchObject({ fullName: 'نُورة عبدالعزيز فهد آل سعود', idNumber: nationalIdFor(7), mobile: '+966559876543', idType: 'national_id' });
    const row = await t.db.selectFrom('beneficiaries').select('name_norm').where('id', '=', b.id).executeTakeFirstOrThrow();
    expect(row.name_norm).toBe('نوره عبدالعزيز فهد ال سعود');
    expect(await desk.ok('beneficiaries.get', { beneficiaryId: b.id })).toEqual(b);
  });

  it('an ID already on file is a conflict that names the person who has it', async () => {
    await desk.ok('beneficiaries.register', beneficiaryInput(8));
    const before = await rowCounts(t);
    const env = await desk.call('beneficiaries.register', beneficiaryInput(8, ['سالم', 'علي', 'حسن', 'الحربي']));
    expect(!env.ok && env.error.code).toBe('conflict');
    expect(!env.ok && env.error.message).toContain('محمد عبدالله سعد القحطاني');
    expect(await rowCounts(t)).toEqual(before);
  });
});

type EnrolInput = InputOf<'beneficiaries.register'>;
const base = beneficiaryInput(21);

const badInputs: [string, unknown, { path: (string | number)[]; message?: string }][] = [
  ['a malformed national ID (9 digits)', { ...base, identity: { idType: 'national_id', idNumber: '101010101' } }, { path: ['identity', 'idNumber'], message: ar.messages.nationalIdLength }],
  ['a national ID with a wrong check digit', { ...base, identity: { idType: 'national_id', idNumber: wrongCheckDigit(nationalIdFor(21)) } }, { path: ['identity', 'idNumber'], message: ar.messages.nationalIdCheck }],
  ['an iqama typed as a national ID', { ...base, identity: { idType: 'national_id', idNumber: nationalIdFor(21, 2) } }, { path: ['identity', 'idNumber'], message: ar.messages.nationalIdStart }],
  ['an ID starting with 3', { ...base, identity: { idType: 'iqama', idNumber: '3000000004' } }, { path: ['identity', 'idNumber'], message: ar.messages.nationalIdStart }],
  ['letters in a passport number field', { ...base, identity: { idType: 'passport', idNumber: 'جواز' } }, { path: ['identity', 'idNumber'], message: ar.messages.idNumberFormat }],
  ['a one-letter name part', { ...base, fatherName: 'ع' } satisfies EnrolInput, { path: ['fatherName'], message: ar.messages.nameTooShort }],
  ['an empty name part', { ...base, familyName: '   ' } satisfies EnrolInput, { path: ['familyName'], message: ar.messages.namePartRequired }],
  ['an Egyptian mobile', { ...base, mobile: '+201001234567' }, { path: ['mobile'], message: ar.messages.mobileInvalid }],
  ['a Riyadh landline', { ...base, mobile: '0112345678' }, { path: ['mobile'], message: ar.messages.mobileInvalid }],
  ['a missing mobile', { ...base, mobile: undefined }, { path: ['mobile'] }],
  ['a number where a name goes', { ...base, firstName: 42 }, { path: ['firstName'] }],
  ['an unknown ID type', { ...base, identity: { idType: 'driving_licence', idNumber: '12345' } }, { path: ['identity', 'idType'] }],
  ['a string instead of an object', 'محمد القحطاني', { path: [] }],
  ['an array instead of an object', [base], { path: [] }],
];

describe('bad input → validation, with Arabic messages, and nothing written', () => {
  it.each(badInputs)('%s', async (_label, input, expected) => {
    const before = await rowCounts(t);
    const env = await desk.call('beneficiaries.register', input);
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('validation');
    expect(isArabicText(env.error.message), env.error.message).toBe(true);
    expect(env.error.issues?.length).toBeGreaterThan(0);
    for (const issue of env.error.issues ?? []) expect(isArabicText(issue.message), issue.message).toBe(true);
    const hit = env.error.issues?.find((i) => JSON.stringify(i.path) === JSON.stringify(expected.path));
    expect(hit, `an issue at ${JSON.stringify(expected.path)} in ${JSON.stringify(env.error.issues)}`).toBeDefined();
    if (expected.message) {
      expect(hit!.message).toBe(expected.message);
      expect(env.error.message).toContain(expected.message);
    }
    expect(await rowCounts(t)).toEqual(before);
  });
});
