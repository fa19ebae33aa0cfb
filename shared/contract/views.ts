import type { Channel } from '../domain/channels';
import type { IdType } from '../domain/identity';
import type { Role } from '../domain/roles';
import type { VisitOutcome, VisitReason, VisitState } from '../domain/visit';
import type { WaitTargets } from '../domain/wait-targets';
import type {
  DocumentStatus,
  FamilyRelation,
  Gender,
  HousingType,
  IncomeSource,
  MaritalStatus,
  RequestState,
} from '../domain/request';

/** What operations return: plain JSON, the same over IPC and HTTP. Instants are UTC ISO strings. */
export interface UserView {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  active: boolean;
  /** The administrator reset the password: the next sign-in may only choose a new one. */
  mustChangePassword: boolean;
}

/** A row of the staff screen: the account, and whether sign-in to it is locked after repeated wrong passwords. */
export interface StaffView extends UserView {
  /** Until when every sign-in and unlock is refused (an administrator can lift it: users.unlockSignIn); null when not locked. */
  signInLockedUntil: string | null;
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
}

export interface SettingsView {
  associationName: string;
  timeZone: string;
  lockAfterMinutes: number;
  /** A signed-in session with no activity this long is signed out; one no window calls any more is removed. */
  sessionExpiryHours: number;
  /** S5: days the research committee has to answer; the expected answer date is submission + this. */
  committeePeriodDays: number;
  /** The letterhead on printed documents. */
  associationBranch: string | null;
  associationLicence: string | null;
  associationAddress: string | null;
  associationPhone: string | null;
  associationWebsite: string | null;
  /** PNG or JPEG, base64; small (a logo). */
  associationLogoBase64: string | null;
  /** Where automatic backups go (another disk, a USB stick); null: backups/ in the data folder. */
  backupFolder: string | null;
  /** S1: how long a visitor may wait, per reason, with its warning and critical bands. */
  waitTargets: WaitTargets;
  /** P8: working days (Sunday–Thursday) to answer a complaint or suggestion; its due date is received + this. */
  complaintDueWorkingDays: number;
  /** S1: the administrator's line of text on the hall display (a notice, the opening hours); null: none. */
  displayMessage: string | null;
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
  /** How the hit was found: an exact ID, mobile, file number, request or acknowledgement number ranks before names. */
  match: 'id' | 'mobile' | 'file' | 'request' | 'complaint' | 'name';
  /** For a request-number hit: the request typed (or scanned from its receipt), so the screen can open it. */
  request?: { id: number; number: string };
  /** For an acknowledgement-number hit (P8): the complaint typed, whose complainant this is. */
  complaint?: { id: number; number: string };
}

/** A ticket the beneficiary already has today (the open one if any, else the latest). */
export interface TodayVisit {
  visitId: number;
  ticket: string;
  state: VisitState;
}

/** What the desk's search box shows: the hit, and today's ticket so a second check-in is not a surprise. */
export interface BeneficiarySearchHit extends BeneficiaryHit {
  todayVisit: TodayVisit | null;
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
  /** Whether the queue ticket came out of the printer; null before any report. */
  ticketPrinted: boolean | null;
}

export interface QueueView {
  day: string;
  now: string;
  visits: VisitView[];
  counts: Record<VisitState, number>;
}

export interface FamilyMemberView {
  name: string;
  relation: FamilyRelation;
  idNumber: string | null;
  birthDate: string | null;
}

/** The whole beneficiary file. */
export interface BeneficiaryProfile extends BeneficiaryView {
  latinName: string | null;
  idExpiry: string | null;
  nationality: string | null;
  gender: Gender | null;
  birthDate: string | null;
  maritalStatus: MaritalStatus | null;
  mobile2: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  monthlyIncome: number | null;
  incomeSources: IncomeSource[];
  housingType: HousingType | null;
  rentAmount: number | null;
  notes: string | null;
  family: FamilyMemberView[];
  registeredAt: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  visits: VisitView[];
  requests: RequestSummary[];
}

export interface DocumentTypeView {
  id: number;
  code: string;
  name: string;
  hasExpiry: boolean;
  active: boolean;
}

export interface ServiceTypeView {
  id: number;
  code: string;
  name: string;
  active: boolean;
  requiredDocuments: DocumentTypeView[];
}

export interface RequestSummary {
  id: number;
  number: string;
  state: RequestState;
  beneficiaryId: number;
  beneficiaryName: string;
  serviceName: string;
  channel: Channel;
  openedAt: string;
  submittedAt: string | null;
  expectedAnswerDate: string | null;
  /** Submitted, undecided, and past its expected answer date (S5). */
  overdue: boolean;
  referredTo: { id: number; fullName: string } | null;
  /** S3: the question put to the researcher, while it waits for an answer. */
  referralQuestion: string | null;
  referralOpen: boolean;
}

/** The committee's list at a glance (S5): all the requests awaiting a decision, and the overdue among them. */
export interface CommitteeCounts {
  awaiting: number;
  overdue: number;
}

export interface RequestDocumentView {
  documentTypeId: number;
  name: string;
  required: boolean;
  hasExpiry: boolean;
  provided: boolean;
  issueDate: string | null;
  expiryDate: string | null;
  note: string | null;
  /** The identity line while the request is open: provided and expiry follow the beneficiary's file (S2). */
  fromFile: boolean;
  /** As of the submission date, or today while the request is still open (S2). */
  status: DocumentStatus;
  /** This line's version as saved (0: never set): requests.setDocument sends it back and is refused when another desk saved the line since. */
  version: number;
  attachments: AttachmentView[];
}

export interface AttachmentView {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface DeclarationSignatureView {
  version: number;
  witness: string;
  signedAt: string;
}

export interface RequestEventView {
  id: number;
  at: string;
  user: string;
  action: string;
  fromState: RequestState | null;
  toState: RequestState | null;
  note: string | null;
}

export interface RequestView extends RequestSummary {
  serviceTypeId: number;
  visitId: number | null;
  /** The contact (C2–C8) it was opened from, if any. */
  contactId: number | null;
  description: string | null;
  requestedAmount: number | null;
  beneficiary: BeneficiaryView;
  documents: RequestDocumentView[];
  /** What stops submission now, in Arabic, one line per problem (S2, S4). */
  blockers: string[];
  declaration: DeclarationSignatureView | null;
  /** Printings of the declaration paper, each with the text version printed (S4). */
  declarationPrintings: { version: number; printedAt: string; printedBy: string }[];
  declarationScans: AttachmentView[];
  referralQuestion: string | null;
  decision: {
    outcome: 'accepted' | 'rejected';
    reason: string | null;
    approvedAmount: number | null;
    aidDescription: string | null;
    decidedAt: string;
    decidedBy: string;
  } | null;
  service: { description: string; amount: number | null; deliveredOn: string; deliveredBy: string } | null;
  events: RequestEventView[];
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface DeclarationView {
  version: number;
  text: string;
  createdAt: string;
}
