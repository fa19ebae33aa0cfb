import type { SettingsView } from '@shared/contract';
import { DEFAULT_TIME_ZONE } from '@shared/dates/calendar';
import { completeWaitTargets, DEFAULT_WAIT_TARGETS, type WaitTargets } from '@shared/domain/wait-targets';
import { DEFAULT_COMPLAINT_DUE_WORKING_DAYS } from '@shared/domain/complaints';
import type { Db } from '../store/store';
import { isDeskFact } from './desk-facts';

export const DEFAULT_SETTINGS: SettingsView = {
  associationName: 'جمعية البر الخيرية',
  timeZone: DEFAULT_TIME_ZONE,
  lockAfterMinutes: 10,
  sessionExpiryHours: 12,
  committeePeriodDays: 14,
  associationBranch: null,
  associationLicence: null,
  associationAddress: null,
  associationPhone: null,
  associationWebsite: null,
  associationLogoBase64: null,
  backupFolder: null,
  waitTargets: DEFAULT_WAIT_TARGETS,
  complaintDueWorkingDays: DEFAULT_COMPLAINT_DUE_WORKING_DAYS,
  displayMessage: null,
};

/**
 * The shared settings, or only `keys` of them (the dispatcher reads two on every call, never the logo).
 * A fact of one PC (desk-facts.ts) is never read from the store: settings.get adds this PC's own.
 */
export async function readSettings(db: Db, keys?: readonly (keyof SettingsView)[]): Promise<SettingsView> {
  let query = db.selectFrom('settings').select(['key', 'value']);
  if (keys) query = query.where('key', 'in', [...keys]);
  const rows = await query.execute();
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) if (r.key in DEFAULT_SETTINGS && !isDeskFact(r.key)) out[r.key] = JSON.parse(r.value);
  // A reason added after the targets were saved gets its default rather than no target at all.
  if (!keys || keys.includes('waitTargets')) out.waitTargets = completeWaitTargets(out.waitTargets as WaitTargets);
  return out as unknown as SettingsView;
}
