import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { beneficiaryInput, isArabicText } from '../../helpers/fixtures';
import { profileInput, requestSnapshot } from '../../helpers/requests';
import { signedInAs, type SignedIn } from '../../helpers/sessions';
import { auditCount, openTestCore, type TestCore } from '../../helpers/test-core';

/**
 * Two people with the same beneficiary file open: the first save wins, the second is refused with an
 * Arabic message naming who saved and when (the screen keeps the second person's typing), and the
 * first person's data is kept (docs/architecture.md#reliability).
 */
let t: TestCore;
let noura: SignedIn;
let muneera: SignedIn;

beforeAll(async () => {
  t = await openTestCore({ now: '2025-03-10T06:00:00Z' });
  noura = await signedInAs(t, 'receptionist', { fullName: 'نورة سعد العتيبي' });
  muneera = await signedInAs(t, 'researcher', { deskId: 3, fullName: 'منيرة عبدالله الحربي' });
});
afterAll(() => t.cleanup());

describe('beneficiaries.update from two sessions with the same version', () => {
  it('the second save is a conflict naming the first person; the first person\'s data is kept', async () => {
    const { id } = await noura.ok('beneficiaries.register', beneficiaryInput(91));
    const seenByNoura = await noura.ok('beneficiaries.profile', { beneficiaryId: id });
    const seenByMuneera = await muneera.ok('beneficiaries.profile', { beneficiaryId: id });
    expect(seenByMuneera.version).toBe(seenByNoura.version);

    t.clock.set('2025-03-10T06:05:00Z');
    const saved = await noura.ok('beneficiaries.update', {
      beneficiaryId: id,
      version: seenByNoura.version,
      profile: profileInput(seenByNoura, { city: 'الرياض', housingType: 'rented', rentAmount: 18000 }),
    });
    expect(saved).toMatchObject({ city: 'الرياض', rentAmount: 18000, version: seenByNoura.version + 1, updatedBy: 'نورة سعد العتيبي' });

    t.clock.set('2025-03-10T06:07:00Z');
    const before = await requestSnapshot(t, 0);
    const audits = await auditCount(t);
    const env = await muneera.call('beneficiaries.update', {
      beneficiaryId: id,
      version: seenByMuneera.version,
      profile: profileInput(seenByMuneera, { district: 'النسيم', monthlyIncome: 3500, incomeSources: ['social_security'] }),
    });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('conflict');
    expect(isArabicText(env.error.message)).toBe(true);
    expect(env.error.message).toContain('نورة سعد العتيبي');
    expect(env.error.message).toContain('09:05');
    expect(env.error.message).toBe(ar.messages.staleVersion.replace('{by}', 'نورة سعد العتيبي').replace('{time}', '09:05 ص'));
    expect(await requestSnapshot(t, 0)).toEqual(before);
    expect(await auditCount(t)).toBe(audits);

    const now = await muneera.ok('beneficiaries.profile', { beneficiaryId: id });
    expect(now).toMatchObject({ city: 'الرياض', housingType: 'rented', rentAmount: 18000, district: null, monthlyIncome: null, incomeSources: [] });

    // Reloaded, the researcher's change goes on top of the receptionist's.
    const merged = await muneera.ok('beneficiaries.update', {
      beneficiaryId: id,
      version: now.version,
      profile: profileInput(now, { district: 'النسيم', monthlyIncome: 3500, incomeSources: ['social_security'] }),
    });
    expect(merged).toMatchObject({ city: 'الرياض', district: 'النسيم', monthlyIncome: 3500, updatedBy: 'منيرة عبدالله الحربي' });

    // And now the receptionist's old screen is the stale one: the message names the researcher.
    const stale = await noura.call('beneficiaries.update', { beneficiaryId: id, version: saved.version, profile: profileInput(saved, { city: 'جدة' }) });
    expect(!stale.ok && stale.error.code).toBe('conflict');
    expect(!stale.ok && stale.error.message).toContain('منيرة عبدالله الحربي');
    expect((await noura.ok('beneficiaries.profile', { beneficiaryId: id })).city).toBe('الرياض');
  });

  it('the family list is saved whole and refused whole', async () => {
    const { id } = await noura.ok('beneficiaries.register', beneficiaryInput(92));
    const p = await noura.ok('beneficiaries.profile', { beneficiaryId: id });
    const family = [
      { name: 'هند محمد القحطاني', relation: 'spouse' as const, idNumber: null, birthDate: '1990-05-01' },
      { name: 'سعد محمد القحطاني', relation: 'son' as const, idNumber: null, birthDate: '2015-09-12' },
    ];
    const first = await noura.ok('beneficiaries.update', { beneficiaryId: id, version: p.version, profile: profileInput(p, { family }) });
    expect(first.family).toEqual(family);
    const env = await muneera.call('beneficiaries.update', { beneficiaryId: id, version: p.version, profile: profileInput(p, { family: [] }) });
    expect(!env.ok && env.error.code).toBe('conflict');
    expect((await muneera.ok('beneficiaries.profile', { beneficiaryId: id })).family).toEqual(family);
  });

  it('no internal errors were logged', () => {
    expect(t.internalErrors).toEqual([]);
  });
});
