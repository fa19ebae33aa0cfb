import type { BeneficiaryProfile, RequestView, SettingsView } from '@shared/contract';
import { formatMobile } from '@shared/validation/mobile';
import { letterhead } from './letterhead';
import type { DeclarationInput } from './declaration';
import type { ReceiptInput } from './receipt';
import type { RequestFormInput } from './request-form';

/** The pre-filled support request form (T4) from a request and its beneficiary's file. */
export function requestFormInput(r: RequestView, p: BeneficiaryProfile, s: SettingsView, employee: string, printedAt: string): RequestFormInput {
  return {
    header: letterhead(s),
    request: {
      number: r.number,
      openedAt: r.openedAt,
      channel: r.channel,
      state: r.state,
      serviceName: r.serviceName,
      description: r.description,
      requestedAmount: r.requestedAmount,
    },
    applicant: {
      fullName: p.fullName,
      latinName: p.latinName,
      idType: p.idType,
      idNumber: p.idNumber,
      idExpiry: p.idExpiry,
      nationality: p.nationality,
      gender: p.gender,
      birthDate: p.birthDate,
      maritalStatus: p.maritalStatus,
      mobile: p.mobile ? formatMobile(p.mobile) : null,
      mobile2: p.mobile2 ? formatMobile(p.mobile2) : null,
      city: p.city,
      district: p.district,
      address: p.address,
      fileNumber: p.fileNumber,
      monthlyIncome: p.monthlyIncome,
      incomeSources: p.incomeSources,
      housingType: p.housingType,
      rentAmount: p.rentAmount,
      family: p.family,
    },
    documents: r.documents.map((d) => ({ name: d.name, status: d.status, hasExpiry: d.hasExpiry, expiryDate: d.expiryDate, note: d.note })),
    documentsAsOf: r.submittedAt ? r.submittedAt.slice(0, 10) : null,
    decision: r.decision
      ? { outcome: r.decision.outcome, reason: r.decision.reason, approvedAmount: r.decision.approvedAmount, decidedAt: r.decision.decidedAt }
      : null,
    employee: { fullName: employee },
    printedAt,
    printedBy: employee,
  };
}

/** الإقرار (S4) with the applicant's name and ID and the text version in force. */
export function declarationInput(
  r: RequestView,
  s: SettingsView,
  declaration: { version: number; text: string; createdAt: string },
  employee: string,
  printedAt: string,
): DeclarationInput {
  return {
    header: letterhead(s),
    request: { number: r.number, openedAt: r.openedAt, serviceName: r.serviceName },
    applicant: { fullName: r.beneficiary.fullName, idType: r.beneficiary.idType, idNumber: r.beneficiary.idNumber },
    declaration: { version: declaration.version, text: declaration.text, publishedAt: declaration.createdAt },
    witness: { fullName: r.declaration?.witness ?? employee },
    printedAt,
    printedBy: employee,
  };
}

/** إيصال استلام طلب (S5): what the applicant takes home after submission. */
export function receiptInput(r: RequestView, s: SettingsView, employee: string, printedAt: string): ReceiptInput {
  return {
    header: letterhead(s),
    request: { number: r.number, serviceName: r.serviceName, submittedAt: r.submittedAt!, expectedAnswerDate: r.expectedAnswerDate! },
    committeePeriodDays: s.committeePeriodDays,
    applicant: { fullName: r.beneficiary.fullName, idNumber: r.beneficiary.idNumber },
    receivedBy: employee,
    printedAt,
  };
}
