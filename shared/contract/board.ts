import type { Channel, ContactChannel } from '../domain/channels';
import type { ComplaintCategory } from '../domain/complaints';
import type { VisitReason, VisitState } from '../domain/visit';
import type { WaitBand } from '../domain/wait-targets';
import type { SatisfactionFollowUp } from './satisfaction';
import { emptyInput, query } from './define';

/** How many requests each of the board's committee lists names; the counts say how many there are in all. */
export const BOARD_REQUEST_LIST = 8;
/** The board's charts cover this many days, today the last of them. */
export const BOARD_DAYS = 30;

/** A visitor still waiting today, with how the wait stands against the reason's target (S1) at `now`. */
export interface BoardWaitingVisit {
  ticket: string;
  /** The beneficiary's name, or the name a visitor without a file gave: never an ID. */
  name: string;
  reason: VisitReason;
  arrivedAt: string;
  waitedMs: number;
  band: WaitBand;
}

/**
 * A desk now: serving someone, open (someone signed in there was active within the inactivity lock's
 * time), or idle.
 */
export interface BoardDesk {
  id: number;
  name: string;
  ticketPrefix: string;
  status: 'serving' | 'open' | 'idle';
  /** Who serves there, or who was last active there while it is open; null when idle. */
  employee: string | null;
  /** The visit being served there (the longest-served first, when a desk confirmed serving two). */
  serving: { ticket: string; name: string; reason: VisitReason; calledAt: string } | null;
  /** When the desk was last seen at work (its latest change or its session's activity); null: not lately. */
  lastActiveAt: string | null;
}

/** A request awaiting the committee (S5), for a link that opens it. */
export interface BoardRequest {
  id: number;
  number: string;
  beneficiaryName: string;
  serviceName: string;
  submissionDay: string | null;
  expectedAnswerDate: string | null;
  /** Whole days past the expected answer date (0 on the date itself and before it). */
  daysLate: number;
}

/** A contact's follow-up past its due day: the person by name, its owner, how late. */
export interface BoardFollowUp {
  contactId: number;
  channel: ContactChannel;
  name: string;
  subject: string;
  owner: string;
  due: string;
}

/** One day of the charts (a day without visits has zero visits and no average wait, not a zero one). */
export interface BoardDay {
  day: string;
  visits: number;
  byReason: Record<VisitReason, number>;
  /** The mean of arrival-to-call waits of the day's called visits, in ms; null when none was called. */
  meanWaitMs: number | null;
}

/** P8: a complaint past its due date and still unanswered, for a link to the complaints register. */
export interface BoardComplaint {
  id: number;
  number: string;
  category: ComplaintCategory | null;
  dueDate: string;
  ownerName: string | null;
}

export interface BoardView {
  /** The business day at the desk's zone, and the instant every figure is taken at. */
  day: string;
  now: string;
  waiting: {
    count: number;
    /** The longest wait of those still waiting; null when nobody waits. */
    longestWaitMs: number | null;
    /** Every visitor still waiting, the longest wait first. */
    visits: BoardWaitingVisit[];
    /** Of them, how many are past their target now (the critical band included). */
    pastTarget: number;
  };
  desks: BoardDesk[];
  /** Today's visits (by the day they arrived, as the daily register counts them). */
  today: {
    total: number;
    states: Record<VisitState, number>;
    /** Visits referred to a social researcher today (S3), whatever happened to them after. */
    referred: number;
    /** Visits called today after their reason's target (S1). */
    calledAfterTarget: number;
    called: number;
  };
  committee: {
    awaiting: number;
    overdue: number;
    /** The oldest overdue first. */
    overdueList: BoardRequest[];
    /** Not yet overdue, the nearest expected answer date first. */
    dueList: BoardRequest[];
  };
  /** P8: complaints and suggestions unanswered past their due date, the oldest due first (BOARD_REQUEST_LIST of them). */
  complaints: { overdue: number; overdueList: BoardComplaint[] };
  /** Contacts' follow-ups (C2–C8) still open past their due day, the oldest due first (BOARD_REQUEST_LIST of them). */
  overdueFollowUps: { count: number; list: BoardFollowUp[] };
  /** The last BOARD_DAYS days, the oldest first, today last. */
  days: BoardDay[];
  /** Over those days. */
  byReason: Record<VisitReason, number>;
  byChannel: Record<Channel, number>;
  /** P6: low ratings (1–2) with a comment or a wish to be contacted, not yet followed up; newest day first. */
  satisfactionFollowUps: SatisfactionFollowUp[];
}

export const boardOperations = {
  /**
   * The supervisor's live board: the hall now, each desk, today so far, the committee's backlog (S5)
   * and the last 30 days. Names of visitors only, never an ID, so reading it is no read of personal
   * data in full.
   */
  'board.today': query<BoardView>()({ input: emptyInput, access: ['supervisor', 'admin'] }),
} as const;
