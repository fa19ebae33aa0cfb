import type { registerOperations } from '@shared/contract/registers';
import type { ParsedInputOf } from '@shared/contract';
import type { RegisterFormat } from '@shared/contract/registers';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import { requireUser, type HandlerContext } from '../context';
import type { HandlersOf } from '../handler-kinds';
import { contactRequestNumbersOf, countVisits, registerRows, requestNumbersOf, type RegisterScope } from './register-query';
import { toRegisterRow } from './register-view';

const MIME_TYPES: Record<RegisterFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

type Input = ParsedInputOf<'registers.list'> | ParsedInputOf<'registers.export'>;

function scopeOf(input: Input): RegisterScope {
  const { from, to, deskId, states, reasons, channels, outcomes, employeeId, sort } = input;
  return { from, to, deskId, states, reasons, channels, outcomes, employeeId, sort };
}

/** The desk and employee the filters name, by name (the audit row and the file say whose register it is). */
async function names(ctx: HandlerContext, input: Input): Promise<{ deskName: string | null; employee: string | null }> {
  let deskName: string | null = null;
  let employee: string | null = null;
  if (input.deskId !== undefined) {
    const desk = await ctx.db.selectFrom('desks').select('name').where('id', '=', input.deskId).executeTakeFirst();
    if (!desk) throw new AppError('not_found', ar.messages.deskNotFound);
    deskName = desk.name;
  }
  if (input.employeeId !== undefined) {
    const user = await ctx.db.selectFrom('users').select('full_name').where('id', '=', input.employeeId).executeTakeFirst();
    if (!user) throw new AppError('not_found', ar.staff.userNotFound);
    employee = user.full_name;
  }
  return { deskName, employee };
}

/** What an audit row of a register says was read: the days, the filters by name, and whether IDs were in full. */
function readOf(input: Input, named: { deskName: string | null; employee: string | null }) {
  const list = <T>(values: T[] | undefined) => (values?.length ? values : undefined);
  return {
    from: input.from,
    to: input.to,
    deskName: named.deskName ?? undefined,
    employee: named.employee ?? undefined,
    states: list(input.states),
    reasons: list(input.reasons),
    channels: list(input.channels),
    outcomes: list(input.outcomes),
    showFullIds: input.showFullIds,
  };
}

export const registerHandlers: HandlersOf<typeof registerOperations> = {
  'registers.list': async (input, ctx) => {
    const named = await names(ctx, input);
    const scope = scopeOf(input);
    const [total, rows] = await Promise.all([countVisits(ctx.db, scope), registerRows(ctx.db, scope).offset(input.offset).limit(input.limit).execute()]);
    const [numbers, contactNumbers] = await Promise.all([
      requestNumbersOf(
        ctx.db,
        rows.filter((r) => r.kind === 'visit').map((r) => r.id),
      ),
      contactRequestNumbersOf(
        ctx.db,
        rows.filter((r) => r.kind === 'contact').map((r) => r.id),
      ),
    ]);
    // Full IDs on screen are personal data in full: recorded (a masked register shows what the hall's
    // screen shows). Without a count, so the screen asking again as the hall changes is the same read.
    if (input.showFullIds) ctx.audit({ entity: null, entityId: null, after: readOf(input, named) });
    return { rows: rows.map((r) => toRegisterRow(r, (r.kind === 'contact' ? contactNumbers : numbers).get(r.id), input.showFullIds)), total, offset: input.offset, limit: input.limit };
  },

  'registers.export': async (input, ctx) => {
    const user = requireUser(ctx);
    const named = await names(ctx, input);
    if (!ctx.runtime.jobs) throw new Error("registers.export needs the core's job runner");
    const { dataBase64, visits } = await ctx.runtime.jobs.run('registerExport', {
      format: input.format,
      scope: scopeOf(input),
      head: {
        from: input.from,
        to: input.to,
        deskName: named.deskName,
        showFullIds: input.showFullIds,
        generatedAt: ctx.now.toISOString(),
        generatedBy: user.fullName,
        timeZone: ctx.timeZone,
      },
    });
    // Every export is recorded: a file of names leaves the system, and with full IDs it says so.
    ctx.audit({ entity: null, entityId: null, after: { ...readOf(input, named), format: input.format, visits } });
    return { fileName: fileNameOf(input), mimeType: MIME_TYPES[input.format], dataBase64 };
  },
};

/** register-2026-03-05.xlsx, register-2026-03-01-2026-03-31-desk-2.csv: letters, digits and dashes only. */
function fileNameOf(input: ParsedInputOf<'registers.export'>): string {
  const days = input.from === input.to ? input.from : `${input.from}-${input.to}`;
  return `register-${days}${input.deskId !== undefined ? `-desk-${input.deskId}` : ''}.${input.format}`;
}
