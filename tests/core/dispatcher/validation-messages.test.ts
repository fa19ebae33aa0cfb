import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDay } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { beneficiaryInput } from '../../helpers/fixtures';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, rowCounts, type TestCore } from '../../helpers/test-core';

/**
 * Words on screen: what the dispatcher answers for a refused input — the envelope a toast,
 * an alert or an integrator over HTTP shows — is plain Arabic naming the field, every problem at once.
 */
let t: TestCore;
let admin: SignedIn;
let desk: SignedIn;

beforeAll(async () => {
  t = await openTestCore();
  admin = await signedInAs(t, 'admin');
  desk = await signedInAs(t, 'receptionist');
});
afterAll(() => t.cleanup());

const LATIN_OR_SYMBOL = /[A-Za-z<>=]/;

function tomorrow(): string {
  const d = new Date(`${businessDay(new Date())}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('the envelope of a refused input', () => {
  it('names the field and its limit in words: «اسم الجمعية: يجب ألا يقل عن 3 أحرف»', async () => {
    const env = await admin.call('settings.update', { associationName: 'جم' });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.message).toBe(`${ar.errors.validation} ${ar.ui.associationName}: يجب ألا يقل عن 3 أحرف.`);
    expect(env.error.issues).toEqual([{ path: ['associationName'], message: 'يجب ألا يقل عن 3 أحرف.' }]);
  });

  it('a field the operation does not take is refused by its path, with no Latin in the message', async () => {
    const env = await desk.call('visits.callNext', { desk: 2 });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.issues).toEqual([{ path: ['desk'], message: ar.validation.unknownField }]);
    expect(env.error.message).not.toMatch(LATIN_OR_SYMBOL);
  });

  it('wrong types and out-of-range numbers over the API get our Arabic, never zod\'s', async () => {
    for (const [op, input] of [
      ['settings.update', { lockAfterMinutes: 500, committeePeriodDays: 2.5, associationName: 7 }],
      ['beneficiaries.search', { text: 'ن'.repeat(121), limit: -3 }],
      ['requests.list', { states: 'draft', limit: '20' }],
      ['visits.checkIn', { reason: 'shopping', visitorName: ['سالم'] }],
    ] as const) {
      const env = await admin.call(op, input);
      expect(env.ok, op).toBe(false);
      if (env.ok) continue;
      expect(env.error.code).toBe('validation');
      for (const text of [env.error.message, ...env.error.issues!.map((i) => i.message)]) expect(text, `${op}: ${text}`).not.toMatch(LATIN_OR_SYMBOL);
    }
  });
});

describe('enrolment at the desk and the beneficiary file apply the same rules', () => {
  it('an empty enrolment names every missing field at once, and writes nothing', async () => {
    const before = await rowCounts(t);
    const env = await desk.call('beneficiaries.register', {
      firstName: '',
      fatherName: '',
      grandfatherName: '',
      familyName: '',
      identity: { idType: 'national_id', idNumber: '' },
      mobile: '',
    });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.issues!.map((i) => i.path.join('.')).sort()).toEqual(
      ['familyName', 'fatherName', 'firstName', 'grandfatherName', 'identity.idNumber', 'mobile'].sort(),
    );
    expect(await rowCounts(t)).toEqual(before);
  });

  it('a birth date in the future is refused at the desk, as in the file', async () => {
    const before = await rowCounts(t);
    const atDesk = await desk.call('beneficiaries.register', { ...beneficiaryInput(71), birthDate: tomorrow() });
    expect(!atDesk.ok && atDesk.error.issues).toEqual([{ path: ['birthDate'], message: ar.messages.birthDateFuture }]);
    expect(await rowCounts(t)).toEqual(before);

    const b = await desk.ok('beneficiaries.register', { ...beneficiaryInput(71), birthDate: '1990-05-01' });
    const profile = await desk.ok('beneficiaries.profile', { beneficiaryId: b.id });
    const inFile = await desk.call('beneficiaries.update', {
      beneficiaryId: b.id,
      version: profile.version,
      profile: { ...beneficiaryInput(71), birthDate: tomorrow(), family: [{ name: 'سارة', relation: 'daughter', birthDate: tomorrow() }] },
    });
    expect(!inFile.ok && inFile.error.issues).toEqual([
      { path: ['profile', 'birthDate'], message: ar.messages.birthDateFuture },
      { path: ['profile', 'family', 0, 'birthDate'], message: ar.messages.birthDateFuture },
    ]);
  });
});
