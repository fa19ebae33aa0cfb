import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '@shared/contract';
import { describeIssue } from '@shared/contract/field-names';
import { ar } from '@shared/labels/ar';
import { isArabicText } from '../helpers/fixtures';
import { core, defOf, fieldPaths, limits, sample, withValueAt } from './contract-schemas';

/**
 * Words on screen: every message the contract's validation gives is plain Arabic written by
 * us — never zod's «يفترض لـ string أن يكون >= 3 حرف» or «number <= 50». Every operation's input is
 * driven generically (its schema's shape, walked), so an operation added later is covered too.
 */
const operations = Object.entries(contract) as [string, { input: z.ZodType }][];

/** Latin letters (type names, "Invalid input") or comparison symbols: not words a receptionist reads. */
const NOT_OURS = /[A-Za-z<>=≥≤|]|يفترض|مدخلات غير مقبولة|أصغر من اللازم|أكبر من اللازم/;

/** Bad values for one field: empty, blank, too long, wrong types, out of range, unknown choices. */
function badValuesFor(schema: z.ZodType): unknown[] {
  const { max, min } = limits(schema);
  const long = 'ن'.repeat(Math.min((max ?? 5_000) + 1, 30_000_000));
  return [
    undefined,
    null,
    '',
    '   ',
    long,
    'ن'.repeat(Math.max(0, (min ?? 1) - 1)),
    7,
    -1,
    0,
    1.5,
    -0.25,
    1e15,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    (max ?? 1e9) + 1,
    (min ?? 0) - 1,
    'سبعة',
    'قيمة ليست من القائمة',
    true,
    {},
    [],
    [{}],
    ['قيمة ليست من القائمة'],
    Array.from({ length: 60 }, () => 'قيمة'),
  ];
}

function messagesFor(input: z.ZodType, value: unknown): { path: (string | number)[]; message: string }[] {
  const r = input.safeParse(value);
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }));
}

describe('every operation has a valid sample input (so the message tests reach every field)', () => {
  it.each(operations)('%s', (_name, def) => {
    const r = def.input.safeParse(sample(def.input));
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });
});

describe('validation messages are plain Arabic for empty, too long, wrong-typed and out-of-range input', () => {
  it.each(operations)('%s', (_name, def) => {
    const valid = sample(def.input);
    const seen = new Map<string, string>();
    const inputs: unknown[] = [undefined, null, {}, [], 'نص', 7, true, { ...(valid as object), extraField: 1 }];
    for (const { path, schema } of fieldPaths(def.input)) {
      if (path.length === 0) continue;
      for (const bad of badValuesFor(schema)) inputs.push(withValueAt(valid, path, bad));
      if (defOf(core(schema)).type === 'object') inputs.push(withValueAt(valid, path, { extraField: 'قيمة' }));
    }
    for (const value of inputs) {
      for (const issue of messagesFor(def.input, value)) {
        seen.set(issue.message, issue.path.join('.'));
        const summary = describeIssue(issue);
        seen.set(summary, issue.path.join('.'));
      }
    }
    expect(seen.size).toBeGreaterThan(0);
    const bad = [...seen].filter(([message]) => NOT_OURS.test(message) || !isArabicText(message));
    expect(bad.map(([message, path]) => `${path}: ${message}`)).toEqual([]);
  });
});

describe('the limits are said in words a receptionist reads', () => {
  const msg = (op: keyof typeof contract, input: unknown, path: string) =>
    messagesFor(contract[op].input, input).find((i) => i.path.join('.') === path)?.message;

  it('a text too short names its minimum length in letters («يجب ألا يقل عن 3 أحرف»)', () => {
    expect(msg('settings.update', { associationName: 'جم' }, 'associationName')).toBe(
      'يجب ألا يقل عن 3 أحرف.',
    );
  });

  it('a text too long names its maximum («يجب ألا يزيد على 120 حرفاً»), a number out of range its bound', () => {
    expect(msg('settings.update', { associationName: 'ج'.repeat(121) }, 'associationName')).toBe('يجب ألا يزيد على 120 حرفاً.');
    expect(msg('settings.update', { lockAfterMinutes: 500 }, 'lockAfterMinutes')).toBe('يجب ألا يزيد على 240.');
    expect(msg('settings.update', { lockAfterMinutes: 0 }, 'lockAfterMinutes')).toBe('يجب ألا يقل عن 1.');
    expect(msg('settings.update', { lockAfterMinutes: 2.5 }, 'lockAfterMinutes')).toBe(ar.validation.wholeNumber);
    expect(msg('settings.update', { lockAfterMinutes: 'عشرة' }, 'lockAfterMinutes')).toBe(ar.validation.number);
  });

  it('an empty required text, a missing field and an unknown choice each say so in Arabic', () => {
    expect(msg('users.create', { username: 'user.one', fullName: '  ', role: 'receptionist', password: 'long-enough-1' }, 'fullName')).toBe(ar.messages.required);
    expect(msg('users.create', { username: 'user.one', role: 'receptionist', password: 'long-enough-1' }, 'fullName')).toBe(ar.messages.required);
    expect(msg('users.create', { username: 'user.one', fullName: 'سعد علي', role: 'owner', password: 'long-enough-1' }, 'role')).toBe(ar.validation.choice);
    // An empty name is missing, not «too short».
    expect(msg('catalogue.saveService', { name: ' ', requiredDocumentTypeIds: [] }, 'name')).toBe(ar.messages.required);
    expect(msg('settings.createDesk', { name: '', ticketPrefix: 'C' }, 'name')).toBe(ar.messages.required);
    expect(msg('beneficiaries.update', { beneficiaryId: 1, version: 1, profile: { family: [{ name: '', relation: 'son' }] } }, 'profile.family.0.name')).toBe(ar.messages.required);
  });

  it('a negative amount is refused as negative, not as «>= 0»', () => {
    const m = msg('requests.open', { beneficiaryId: 1, serviceTypeId: 1, channel: 'interview', requestedAmount: -50 }, 'requestedAmount');
    expect(m).toBeDefined();
    expect(m).not.toMatch(NOT_OURS);
  });

  it('a summary names the field: «الاسم الكامل: يجب ألا يقل عن 3 أحرف.»', () => {
    expect(describeIssue({ path: ['fullName'], message: 'يجب ألا يقل عن 3 أحرف.' })).toBe('الاسم الكامل: يجب ألا يقل عن 3 أحرف.');
    expect(describeIssue({ path: ['profile', 'family', 0, 'relation'], message: ar.validation.choice })).toBe(`${ar.profile.relation}: ${ar.validation.choice}`);
    // A message that already begins with its field's name is not named twice.
    expect(describeIssue({ path: ['profile', 'birthDate'], message: ar.messages.birthDateFuture })).toBe(ar.messages.birthDateFuture);
  });
});

describe('an empty form flags every missing field at once', () => {
  /** Each object in the input, emptied: every field it requires is named, none hides another. */
  it.each(operations)('%s', (_name, def) => {
    const valid = sample(def.input);
    for (const { path, schema } of fieldPaths(def.input)) {
      const d = defOf(core(schema));
      if (d.type !== 'object') continue;
      const required = Object.entries(d.shape!)
        .filter(([, s]) => !s.safeParse(undefined).success)
        .map(([k]) => [...path, k].join('.'));
      const flagged = new Set(messagesFor(def.input, withValueAt(valid, path, {})).map((i) => i.path.join('.')));
      expect(required.filter((p) => !flagged.has(p)), `missing fields of ${path.join('.') || 'the input'} not flagged`).toEqual([]);
    }
  });
});
