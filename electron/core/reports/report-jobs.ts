import type { PeriodFigures, ReportFormat } from '@shared/contract/reports';
import { renderEvidencePack } from '../printing/evidence-pack';
import { letterhead } from '../printing/letterhead';
import { renderPeriodReport } from '../printing/period-report';
import type { JobEnv } from '../jobs/jobs';
import { readSettings } from '../settings/read-settings';
import { loadEvidenceFigures } from './evidence-figures';
import { evidenceSections } from './evidence-sections';
import { renderEvidenceXlsx } from './evidence-xlsx';
import { loadPeriodFigures } from './period-figures';
import type { PeriodScope } from './period-scope';
import { renderPeriodXlsx } from './period-xlsx';

export interface ReportJob {
  scope: PeriodScope;
  /** null: the figures alone, for the screen. */
  format: ReportFormat | null;
  /** UTC ISO instant, and who asked: printed on the report. */
  printedAt: string;
  printedBy: string;
}

export type ReportJobOutput = { figures: PeriodFigures } | { bytesBase64: string; visits: number };

/**
 * The period report in the job worker: a year of a busy hall is read there, row by row, so every
 * desk keeps answering meanwhile; the figures come back alone (the screen) or as the document.
 */
export async function periodReportJob(input: ReportJob, env: JobEnv): Promise<ReportJobOutput> {
  const { figures } = await loadPeriodFigures(env.db, input.scope);
  if (input.format === null) return { figures };
  const settings = await readSettings(env.db);
  const options = { timeZone: input.scope.timeZone, fontsDir: env.fontsDir };
  const bytes =
    input.format === 'pdf'
      ? await renderPeriodReport({ header: letterhead(settings), figures, printedAt: input.printedAt, printedBy: input.printedBy }, options)
      : await renderPeriodXlsx(figures, { associationName: settings.associationName, printedAt: input.printedAt, printedBy: input.printedBy }, input.scope.timeZone);
  // Encoded here, not in the shell's thread.
  return { bytesBase64: bytes.toString('base64'), visits: figures.visits.total };
}

/** The board's evidence pack in the job worker. */
export async function evidencePackJob(input: ReportJob & { format: ReportFormat }, env: JobEnv): Promise<{ bytesBase64: string; visits: number }> {
  const evidence = await loadEvidenceFigures(env.db, input.scope);
  const sections = evidenceSections(evidence);
  const settings = await readSettings(env.db);
  const { from, to, timeZone } = input.scope;
  const bytes =
    input.format === 'pdf'
      ? await renderEvidencePack({ header: letterhead(settings), from, to, sections, printedAt: input.printedAt, printedBy: input.printedBy }, { timeZone, fontsDir: env.fontsDir })
      : await renderEvidenceXlsx(sections, from, to, { associationName: settings.associationName, printedAt: input.printedAt, printedBy: input.printedBy }, timeZone);
  return { bytesBase64: bytes.toString('base64'), visits: evidence.period.visits.total };
}
