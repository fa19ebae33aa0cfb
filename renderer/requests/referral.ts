import type { RequestView } from '@shared/contract';

/**
 * Whether the request's referral to a researcher (S3) still waits for an answer: the view keeps the
 * last question after it is answered, so the timeline tells — a `refer` after the last answer.
 */
export function referralOpen(r: RequestView): boolean {
  if (!r.referralQuestion) return false;
  const last = (action: string) => r.events.reduce((at, e, i) => (e.action === action ? i : at), -1);
  return last('refer') > last('referral_answered');
}
