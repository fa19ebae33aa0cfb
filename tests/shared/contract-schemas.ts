import type { z } from 'zod';

/**
 * A generic walk over the contract's zod 4 schemas (their `_zod.def`), so that every operation —
 * including those added later — is driven by the message tests without being listed by hand.
 */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
}
interface CheckDef {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
  format?: string;
}

export function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema under optional/nullable/default/transform wrappers: what the value is checked as. */
export function core(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const d = defOf(s);
    if (WRAPPERS.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else return s;
  }
}

/** Lengths and bounds a schema declares (strings, numbers, arrays). */
export function limits(schema: z.ZodType): { min?: number; max?: number; minExclusive?: boolean; int?: boolean } {
  const d = defOf(core(schema));
  const out: { min?: number; max?: number; minExclusive?: boolean; int?: boolean } = {};
  for (const c of d.checks ?? []) {
    const cd = c._zod.def;
    if (cd.check === 'min_length') out.min = Math.max(out.min ?? 0, cd.minimum!);
    if (cd.check === 'max_length') out.max = Math.min(out.max ?? Infinity, cd.maximum!);
    if (cd.check === 'length_equals') out.min = out.max = cd.length!;
    if (cd.check === 'greater_than') {
      out.min = cd.value!;
      out.minExclusive = !cd.inclusive;
    }
    if (cd.check === 'less_than') out.max = cd.value!;
    if (cd.check === 'number_format' && /int/.test(cd.format ?? '')) out.int = true;
  }
  return out;
}

/** Valid values for strings whose rule a generic sample cannot guess (a check digit, a pattern, a real date). */
const KNOWN_STRINGS: Record<string, string> = {
  idNumber: '1000000008',
  mobile: '0501234567',
  mobile2: '0551234567',
  visitorMobile: '0561234567',
  username: 'user.one',
  password: 'long-enough-1',
  ticketPrefix: 'B',
  day: '2026-03-05',
  birthDate: '1990-05-01',
  idExpiry: '2035-01-01',
  issueDate: '2024-01-01',
  expiryDate: '2034-01-01',
  deliveredOn: '2026-03-01',
  followUpDue: '2026-03-08',
  clientKey: '6f1c1a52-8f3e-4c1e-9a53-1b2f3c4d5e6f',
  pdfBase64: 'JVBERi0xLjQKJcOkw7zDtsOfCg==',
  dataBase64: 'JVBERi0xLjQKJcOkw7zDtsOfCg==',
  visitorName: 'سالم علي الشهري',
  from: '2026-03-01',
  to: '2026-03-05',
  operation: 'visits.checkIn',
  backupFolder: '/media/usb/istiqbal',
  backupFile: '/media/usb/istiqbal/istiqbal-backup-2026-03-05T05-00-00Z.tar',
  url: 'postgres://istiqbal@192.168.1.10:5432/istiqbal',
  host: 'db.association.local',
  database: 'istiqbal',
  ratingId: '0123456789abcdef0123456789abcdef',
};

/** Flags whose `true` contradicts another flag's default (a wish to be contacted while anonymous). */
const KNOWN_FLAGS: Record<string, boolean> = { contactMe: false };

/** A value the schema accepts, built from its shape (`key` is the field's name, for the strings above). */
export function sample(schema: z.ZodType, key = ''): unknown {
  const d = defOf(schema);
  switch (d.type) {
    case 'object':
      return Object.fromEntries(Object.entries(d.shape!).map(([k, s]) => [k, sample(s, k)]));
    case 'pipe':
      return sample(d.in!, key);
    case 'union':
      for (const option of d.options!) {
        const value = sample(option, key);
        if (schema.safeParse(value).success) return value;
      }
      return sample(d.options![0]!, key);
    case 'array':
      return [sample(d.element!, key)];
    case 'enum':
      return Object.values(d.entries!)[0];
    case 'literal':
      return d.values![0];
    case 'boolean':
      return KNOWN_FLAGS[key] ?? true;
    case 'number': {
      const { min, max, minExclusive } = limits(schema);
      const low = min === undefined ? 1 : minExclusive ? min + 1 : min;
      return Math.min(Math.max(low, 1), max ?? Infinity);
    }
    case 'string': {
      if (key in KNOWN_STRINGS) return KNOWN_STRINGS[key];
      const { min = 0, max = Infinity } = limits(schema);
      const text = 'نص تجريبي لهذا الحقل من البيانات'.padEnd(Math.max(min, 20), ' ح');
      return text.slice(0, Math.min(max, Math.max(min, text.length)));
    }
    default:
      if (WRAPPERS.has(d.type)) return sample(d.innerType!, key);
      return undefined;
  }
}

/** Every place a value sits in an input: [] for the whole input, then each field, nested. */
export function fieldPaths(schema: z.ZodType, prefix: (string | number)[] = []): { path: (string | number)[]; schema: z.ZodType }[] {
  const d = defOf(core(schema));
  const out = [{ path: prefix, schema }];
  if (d.type === 'object') {
    for (const [k, s] of Object.entries(d.shape!)) out.push(...fieldPaths(s, [...prefix, k]));
  } else if (d.type === 'array') {
    out.push(...fieldPaths(d.element!, [...prefix, 0]));
  }
  return out;
}

/** A copy of `value` with the value at `path` replaced (or removed, for `undefined`). */
export function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const inner = withValueAt(copy[head!], rest, replacement);
  if (inner === undefined && !Array.isArray(copy)) delete copy[head!];
  else copy[head!] = inner;
  return copy;
}
