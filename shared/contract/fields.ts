import { z } from 'zod';
import { CHANNELS } from '../domain/channels';
import { ID_TYPES } from '../domain/identity';
import { VISIT_REASONS, VISIT_OUTCOMES } from '../domain/visit';
import { ROLES } from '../domain/roles';
import { ar } from '../labels/ar';
import { businessDay } from '../dates/calendar';
import { isRealIsoDate } from '../dates/hijri';
import { cleanString } from '../text/invisible';
import { normalizeMobile } from '../validation/mobile';
import { checkNationalId, cleanIdNumber } from '../validation/national-id';

const m = ar.messages;

/** Input fields shared by several operations; each carries its Arabic message. */
export const id = z.number().int().positive();
export const namePart = cleanString()
  .trim()
  .min(1, { message: m.namePartRequired, abort: true })
  .min(2, m.nameTooShort)
  .max(40);
export const mobile = cleanString()
  .trim()
  .min(1, m.required)
  .transform((v, ctx) => {
    const n = normalizeMobile(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: m.mobileInvalid });
      return z.NEVER;
    }
    return n;
  });
export const optionalMobile = cleanString()
  .trim()
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const n = normalizeMobile(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: m.mobileInvalid });
      return z.NEVER;
    }
    return n;
  });
export const idType = z.enum(ID_TYPES);
export const channel = z.enum(CHANNELS);
export const visitReason = z.enum(VISIT_REASONS);
export const visitOutcome = z.enum(VISIT_OUTCOMES);
export const role = z.enum(ROLES);
export const note = cleanString().trim().max(2000);
export const username = cleanString()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, m.usernameFormat);
/** The length rule of a new password; the core checks the others (password-rules.ts) and the screens show them all (ar.messages.passwordRules). */
export const PASSWORD_MIN_LENGTH = 10;
export const password = z.string().min(PASSWORD_MIN_LENGTH, m.passwordTooShort).max(200);
/** A staff member's name as the header and the audit trail show it. */
export const staffFullName = cleanString()
  .trim()
  .min(1, { error: m.required, abort: true })
  .min(3, m.fullNameTooShort)
  .max(80, ar.staff.fullNameTooLong);
export const clientKey = z.string().uuid().optional();

/** An identity document: national ID / iqama with their check digit (S2), others by shape only. */
export const identity = z
  .object({ idType, idNumber: cleanString().trim().min(1, m.required) })
  .transform((v, ctx) => {
    const idNumber = cleanIdNumber(v.idNumber);
    if (v.idType === 'national_id' || v.idType === 'iqama') {
      const problem = checkNationalId(idNumber, v.idType);
      if (problem) {
        const msg = problem === 'length' ? m.nationalIdLength : problem === 'start' ? m.nationalIdStart : m.nationalIdCheck;
        ctx.addIssue({ code: 'custom', path: ['idNumber'], message: msg });
        return z.NEVER;
      }
    } else if (!/^[A-Z0-9]{4,20}$/.test(idNumber)) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: m.idNumberFormat });
      return z.NEVER;
    }
    return { idType: v.idType, idNumber };
  });

/** A calendar date as ISO (YYYY-MM-DD) that really exists (2025-02-30 does not). The screens accept Hijri and convert. */
export const isoDate = z
  .string()
  .trim()
  .refine((v) => isRealIsoDate(v) && v >= '1900-01-01' && v <= '2100-12-31', m.dateInvalid);
export const optionalIsoDate = z
  .union([isoDate, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : null));
/** A birth date: may be left empty, never after today at the desk (the same rule for the desk's registration and the file). */
export const optionalBirthDate = optionalIsoDate.refine((v) => !v || v <= businessDay(new Date()), m.birthDateFuture);
/** Saudi riyals, whole or with halalas. */
export const amount = z.number().nonnegative(m.amountNegative).max(10_000_000);
export const version = z.number().int().nonnegative();

/** Free text that may be left empty (stored as null). */
export const optionalText = (max: number) =>
  cleanString()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);
