import { describe, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { printingAr } from '@shared/labels/printing-ar';
import { CLAUSE_CODE } from '../helpers/clause-codes';

/**
 * Words on screen and on paper: the policy's clause codes — (S2), (S4), (C1), T1–T4 … — are
 * for code comments and tests. No label a person reads, on screen or printed, carries one.
 */

/** Every string value in a label catalogue, with where it sits (keys such as T1 are not read by anyone). */
function strings(value: unknown, path: string[] = []): [string, string][] {
  if (typeof value === 'string') return [[path.join('.'), value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

describe('no clause code in any label', () => {
  it.each([
    ['ar.ts', ar],
    ['printing-ar.ts', printingAr],
  ] as const)('%s', (_file, catalogue) => {
    const all = strings(catalogue);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter(([, text]) => CLAUSE_CODE.test(text)).map(([path, text]) => `${path}: ${text}`)).toEqual([]);
  });

  it('the pattern catches the codes as they were written in labels', () => {
    for (const text of ['المستندات المطلوبة (S2)', 'الإقرار (S4)', 'المقابلة (C1)', 'الرف T1–T4', 'البند P3']) expect(text).toMatch(CLAUSE_CODE);
    for (const text of ['A-001', 'F-1001', 'صفحة 1 من 3', 'PDF', 'رقم 1447-00042']) expect(text).not.toMatch(CLAUSE_CODE);
  });
});
