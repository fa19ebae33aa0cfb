import type { Channel } from '../domain/channels';
import type { IdType } from '../domain/identity';
import type { Role } from '../domain/roles';
import type { VisitOutcome, VisitReason, VisitState } from '../domain/visit';

/** What operations return: plain JSON, the same over IPC and HTTP. Instants are UTC ISO strings. */
export interface UserView {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  active: boolean;
}

export interface DeskView {
  id: number;
  name: string;
  ticketPrefix: string;
}

export interface SessionView {
  needsSetup: boolean;
  user: UserView | null;
  desk: DeskView | null;
  locked: boolean;
  lockAfterMinutes: number;
  /** The desk was started with --demo and the store has no visits yet: offer to fill it. */
  offerDemo: boolean;
}

export interface SettingsView {
  associationName: string;
  timeZone: string;
  lockAfterMinutes: number;
}

export interface BeneficiaryView {
  id: number;
  fullName: string;
  firstName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  idType: IdType;
  idNumber: string;
  mobile: string | null;
  fileNumber: string | null;
}

export interface BeneficiaryHit extends BeneficiaryView {
  /** How the hit was found: an exact ID or mobile match ranks first. */
  match: 'id' | 'mobile' | 'name';
}

export interface VisitView {
  id: number;
  day: string;
  ticket: string;
  state: VisitState;
  reason: VisitReason;
  channel: Channel;
  beneficiaryId: number | null;
  /** The beneficiary's full name, or the name a visitor without a file gave. */
  name: string;
  mobile: string | null;
  hasFile: boolean;
  arrivedAt: string;
  calledAt: string | null;
  endedAt: string | null;
  deskName: string;
  servedBy: { id: number; fullName: string } | null;
  servingDeskName: string | null;
  referredTo: { id: number; fullName: string } | null;
  referralNote: string | null;
  outcome: VisitOutcome | null;
  outcomeNote: string | null;
  inquiry: string | null;
  answer: string | null;
  version: number;
}

export interface QueueView {
  day: string;
  now: string;
  visits: VisitView[];
  counts: Record<VisitState, number>;
}
