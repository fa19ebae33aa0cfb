import type { z } from 'zod';
import { countOf, formatCount } from '../labels/count';
import { ar, fill } from '../labels/ar';

type RawIssue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

const v = ar.validation;

/**
 * Every problem zod can find, said in our Arabic, with the limit in words a receptionist reads
 * («يجب ألا يقل عن 3 أحرف») — never zod's wording («string >= 3»), never a type name or a symbol.
 * A schema's own message (fields.ts) still wins over this one.
 */
export function issueMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return wrongType(issue.expected, issue.input);
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        if (issue.input === '' || min <= 1) return ar.messages.required;
        return fill(issue.exact ? v.exactLength : v.tooShort, { count: countOf(min, v.letters) });
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return min <= 1 ? v.chooseOne : fill(v.tooShort, { count: countOf(min, v.items) });
      }
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        if (min === 0) return issue.inclusive ? v.notNegative : v.aboveZero;
        return fill(issue.inclusive ? v.atLeast : v.above, { n: formatCount(min) });
      }
      return v.invalid;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return fill(issue.exact ? v.exactLength : v.tooLong, { count: countOf(max, v.letters) });
      if (issue.origin === 'array' || issue.origin === 'set') return fill(v.tooLong, { count: countOf(max, v.items) });
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return fill(issue.inclusive ? v.atMost : v.below, { n: formatCount(max) });
      }
      return v.invalid;
    }
    case 'invalid_format':
      return v.format;
    case 'not_multiple_of':
      return fill(v.multipleOf, { n: formatCount(Number(issue.divisor)) });
    case 'unrecognized_keys':
      return v.unknownField;
    case 'invalid_value':
      return v.choice;
    case 'invalid_union':
      return issue.input === undefined || issue.input === null ? ar.messages.required : v.invalid;
    default:
      return v.invalid;
  }
}

function wrongType(expected: string, input: unknown): string {
  if (input === undefined || input === null || expected === 'nonoptional') return ar.messages.required;
  switch (expected) {
    case 'int':
      return typeof input === 'number' ? (Number.isFinite(input) ? v.wholeNumber : v.badNumber) : v.number;
    case 'number':
    case 'bigint':
      return typeof input === 'number' ? v.badNumber : v.number;
    case 'string':
      return v.text;
    case 'boolean':
      return v.yesNo;
    case 'array':
    case 'tuple':
    case 'set':
      return v.list;
    case 'object':
    case 'record':
    case 'map':
      return v.group;
    default:
      return ar.messages.wrongType;
  }
}
