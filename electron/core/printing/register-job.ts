import type { JobEnv } from '../jobs/jobs';
import { writeDailyRegister, type DailyRegisterHead } from './daily-register';
import { registerContacts, streamRegisterVisits } from './register-input';

export interface DailyRegisterJob {
  head: DailyRegisterHead;
  /** null: all desks. */
  deskId: number | null;
  timeZone: string;
}

/**
 * السجل اليومي in a worker: the day's visits read there, row by row, and the PDF written page by page;
 * the day's contacts on the other channels after them.
 */
export async function dailyRegisterJob(input: DailyRegisterJob, env: JobEnv): Promise<{ pdfBase64: string; visits: number; contacts: number }> {
  let count = 0;
  const contacts = await registerContacts(env.db, input.head.day, input.deskId);
  // Counted as they are drawn: the audit row of a register with full IDs says how many people it shows.
  async function* counted() {
    for await (const visit of streamRegisterVisits(env.db, input.head.day, input.deskId)) {
      count += 1;
      yield visit;
    }
  }
  const bytes = await writeDailyRegister(input.head, counted(), { timeZone: input.timeZone, fontsDir: env.fontsDir }, contacts);
  // Encoded here, not in the shell's thread: base64 of a few megabytes is milliseconds a desk would wait.
  return { pdfBase64: bytes.toString('base64'), visits: count, contacts: contacts.length };
}
