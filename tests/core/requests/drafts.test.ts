import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar, fill } from '@shared/labels/ar';
import { beneficiaryInput, isArabicText } from '../../helpers/fixtures';
import { loadCatalogue, requestIn, requestSnapshot, type Catalogue } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * A request at the desk is saved as typed (docs/architecture.md#reliability), guarded by its version: two
 * people saving the same request from the same version — the second is refused in Arabic naming the
 * first, whose data stays; and a half-filled request is still there after the app is reopened.
 */
let t: TestCore;
let noura: SignedIn;
let fahd: SignedIn;
let cat: Catalogue;
let beneficiaryId: number;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  noura = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
  fahd = await signedInAs(t, 'supervisor', { deskId: 2, fullName: 'فهد ناصر الدوسري' });
  cat = await loadCatalogue(noura);
  beneficiaryId = (await noura.ok('beneficiaries.register', beneficiaryInput(101))).id;
});
afterAll(() => t.cleanup());

const openRequest = () => noura.ok('requests.open', { beneficiaryId, serviceTypeId: cat.services.financial_aid!.id, channel: 'interview' });

describe('requests.saveDraft from two sessions with the same version', () => {
  it('the second save is a conflict naming the first person; the first save stays', async () => {
    const r = await openRequest();
    const seenByFahd = await fahd.ok('requests.get', { requestId: r.id });

    t.clock.set('2025-03-10T06:08:00Z');
    const saved = await noura.ok('requests.saveDraft', { requestId: r.id, version: r.version, description: 'أسرة من ستة أفراد، العائل متوفى', requestedAmount: 2500 });
    expect(saved).toMatchObject({ version: r.version + 1, updatedBy: 'نورة سعد العتيبي', requestedAmount: 2500 });

    const before = await requestSnapshot(t, r.id);
    const env = await fahd.call('requests.saveDraft', { requestId: r.id, version: seenByFahd.version, description: 'طلب عاجل', requestedAmount: 4000 });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error).toMatchObject({ code: 'conflict', message: fill(ar.messages.staleVersion, { by: 'نورة سعد العتيبي', time: '09:08 ص' }) });
    expect(isArabicText(env.error.message)).toBe(true);
    expect(await requestSnapshot(t, r.id)).toEqual(before);
    expect(await fahd.ok('requests.get', { requestId: r.id })).toMatchObject({ description: 'أسرة من ستة أفراد، العائل متوفى', requestedAmount: 2500 });
  });

  it('a document ticked by someone else since also makes the screen stale', async () => {
    const r = await openRequest();
    await fahd.ok('requests.setDocument', { requestId: r.id, documentTypeId: cat.documents.bank_iban!.id, version: 0, provided: true });
    const env = await noura.call('requests.saveDraft', { requestId: r.id, version: r.version, description: 'وصف' });
    expect(!env.ok && env.error.code).toBe('conflict');
    expect(!env.ok && env.error.message).toContain('فهد ناصر الدوسري');
  });

  it('saving unchanged fields keeps them; an empty description clears it; null clears the amount', async () => {
    const r = await openRequest();
    const a = await noura.ok('requests.saveDraft', { requestId: r.id, version: r.version, description: 'نص', requestedAmount: 100 });
    const b = await noura.ok('requests.saveDraft', { requestId: r.id, version: a.version });
    expect(b).toMatchObject({ description: 'نص', requestedAmount: 100 });
    const c = await noura.ok('requests.saveDraft', { requestId: r.id, version: b.version, description: '', requestedAmount: null });
    expect(c).toMatchObject({ description: null, requestedAmount: null });
  });

  it('changing the service changes the checklist; an inactive or unknown service is refused', async () => {
    const r = await openRequest();
    const rent = cat.services.rent!;
    const moved = await noura.ok('requests.saveDraft', { requestId: r.id, version: r.version, serviceTypeId: rent.id });
    expect(moved.serviceName).toBe(rent.name);
    expect(moved.documents.map((d) => d.documentTypeId)).toEqual(rent.requiredDocuments.map((d) => d.id));
    const before = await requestSnapshot(t, r.id);
    const env = await noura.call('requests.saveDraft', { requestId: r.id, version: moved.version, serviceTypeId: 99999 });
    expect(!env.ok && env.error).toMatchObject({ code: 'validation', message: ar.messages.serviceNotFound });
    expect(await requestSnapshot(t, r.id)).toEqual(before);
  });
});

describe('every change of state is on the timeline', () => {
  it('changing the service of a complete request makes it incomplete, with its event', async () => {
    const r = await requestIn('complete', { desk: noura, committee: fahd }, { beneficiaryId, serviceTypeId: cat.services.food_basket!.id });
    const moved = await noura.ok('requests.saveDraft', { requestId: r.id, version: r.version, serviceTypeId: cat.services.rent!.id });
    expect(moved.state).toBe('incomplete');
    expect(moved.events.at(-1)).toMatchObject({ action: 'documents', fromState: 'complete', toState: 'incomplete', user: 'نورة سعد العتيبي' });
    const back = await noura.ok('requests.saveDraft', { requestId: r.id, version: moved.version, serviceTypeId: cat.services.food_basket!.id });
    expect(back.state).toBe('complete');
    expect(back.events.at(-1)).toMatchObject({ action: 'documents', fromState: 'incomplete', toState: 'complete' });
    // A save that moves nothing adds no state event.
    const same = await noura.ok('requests.saveDraft', { requestId: r.id, version: back.version, description: 'وصف' });
    expect(same.events).toHaveLength(back.events.length);
  });
});

describe('saved as typed: a half-filled request survives closing the app', () => {
  it('is there, as typed, when the store is opened again', async () => {
    const first = await openTestCore({ now: '2025-03-10T07:00:00Z' });
    const dataDir = first.dataDir;
    try {
      const desk = await signedInAs(first, 'admin');
      const c = await loadCatalogue(desk);
      const b = await desk.ok('beneficiaries.register', beneficiaryInput(102));
      const r = await desk.ok('requests.open', { beneficiaryId: b.id, serviceTypeId: c.services.medical!.id, channel: 'phone' });
      await desk.ok('requests.saveDraft', { requestId: r.id, version: r.version, description: 'يحتاج جلسات علاج طبيعي', requestedAmount: 1200 });
      await desk.ok('requests.setDocument', { requestId: r.id, documentTypeId: c.documents.national_id!.id, version: 0, provided: true, expiryDate: '2030-01-01' });
      await first.close(); // the window closed, the app quit

      const again = await openTestCore({ now: '2025-03-10T07:30:00Z', dataDir });
      try {
        const desk2 = await signedInAs(again, 'admin');
        const back = await desk2.ok('requests.get', { requestId: r.id });
        expect(back).toMatchObject({ state: 'incomplete', channel: 'phone', description: 'يحتاج جلسات علاج طبيعي', requestedAmount: 1200 });
        expect(back.documents.find((d) => d.documentTypeId === c.documents.national_id!.id)).toMatchObject({ provided: true, expiryDate: '2030-01-01' });
        expect((await desk2.ok('requests.list', { beneficiaryId: b.id })).map((x) => x.id)).toEqual([r.id]);
      } finally {
        await again.cleanup();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      expect(first.internalErrors).toEqual([]);
    }
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
