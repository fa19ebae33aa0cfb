import type { reportOperations } from '@shared/contract/reports';
import type { ReportFile, ReportFormat } from '@shared/contract/reports';
import type { HandlerContext } from '../context';
import type { HandlersOf } from '../handler-kinds';
import { periodScope } from './period-scope';
import type { ReportJob } from './report-jobs';
import { XLSX_MIME } from './xlsx-book';

const MIME: Record<ReportFormat, string> = { pdf: 'application/pdf', xlsx: XLSX_MIME };

function job(input: { from: string; to: string }, format: ReportFormat | null, ctx: HandlerContext): ReportJob {
  return { scope: periodScope(input.from, input.to, ctx.now, ctx.timeZone), format, printedAt: ctx.now.toISOString(), printedBy: ctx.user!.fullName };
}

function jobs(ctx: HandlerContext) {
  if (!ctx.runtime.jobs) throw new Error("the reports need the core's job runner");
  return ctx.runtime.jobs;
}

function file(name: string, format: ReportFormat, bytesBase64: string): ReportFile {
  return { fileName: `${name}.${format}`, mimeType: MIME[format], dataBase64: bytesBase64 };
}

/**
 * The supervisor's reports (docs/design.md#around-the-desk-watching-and-reporting). A year of a hall is read and drawn in the job worker, so the
 * desks keep answering. Each report asked for is recorded as a read (the same one again from the same
 * window within ten minutes counts once), an export with its format.
 */
export const reportHandlers: HandlersOf<typeof reportOperations> = {
  'reports.period': async (input, ctx) => {
    const format = input.format ?? null;
    const out = await jobs(ctx).run('periodReport', job(input, format, ctx));
    ctx.audit({ entity: null, entityId: null, after: { from: input.from, to: input.to, ...(format ? { format } : {}) } });
    if ('figures' in out) return out.figures;
    return file(`period-report-${input.from}-${input.to}`, format!, out.bytesBase64);
  },

  'reports.evidence': async (input, ctx) => {
    const out = await jobs(ctx).run('evidencePack', { ...job(input, input.format, ctx), format: input.format });
    ctx.audit({ entity: null, entityId: null, after: { from: input.from, to: input.to, format: input.format } });
    return file(`evidence-pack-${input.from}-${input.to}`, input.format, out.bytesBase64);
  },
};
