/**
 * Satisfaction ratings (P6, P7): a visitor rates a finished visit, at the desk's kiosk or on paper
 * that the desk's staff type in. Ratings are for improving the service, never for shaming anyone.
 */

/** The overall score and each aspect: 1 (very unhappy) … 5 (very happy). */
export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

/** The optional aspects asked after the overall score. */
export const ASPECTS = ['courtesy', 'speed', 'clarity'] as const;
export type Aspect = (typeof ASPECTS)[number];

/** Where a rating came from: the kiosk facing the visitor, or a paper form typed in by the desk's staff. */
export const RATING_SOURCES = ['kiosk', 'paper'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

/** A score this low (1–2) with a comment or a wish to be contacted is followed up by a supervisor. */
export const LOW_SCORE = 2;

/** How long after a visit is finished the desk's kiosk asks about it (and takes its rating). */
export const KIOSK_WINDOW_MS = 10 * 60_000;

/** A paper form is typed in within this many days of the visit's end. */
export const PAPER_DAYS = 7;

/**
 * A kiosk submit this soon after the previous one from the same desk's kiosk is not a visitor rating
 * one visit: rapid repeated presses (a child at the screen, someone stuffing the box). Both are flagged
 * as misuse and left out of every figure.
 */
export const MISUSE_WINDOW_MS = 10_000;

/**
 * P7: per-employee figures are shown to supervisors only, and only for an employee with at least this
 * many ratings in the period; below it a mean says more about one visitor than about the service.
 */
export const MIN_EMPLOYEE_RATINGS = 10;

/** How long a low rating waits on the board for a supervisor's follow-up before it leaves it. */
export const FOLLOW_UP_DAYS = 14;

/** The kiosk goes back to its idle screen after this long without a touch. */
export const KIOSK_IDLE_MS = 30_000;
