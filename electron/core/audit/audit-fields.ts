import type { AuditFieldView } from '@shared/contract/audit';
import { fieldName } from '@shared/contract/field-names';
import { formatBothDates, formatTime } from '@shared/dates/calendar';
import { ar } from '@shared/labels/ar';
import { maskId } from '../printing/pdf-page';

/**
 * An audit row's before/after as the audit screen shows it: the fields that changed, each with its
 * Arabic name and its values as a person reads them (states, roles, dates in both calendars); the
 * fields of a new record; what a read read. National IDs are masked to their last four digits unless
 * asked for in full.
 */
export function auditFields(
  row: { kind: string; entity: string | null; before: string | null; after: string | null },
  options: { showFullIds: boolean; timeZone: string },
): AuditFieldView[] {
  if (row.kind === 'refused') return [];
  const show = (key: string, value: unknown) => display(key, value, row.entity, options);
  const before = comparable(row.entity, parse(row.before));
  const after = comparable(row.entity, parse(row.after));
  if (!isObject(after)) return [];
  // A new record, or what a read read: its own fields, not the records nested in it.
  if (!isObject(before)) {
    return Object.entries(after)
      .filter(([key, value]) => !SKIPPED.has(key) && !isEmpty(value) && !isObject(value) && !(Array.isArray(value) && value.some(isObject)))
      .filter(([key, value]) => !(typeof value === 'number' && /(^id|Id)$/.test(key)) || row.kind === 'read')
      .map(([key, value]) => ({ field: label([key]), before: null, after: show(key, value) }));
  }
  const fields: AuditFieldView[] = [];
  for (const key of Object.keys(after)) {
    if (SKIPPED.has(key) || !(key in before)) continue; // a field only one side records is a difference of shape, not a change
    const [b, a] = sameKind(before[key], after[key]);
    if (b === MISMATCH) continue;
    diff([key], b, a, fields, show);
  }
  return fields;
}

const MISMATCH = Symbol('different kinds of value');

/**
 * Fields no auditor reads: search keys, the store's own bookkeeping, file locations. The version,
 * time and editor of a record are the row's own time and user.
 */
const SKIPPED: ReadonlySet<string> = new Set([
  'nameNorm',
  'searchRank',
  'lastVisitAt',
  'clientKey',
  'storedName',
  'sha256',
  'passwordHash',
  'passwordVersion',
  'events',
  'version',
  'updatedAt',
  'updatedBy',
]);

/** Yes-or-no fields the store keeps as 0 or 1. */
const FLAG_KEYS: ReadonlySet<string> = new Set(['active', 'mustChangePassword', 'provided', 'ticketPrinted', 'referralOpen', 'hasExpiry', 'required', 'hasFile', 'overdue', 'fromFile']);

/** Keys whose values are national IDs or other identity numbers. */
const ID_KEYS: ReadonlySet<string> = new Set(['idNumber']);
/** A Saudi national ID or iqama number anywhere in a text (ten digits starting with 1 or 2). */
const NATIONAL_ID_IN_TEXT = /(?<!\d)[12]\d{9}(?!\d)/g;

function diff(path: string[], before: unknown, after: unknown, out: AuditFieldView[], show: (key: string, value: unknown) => string | null) {
  const key = path[path.length - 1]!;
  if (SKIPPED.has(key)) return;
  if (isObject(before) || isObject(after)) {
    const b = isObject(before) ? before : {};
    const a = isObject(after) ? after : {};
    for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) diff([...path, k], b[k], a[k], out, show);
    return;
  }
  if ((Array.isArray(before) && before.some(isObject)) || (Array.isArray(after) && after.some(isObject))) {
    const b = Array.isArray(before) ? before : [];
    const a = Array.isArray(after) ? after : [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) diff([...path, itemName(a[i] ?? b[i], i)], b[i], a[i], out, show);
    return;
  }
  // A record's own name is already the step naming it («المستند › سجل الأسرة»).
  const parent = path[path.length - 2];
  if (NAME_KEYS.includes(key) && parent?.startsWith('\u0000') && (parent.slice(1) === after || parent.slice(1) === before)) return;
  const shownBefore = show(key, before);
  const shownAfter = show(key, after);
  if (shownBefore !== shownAfter) out.push({ field: label(path), before: shownBefore, after: shownAfter });
}

const NAME_KEYS = ['name', 'fullName', 'fileName'];

/** A record in a list is named by its own name where it has one («أفراد الأسرة › سارة»), else by its place. */
function itemName(item: unknown, index: number): string {
  if (isObject(item)) {
    for (const k of NAME_KEYS) if (typeof item[k] === 'string' && item[k]) return `\u0000${item[k] as string}`;
  }
  return `\u0000${index + 1}`;
}

function label(path: string[]): string {
  return path.map((step, i) => (step.startsWith('\u0000') ? step.slice(1) : fieldLabel(step, path[i - 1]))).join(' › ');
}

/** A field's Arabic name: its own in the record it sits in («قرار اللجنة › القرار»), else the input field's, else the audit trail's. */
function fieldLabel(key: string, parent: string | undefined): string {
  return (parent && ar.audit.fields[`${parent}.${key}`]) || (fieldName([key]) ?? ar.audit.fields[key] ?? ar.audit.otherField);
}

function display(key: string, value: unknown, entity: string | null, options: { showFullIds: boolean; timeZone: string }): string | null {
  if (isEmpty(value)) return null;
  if (typeof value === 'boolean') return value ? ar.audit.yes : ar.audit.no;
  if (typeof value === 'number') return FLAG_KEYS.has(key) && (value === 0 || value === 1) ? (value ? ar.audit.yes : ar.audit.no) : String(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => display(key, v, entity, options)).filter((v) => v !== null);
    // Sentences (the reasons a request cannot go to the committee) follow one another; words are listed.
    return items.join(items.every((v) => /[.!؟]$/.test(v)) ? ' ' : '، ') || null;
  }
  if (typeof value !== 'string') return null;
  if (/Base64$/.test(key)) return ar.audit.fileValue;
  if (ID_KEYS.has(key)) return options.showFullIds ? value : maskId(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return `${formatBothDates(value, options.timeZone)} ${formatTime(value, options.timeZone)}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatBothDates(value, options.timeZone);
  const word = enumLabel(key, value, entity);
  if (word) return word;
  return options.showFullIds ? value : value.replace(NATIONAL_ID_IN_TEXT, (id) => maskId(id));
}

/** The Arabic word for a stored code, by the field it is in (a visit's state is not a request's). */
function enumLabel(key: string, value: string, entity: string | null): string | undefined {
  const tables: Record<string, readonly Record<string, string>[]> = {
    state: entity === 'complaint' ? [ar.complaints.states] : entity === 'visit' ? [ar.visitStates, ar.requestStates] : [ar.requestStates, ar.visitStates],
    category: [ar.complaints.categories],
    toState: [ar.requestStates, ar.visitStates],
    fromState: [ar.requestStates, ar.visitStates],
    reason: [ar.reasons],
    channel: [ar.channels],
    outcome: [ar.outcomes, ar.requestStates],
    decision: [ar.requestStates],
    role: [ar.roles],
    idType: [ar.idTypes],
    gender: [ar.genders],
    maritalStatus: [ar.maritalStatuses],
    housingType: [ar.housingTypes],
    relation: [ar.familyRelations],
    incomeSources: [ar.incomeSources],
    status: [ar.documentStatuses],
    purpose: [ar.audit.purposes],
    operation: [ar.operations],
    kind: [ar.audit.kinds],
    // A register's filters, as its read rows record them, and the file asked for (registers, reports).
    states: [ar.visitStates],
    reasons: [ar.reasons],
    channels: [ar.channels],
    outcomes: [ar.outcomes],
    format: [ar.fileFormats],
  };
  for (const table of tables[key] ?? []) if (Object.prototype.hasOwnProperty.call(table, value)) return table[value];
  return undefined;
}

/**
 * One record's two sides in one shape: handlers record the row they read before (snake_case columns)
 * and the view they answer with after (camelCase, nested). Keys become camelCase; a request row's
 * decision and service fields are gathered as its view has them; JSON kept as text is read.
 */
function comparable(entity: string | null, value: unknown): unknown {
  const out = camelKeys(value);
  if (!isObject(out)) return out;
  if (entity === 'request' && 'decisionReason' in out) {
    out.decision = out.decision
      ? { outcome: out.decision, reason: out.decisionReason, approvedAmount: out.approvedAmount, aidDescription: out.aidDescription, decidedAt: out.decidedAt }
      : null;
    out.service = out.serviceDescription
      ? { description: out.serviceDescription, amount: out.serviceAmount, deliveredOn: out.deliveredOn }
      : null;
    for (const k of ['decisionReason', 'approvedAmount', 'aidDescription', 'decidedAt', 'decidedBy', 'serviceDescription', 'serviceAmount', 'deliveredOn', 'deliveredBy']) delete out[k];
  }
  return out;
}

/** The two values of one field made comparable (0/1 and a flag, a JSON list kept as text and a list); MISMATCH when they cannot be. */
function sameKind(before: unknown, after: unknown): [unknown, unknown] | [typeof MISMATCH, undefined] {
  const flag = (v: unknown, other: unknown) => (typeof other === 'boolean' && (v === 0 || v === 1) ? v === 1 : v);
  const list = (v: unknown, other: unknown) => {
    if (Array.isArray(other) && typeof v === 'string' && v.startsWith('[')) {
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return v;
      }
    }
    return v;
  };
  const b = list(flag(before, after), after);
  const a = list(flag(after, before), before);
  if (b === null || a === null || b === undefined || a === undefined) return [b, a];
  const kind = (v: unknown) => (Array.isArray(v) ? 'list' : typeof v);
  return kind(b) === kind(a) ? [b, a] : [MISMATCH, undefined];
}

function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = camelKeys(v);
  return out;
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}
