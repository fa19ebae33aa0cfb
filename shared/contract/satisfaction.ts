import { z } from 'zod';
import type { Channel } from '../domain/channels';
import { RATING_SOURCES, type Aspect, type RatingSource, type Score } from '../domain/satisfaction';
import type { VisitReason } from '../domain/visit';
import { ar } from '../labels/ar';
import { mutation, query } from './define';
import { id, isoDate, optionalText } from './fields';
import { checkPeriod } from './reports';

const score = z.number().int().min(1, ar.satisfaction.scoreRange).max(5, ar.satisfaction.scoreRange);

/** What the kiosk of this desk asks the visitor about now: never a name, only the ticket on the screen. */
export interface SatisfactionPendingView {
  /** The visit rated: a delivered service is rated through the visit it was handed over in. */
  visitId: number;
  ticket: string;
  reason: VisitReason;
  /** When the visit finished, or the service was delivered. */
  finishedAt: string;
  /** What just happened at the desk: the visit finished, or a service delivered in it (S7). */
  about: 'visit' | 'delivery';
}

/** A submitted rating: `counted` false when it was flagged as misuse (rapid repeated presses). */
export interface SatisfactionSubmitView {
  counted: boolean;
  anonymous: boolean;
  source: RatingSource;
}

/** Ratings of a group of visits against the visits finished in it (the response rate). */
export interface SatisfactionGroup {
  /** Visits finished (done) in the group: the ones that could be rated. */
  finished: number;
  /** Ratings counted (misuse left out). */
  ratings: number;
  /** ratings / finished, 0–1; null when none was finished. */
  responseRate: number | null;
  /** Mean overall score 1–5; null without ratings. */
  mean: number | null;
  /** Share of ratings of 4 or 5; null without ratings. */
  satisfiedShare: number | null;
}

/** A rating's comment with its visit: the desk, reason and channel only, unless the visitor gave their name. */
export interface SatisfactionComment {
  id: string;
  day: string;
  deskName: string | null;
  reason: VisitReason;
  channel: Channel;
  overall: Score;
  comment: string | null;
  contactMe: boolean;
  source: RatingSource;
  /** Only when the visitor chose not to stay anonymous. */
  visit: { id: number; ticket: string; name: string; mobile: string | null } | null;
}

/** A low rating (1–2) with a comment or a wish to be contacted, for the supervisor's board. */
export type SatisfactionFollowUp = SatisfactionComment;

export interface SatisfactionSummary extends SatisfactionGroup {
  /** Submits flagged as misuse, left out of every other figure. */
  flagged: number;
  /** Ratings per overall score, 1 to 5. */
  distribution: { score: Score; count: number }[];
  aspects: { aspect: Aspect; count: number; mean: number | null }[];
  bySource: Record<RatingSource, number>;
  anonymous: number;
  withComment: number;
  /** Scored 1–2 with a comment or a wish to be contacted: each became a follow-up item. */
  lowToFollow: number;
  /** Of them, followed up by a supervisor. */
  followedUp: number;
}

export interface SatisfactionResultsView {
  from: string;
  to: string;
  summary: SatisfactionSummary;
  /** Per day for a period up to a month, else per month (YYYY-MM). */
  trend: { unit: 'day' | 'month'; points: ({ period: string } & SatisfactionGroup)[] };
  byDesk: ({ deskId: number | null; deskName: string | null } & SatisfactionGroup)[];
  byReason: ({ reason: VisitReason } & SatisfactionGroup)[];
  byChannel: ({ channel: Channel } & SatisfactionGroup)[];
  /** Newest day first. */
  comments: SatisfactionComment[];
  /**
   * P7: per employee only for a supervisor (null for anyone else), in the order of their names — never
   * ranked — and only employees with MIN_EMPLOYEE_RATINGS ratings or more; `hidden` counts the others.
   */
  employees: { shown: { name: string; ratings: number; mean: number | null; satisfiedShare: number | null }[]; hidden: number } | null;
}

const SUPERVISORS = ['supervisor', 'admin'] as const;
const onRating = ['satisfaction.', 'board.today', 'reports.', 'settings.revision'] as const;

/**
 * Satisfaction (P6, P7): public HTTP operations, named for integrators. The kiosk of a desk (a device
 * screen opened there, which may call pending and submit and nothing else, or the desk's own screen
 * turned to the visitor) asks about that desk's last finished visit; the desk's staff type in a rating
 * given on paper.
 */
export const satisfactionOperations = {
  /**
   * The latest visit finished, or service delivered (requests.deliver), at this desk within the
   * kiosk's window, its visit not yet rated; null when none.
   */
  'satisfaction.pending': query<SatisfactionPendingView | null>()({ input: z.object({}).strict(), access: 'signed-in', devices: ['kiosk'] }),
  /**
   * One rating per visit. Anonymous by default: the rating then keeps the visit's desk, reason and
   * channel and nothing that leads back to the person. A wish to be contacted needs the name.
   */
  'satisfaction.submit': mutation<SatisfactionSubmitView>()({
    input: z
      .object({
        visitId: id,
        overall: score,
        aspects: z.object({ courtesy: score.optional(), speed: score.optional(), clarity: score.optional() }).strict().optional(),
        comment: optionalText(1000),
        anonymous: z.boolean().default(true),
        contactMe: z.boolean().default(false),
        source: z.enum(RATING_SOURCES).default('kiosk'),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.contactMe && v.anonymous) ctx.addIssue({ code: 'custom', path: ['contactMe'], message: ar.satisfaction.contactNeedsName });
      }),
    access: 'signed-in',
    devices: ['kiosk'],
    invalidates: onRating,
  }),
  /** Supervisors: response rate, distribution, trend, by desk, reason and channel; comments with their visit. */
  'satisfaction.results': query<SatisfactionResultsView>()({
    input: z.object({ from: isoDate, to: isoDate }).strict().superRefine(checkPeriod),
    access: SUPERVISORS,
  }),
  /** A supervisor notes that a low rating was followed up: it leaves the board. */
  'satisfaction.followUp': mutation<SatisfactionComment>()({
    input: z.object({ ratingId: z.string().regex(/^[a-f0-9]{32}$/), note: optionalText(1000) }).strict(),
    access: SUPERVISORS,
    invalidates: onRating,
  }),
} as const;
