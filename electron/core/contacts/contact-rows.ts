import type { ContactSummary, ContactView } from '@shared/contract/contacts';
import type { ContactChannel } from '@shared/domain/channels';
import { followUpStateOf } from '@shared/domain/contact';
import { textLiteral } from '../store/portable';
import type { Db } from '../store/store';

/** Contacts with the names a list shows: the person, who logged it, the desk, the follow-up's owner and closer. */
export function selectContacts(db: Db) {
  return db
    .selectFrom('contacts as c')
    .leftJoin('beneficiaries as b', 'b.id', 'c.beneficiary_id')
    .innerJoin('users as lb', 'lb.id', 'c.logged_by')
    .leftJoin('users as o', 'o.id', 'c.follow_up_owner')
    .leftJoin('users as cb', 'cb.id', 'c.follow_up_done_by')
    .leftJoin('desks as d', 'd.id', 'c.desk_id')
    .select((eb) => [
      'c.id',
      'c.day',
      'c.logged_at',
      'c.channel',
      'c.beneficiary_id',
      eb.fn.coalesce('b.full_name', 'c.name', textLiteral('')).as('name'),
      'c.subject',
      'lb.full_name as logged_by_name',
      'd.name as desk_name',
      'c.follow_up_due',
      'c.follow_up_owner',
      'o.full_name as owner_name',
      'c.follow_up_done_at',
      'cb.full_name as done_by_name',
      'c.follow_up_note',
      'c.version',
    ]);
}

export type ContactRow = Awaited<ReturnType<ReturnType<typeof selectContacts>['executeTakeFirstOrThrow']>>;

export function toContactSummary(r: ContactRow, today: string): ContactSummary {
  return {
    id: r.id,
    day: r.day,
    loggedAt: r.logged_at,
    channel: r.channel as ContactChannel,
    beneficiaryId: r.beneficiary_id,
    name: r.name,
    subject: r.subject,
    loggedBy: r.logged_by_name,
    deskName: r.desk_name,
    followUp:
      r.follow_up_due && r.follow_up_owner !== null
        ? {
            due: r.follow_up_due,
            owner: { id: r.follow_up_owner, fullName: r.owner_name ?? '' },
            state: followUpStateOf({ due: r.follow_up_due, doneAt: r.follow_up_done_at }, today),
            doneAt: r.follow_up_done_at,
            doneBy: r.done_by_name,
            note: r.follow_up_note,
          }
        : null,
    version: r.version,
  };
}

/** One contact in full, or undefined when there is none of that id. */
export async function loadContactView(db: Db, contactId: number, today: string): Promise<ContactView | undefined> {
  const row = await selectContacts(db)
    .select(['c.mobile', 'c.answer', 'b.file_number', 'b.mobile as beneficiary_mobile'])
    .where('c.id', '=', contactId)
    .executeTakeFirst();
  if (!row) return undefined;
  const requests = await db.selectFrom('requests').select(['id', 'number']).where('contact_id', '=', contactId).orderBy('number').execute();
  return {
    ...toContactSummary(row, today),
    mobile: row.mobile ?? row.beneficiary_mobile,
    answer: row.answer,
    fileNumber: row.file_number,
    requests,
  };
}
