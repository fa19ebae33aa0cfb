import type { RegisterRowView } from '@shared/contract/registers';
import type { Channel } from '@shared/domain/channels';
import type { VisitOutcome, VisitReason, VisitState } from '@shared/domain/visit';
import { waitingMs } from '../printing/daily-register';
import { maskId } from '../printing/pdf-page';
import type { RegisterRow } from './register-query';

/** The wait as the printed register counts it: to the call, or to leaving for a visitor never called; a contact has none. */
export function waitedMs(v: Pick<RegisterRowView, 'state' | 'arrivedAt' | 'calledAt' | 'endedAt'>): number | null {
  return v.state === null ? null : waitingMs({ ...v, state: v.state });
}

/** Call to end: known once a visit that was called has ended (finished, or cancelled while served). */
export function servedMs(v: Pick<RegisterRowView, 'calledAt' | 'endedAt'>): number | null {
  if (!v.calledAt || !v.endedAt) return null;
  const ms = Date.parse(v.endedAt) - Date.parse(v.calledAt);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** Minutes to one decimal, as the register shows and exports them. */
export function minutes(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 6_000) / 10;
}

/** A row of the store as the register shows it: the ID masked to its last four digits unless asked for in full. */
export function toRegisterRow(r: RegisterRow, requestNumbers: readonly string[] | undefined, showFullIds: boolean): RegisterRowView {
  const contact = r.kind === 'contact';
  const view: RegisterRowView = {
    kind: contact ? 'contact' : 'visit',
    visitId: contact ? null : r.id,
    contactId: contact ? r.id : null,
    day: r.day,
    ticket: r.ticket,
    state: r.state as VisitState | null,
    reason: r.reason as VisitReason | null,
    channel: r.channel as Channel,
    name: r.name,
    beneficiaryId: r.beneficiary_id,
    idNumber: r.id_number === null ? null : showFullIds ? r.id_number : maskId(r.id_number),
    fileNumber: r.file_number,
    requestNumbers: requestNumbers ? [...requestNumbers] : [],
    arrivedAt: r.arrived_at,
    calledAt: r.called_at,
    endedAt: r.ended_at,
    waitedMinutes: null,
    servedMinutes: null,
    deskName: r.desk_name,
    employee: r.employee,
    outcome: r.outcome as VisitOutcome | null,
    outcomeNote: r.outcome_note,
  };
  view.waitedMinutes = minutes(waitedMs(view));
  view.servedMinutes = minutes(servedMs(view));
  return view;
}
