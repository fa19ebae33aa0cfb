import { z } from 'zod';
import { CONTACT_CHANNELS, type ContactChannel } from '../domain/channels';
import { FOLLOW_UP_STATES, type FollowUpState } from '../domain/contact';
import { STAFF_ROLES, type Role } from '../domain/roles';
import { ar } from '../labels/ar';
import { cleanString } from '../text/invisible';
import { mutation, query } from './define';
import { clientKey, id, isoDate, optionalIsoDate, optionalMobile, version } from './fields';

/** The contacts list comes a page at a time. */
export const CONTACTS_PAGE = 50;
export const CONTACTS_PAGE_MAX = 500;
/** The longest range one contacts list covers (a year), as the register. */
export const CONTACTS_MAX_DAYS = 366;

/** A contact as the lists show it: the person by name only (the mobile is read with contacts.get). */
export interface ContactSummary {
  id: number;
  day: string;
  loggedAt: string;
  channel: ContactChannel;
  beneficiaryId: number | null;
  /** The beneficiary's name, or the name the person gave. */
  name: string;
  subject: string;
  loggedBy: string;
  deskName: string | null;
  followUp: {
    due: string;
    owner: { id: number; fullName: string };
    state: FollowUpState;
    doneAt: string | null;
    doneBy: string | null;
    note: string | null;
  } | null;
  version: number;
}

/** One contact in full: what was answered, the mobile, and the requests opened from it. */
export interface ContactView extends ContactSummary {
  mobile: string | null;
  answer: string;
  fileNumber: string | null;
  requests: { id: number; number: string }[];
}

export interface ContactPage {
  rows: ContactSummary[];
  total: number;
  offset: number;
  limit: number;
}

const STAFF = STAFF_ROLES;
const SUPERVISING = ['supervisor', 'admin'] as const;
// A contact is in the register and on the board; a request opened from it shows there too.
const onContact = ['contacts.', 'registers.', 'board.today', 'settings.revision'] as const;

const text = (max: number, empty: string) => cleanString().trim().min(1, empty).max(max);

const DAY_MS = 86_400_000;

export const contactOperations = {
  /**
   * A contact on a channel other than the walk-in interview (C2–C8, P4, P5): a beneficiary on file or a
   * person by name (and mobile), the subject and what was answered; a follow-up needs its due day and
   * its owner together. Never issues a ticket and never enters the hall's queue.
   */
  'contacts.log': mutation<ContactView>()({
    input: z
      .object({
        channel: z.enum(CONTACT_CHANNELS, { error: ar.contacts.channelRequired }),
        beneficiaryId: id.optional(),
        name: cleanString().trim().max(120).optional(),
        mobile: optionalMobile,
        subject: text(300, ar.contacts.subjectRequired),
        answer: text(2000, ar.contacts.answerRequired),
        followUpDue: optionalIsoDate,
        followUpOwnerId: id.nullish(),
        /** The same key twice (a double press, a retry) returns the first contact instead of a second. */
        clientKey,
      })
      .superRefine((v, ctx) => {
        if (!v.beneficiaryId && (!v.name || v.name.split(/\s+/).length < 2)) {
          ctx.addIssue({ code: 'custom', path: ['name'], message: v.name ? ar.messages.fullNameTooShort : ar.contacts.personRequired });
        }
        if (v.followUpDue && !v.followUpOwnerId) ctx.addIssue({ code: 'custom', path: ['followUpOwnerId'], message: ar.contacts.ownerRequired });
        if (!v.followUpDue && v.followUpOwnerId) ctx.addIssue({ code: 'custom', path: ['followUpDue'], message: ar.contacts.dueRequired });
      }),
    access: STAFF,
    invalidates: onContact,
  }),
  /**
   * The contacts of a day or a range of days, newest first, filtered by channel and by where their
   * follow-up stands, a page at a time with the count of all.
   */
  'contacts.list': query<ContactPage>()({
    input: z
      .object({
        from: isoDate,
        to: isoDate,
        channels: z.array(z.enum(CONTACT_CHANNELS)).max(CONTACT_CHANNELS.length).optional(),
        followUp: z.array(z.enum(FOLLOW_UP_STATES)).max(FOLLOW_UP_STATES.length).optional(),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(CONTACTS_PAGE_MAX).default(CONTACTS_PAGE),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: ar.registers.rangeReversed });
        else if ((Date.parse(v.to) - Date.parse(v.from)) / DAY_MS + 1 > CONTACTS_MAX_DAYS) {
          ctx.addIssue({ code: 'custom', path: ['to'], message: ar.registers.rangeTooLong });
        }
      }),
    access: STAFF,
  }),
  /** One contact in full (its mobile and answer): a read of personal data, recorded. */
  'contacts.get': query<ContactView>()({ input: z.object({ contactId: id }).strict(), access: STAFF }),
  /**
   * Follow-ups still open and due today or earlier, the oldest due first: the caller's own, or with
   * `everyone` (supervisors and administrators only) every owner's.
   */
  'contacts.followUps': query<ContactSummary[]>()({
    input: z.object({ everyone: z.boolean().default(false) }).strict(),
    access: STAFF,
  }),
  /** Who may own a follow-up: the active receptionists, researchers and supervisors, by name (the desk's choice list). */
  'contacts.owners': query<{ id: number; fullName: string; role: Role }[]>()({ input: z.object({}).strict(), access: STAFF }),
  /** Closes a follow-up with what was done; its owner, or a supervisor or administrator. */
  'contacts.completeFollowUp': mutation<ContactView>()({
    input: z.object({ contactId: id, version, note: text(2000, ar.contacts.followUpNoteRequired) }).strict(),
    access: STAFF,
    invalidates: onContact,
  }),
} as const;

/** Who may own a follow-up: those whose screen lists it (the administrator's has no contacts tab). */
export const FOLLOW_UP_OWNER_ROLES: readonly Role[] = ['receptionist', 'researcher', 'supervisor'];

/** Who may see every owner's follow-ups (the core refuses `everyone` to the others). */
export const SEES_EVERY_FOLLOW_UP: readonly string[] = SUPERVISING;
