import type { ParsedInputOf } from '@shared/contract';
import type { VisitReason } from '@shared/domain/visit';
import { AppError, type ErrorIssue } from '@shared/errors';
import { ar } from '@shared/labels/ar';

/**
 * What a visit must record when it ends, by what it was for (S1): an inquiry its question and the
 * answer given; a complaint or suggestion what was said (in the outcome note). Refused with each
 * missing field named, nothing written.
 */
export function refuseUnrecordedFinish(reason: VisitReason, input: ParsedInputOf<'visits.finish'>): void {
  const blank = (v: string | undefined) => !v?.trim();
  const issues: ErrorIssue[] = [];
  if (reason === 'inquiry') {
    if (blank(input.inquiry)) issues.push({ path: ['inquiry'], message: ar.visitDesk.inquiryQuestionRequired });
    if (blank(input.answer)) issues.push({ path: ['answer'], message: ar.visitDesk.inquiryAnswerRequired });
    if (issues.length > 0) throw new AppError('validation', ar.messages.inquiryRequired, issues);
  }
  if (reason === 'complaint' && blank(input.outcomeNote)) {
    issues.push({ path: ['outcomeNote'], message: ar.visitDesk.complaintTextRequired });
    throw new AppError('validation', ar.visitDesk.complaintTextRequired, issues);
  }
}
