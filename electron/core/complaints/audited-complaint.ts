import type { ComplaintView } from '@shared/contract/complaints';

/**
 * A complaint as its audit rows record it: what a reader of the trail compares (the person, the text,
 * the state, the owner, the answer and the dates), under names of its own — a complaint's number is
 * not a request's.
 */
export function auditedComplaint(c: ComplaintView) {
  return {
    complaintNumber: c.number,
    channel: c.channel,
    category: c.category,
    complaintText: c.text,
    state: c.state,
    beneficiaryName: c.beneficiaryName,
    visitorName: c.visitorName,
    visitTicket: c.visitTicket,
    contactId: c.contactId,
    receivedAt: c.receivedAt,
    receivedByName: c.receivedByName,
    ownerName: c.ownerName,
    dueDate: c.dueDate,
    answer: c.answer,
    answeredAt: c.answeredAt,
    closedAt: c.closedAt,
  };
}
