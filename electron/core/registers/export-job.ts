import type { RegisterFormat } from '@shared/contract/registers';
import type { JobEnv } from '../jobs/jobs';
import { writeRegisterCsv } from './register-csv';
import { contactRequestNumbersInScope, longestTexts, registerRows, requestNumbersInScope, type RegisterScope } from './register-query';
import { toRegisterRow } from './register-view';
import { writeRegisterXlsx, type RegisterFileHead } from './register-xlsx';

export interface RegisterExportJob {
  format: RegisterFormat;
  scope: RegisterScope;
  head: RegisterFileHead;
}

/**
 * The register as a file, in the job worker: a month of a busy hall is 10,000 rows, a year many more,
 * read there row by row from one statement and written as they come, so no desk waits for it.
 */
export async function registerExportJob(input: RegisterExportJob, env: JobEnv): Promise<{ dataBase64: string; visits: number }> {
  const { scope, head } = input;
  const [numbers, contactNumbers] = await Promise.all([requestNumbersInScope(env.db, scope), contactRequestNumbersInScope(env.db, scope)]);
  async function* rows() {
    for await (const row of registerRows(env.db, scope).stream()) yield toRegisterRow(row, (row.kind === 'contact' ? contactNumbers : numbers).get(row.id), head.showFullIds);
  }
  const { bytes, visits } =
    input.format === 'xlsx'
      ? await writeRegisterXlsx(head, rows(), await longestTexts(env.db, scope))
      : await writeRegisterCsv(rows(), head.timeZone);
  // Encoded here, not in the shell's thread (as the daily register's PDF).
  return { dataBase64: bytes.toString('base64'), visits };
}
