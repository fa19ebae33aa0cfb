import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestView } from '@shared/contract';
import { beneficiaryInput, isArabicText } from '../../helpers/fixtures';
import { loadCatalogue, requestSnapshot, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * requests.setDocument takes the version of the line it saves, as every other save takes its record's:
 * two desks setting the same document line from the same screen state — the second is refused with the
 * name of who saved first, and nothing of the first is overwritten. Other lines of the same request
 * are not in the way.
 */
let t: TestCore;
let noura: SignedIn;
let fahd: SignedIn;
let cat: Catalogue;
let beneficiaryId: number;

const line = (v: RequestView, code: string) => v.documents.find((d) => d.documentTypeId === cat.documents[code]!.id)!;
const open = () => noura.ok('requests.open', { beneficiaryId, serviceTypeId: cat.services.rent!.id, channel: 'interview' });

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T07:00:00Z' });
  const admin = await signedInAs(t, 'admin');
  noura = await signedInAs(t, 'receptionist', { deskId: 1, fullName: 'نورة سعد العتيبي' });
  fahd = await signedInAs(t, 'receptionist', { deskId: 2, fullName: 'فهد ناصر الدوسري' });
  cat = await loadCatalogue(admin);
  beneficiaryId = (await noura.ok('beneficiaries.register', beneficiaryInput(81))).id;
});
afterAll(() => t.cleanup());

describe('requests.setDocument refuses a stale write', () => {
  it('two desks set the same line from the same screen: the second is refused naming the first, nothing overwritten', async () => {
    const r = await open();
    // Both desks have the request open: the lease line never set, version 0.
    const seen = line(r, 'lease_contract').version;
    expect(seen).toBe(0);
    const first = await noura.ok('requests.setDocument', { requestId: r.id, documentTypeId: cat.documents.lease_contract!.id, version: seen, provided: true, expiryDate: '2026-06-30' });
    expect(line(first, 'lease_contract')).toMatchObject({ provided: true, expiryDate: '2026-06-30', version: 1 });

    const before = await requestSnapshot(t, r.id);
    const env = await fahd.call('requests.setDocument', { requestId: r.id, documentTypeId: cat.documents.lease_contract!.id, version: seen, provided: true, expiryDate: '2025-12-31' });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('conflict');
    expect(isArabicText(env.error.message)).toBe(true);
    expect(env.error.message).toContain('نورة سعد العتيبي');
    expect(env.error.message).toContain('ولم يُحفظ تعديلك');
    // Nothing overwritten: the line, the request, its events and the audit trail are as the first desk left them.
    expect(await requestSnapshot(t, r.id)).toEqual(before);
    expect(line(await fahd.ok('requests.get', { requestId: r.id }), 'lease_contract')).toMatchObject({ expiryDate: '2026-06-30', version: 1 });
  });

  it('unticking from a screen that had not seen the other desk\'s tick is refused too', async () => {
    const r = await open();
    const seen = line(r, 'family_register').version;
    await fahd.ok('requests.setDocument', { requestId: r.id, documentTypeId: cat.documents.family_register!.id, version: seen, provided: true });
    const env = await noura.call('requests.setDocument', { requestId: r.id, documentTypeId: cat.documents.family_register!.id, version: seen, provided: false });
    expect(!env.ok && env.error).toMatchObject({ code: 'conflict' });
    expect(!env.ok && env.error.message).toContain('فهد ناصر الدوسري');
    expect(line(await noura.ok('requests.get', { requestId: r.id }), 'family_register').provided).toBe(true);
  });

  it('with the version the first save gave back, the other desk\'s save goes through', async () => {
    const r = await open();
    const first = await noura.ok('requests.setDocument', { requestId: r.id, documentTypeId: cat.documents.income_proof!.id, version: 0, provided: true });
    const again = await fahd.ok('requests.setDocument', { requestId: r.id, documentTypeId: cat.documents.income_proof!.id, version: line(first, 'income_proof').version, provided: false });
    expect(line(again, 'income_proof')).toMatchObject({ provided: false, version: 2 });
  });

  it('two desks on different lines of one request are not in each other\'s way', async () => {
    const r = await open();
    const a = noura.ok('requests.setDocument', { requestId: r.id, documentTypeId: cat.documents.family_register!.id, version: line(r, 'family_register').version, provided: true });
    const b = fahd.ok('requests.setDocument', { requestId: r.id, documentTypeId: cat.documents.bank_iban!.id, version: line(r, 'bank_iban').version, provided: true });
    await Promise.all([a, b]);
    const now = await noura.ok('requests.get', { requestId: r.id });
    expect([line(now, 'family_register').provided, line(now, 'bank_iban').provided]).toEqual([true, true]);
  });

  it('a save without a version is refused as incomplete input, in Arabic, nothing written', async () => {
    const r = await open();
    const before = await requestSnapshot(t, r.id);
    const env = await noura.call('requests.setDocument', { requestId: r.id, documentTypeId: cat.documents.family_register!.id, provided: true });
    expect(!env.ok && env.error.code).toBe('validation');
    expect(!env.ok && env.error.issues?.map((i) => i.path)).toContainEqual(['version']);
    expect(!env.ok && isArabicText(env.error.message)).toBe(true);
    expect(await requestSnapshot(t, r.id)).toEqual(before);
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
