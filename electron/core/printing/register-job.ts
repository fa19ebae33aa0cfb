import type { JobEnv } from '../jobs/jobs';
import { writeDailyRegister, type DailyRegisterHead } from './daily-register';
import { streamRegisterVisits } from './register-input';

export interface DailyRegisterJob {
  head: DailyRegisterHead;
  /** null: all desks. */
  deskId: number | null;
  timeZone: string;
}

/** السجل اليومي in a worker: the day's visits read there, row by row, and the PDF written page by page. */
export async function dailyRegisterJob(input: DailyRegisterJob, env: JobEnv): Promise<{ pdfBase64: string; visits: number }> {
  let count = 0;
  // Counted as they are drawn: the audit row of a register with full IDs says how many people it shows.
  async function* counted() {
    for await (const visit of streamRegisterVisits(env.db, input.head.day, input.deskId)) {
      count += 1;
      yield visit;
    }
  }
  const bytes = await writeDailyRegister(input.head, counted(), { timeZone: input.timeZone, fontsDir: env.fontsDir });
  // Encoded here, not in the shell's thread: base64 of a few megabytes is milliseconds a desk would wait.
  return { pdfBase64: bytes.toString('base64'), visits: count };
}
