import { ar, fill } from '../labels/ar';

const u = ar.ui;
const p = ar.profile;
const r = ar.requests;
const c = ar.committee;
const f = ar.fieldNames;
const pr = ar.printing;

/**
 * The Arabic name of each input field of the contract, by its key, so that a summary of a refused
 * input says which field ("الاسم الأول: هذا الجزء من الاسم مطلوب.") where no form puts the message
 * beside it (an alert, a toast, the HTTP API). A key missing here is summarised without its name.
 */
const NAMES: Record<string, string> = {
  firstName: u.firstName,
  fatherName: u.fatherName,
  grandfatherName: u.grandfatherName,
  familyName: u.familyName,
  latinName: p.latinName,
  identity: f.identity,
  idType: u.idType,
  idNumber: u.idNumber,
  idExpiry: p.idExpiry,
  nationality: p.nationality,
  gender: p.gender,
  birthDate: p.birthDate,
  maritalStatus: p.maritalStatus,
  mobile: u.mobile,
  mobile2: p.mobile2,
  city: p.city,
  district: p.district,
  address: p.address,
  monthlyIncome: p.monthlyIncome,
  incomeSources: p.incomeSources,
  housingType: p.housingType,
  rentAmount: p.rentAmount,
  notes: p.notes,
  family: p.familySection,
  relation: p.relation,
  name: f.name,
  text: f.text,
  limit: f.limit,
  version: f.version,
  beneficiaryId: f.beneficiary,
  visitId: f.visit,
  requestId: f.request,
  userId: f.user,
  researcherId: u.researcher,
  deskId: u.desk,
  username: u.username,
  fullName: u.fullName,
  password: u.password,
  role: u.role,
  active: u.active,
  associationName: u.associationName,
  lockAfterMinutes: u.lockAfterMinutes,
  sessionExpiryHours: u.sessionExpiryHours,
  committeePeriodDays: ar.catalogue.committeePeriod,
  waitTargets: u.waitTargetsTitle,
  startWithSystem: ar.computer.startWithSystem,
  warningMinutes: u.warningMinutes,
  targetMinutes: u.targetMinutes,
  criticalMinutes: u.criticalMinutes,
  associationBranch: pr.branch,
  associationLicence: pr.licence,
  associationAddress: pr.address,
  associationPhone: pr.phone,
  associationWebsite: pr.website,
  associationLogoBase64: pr.logo,
  displayMessage: ar.display.message,
  ticketPrefix: u.ticketPrefix,
  visitorName: u.visitorName,
  visitorMobile: u.mobile,
  reason: f.decisionReason,
  channel: u.channel,
  outcome: u.outcome,
  outcomeNote: f.outcomeNote,
  inquiry: u.inquiryAsked,
  answer: u.inquiryAnswer,
  note: f.note,
  confirmDuplicates: f.confirmation,
  serviceTypeId: r.serviceType,
  documentTypeId: f.documentType,
  requiredDocumentTypeIds: f.requiredDocuments,
  hasExpiry: ar.catalogue.hasExpiry,
  description: f.description,
  requestedAmount: r.requestedAmount,
  provided: r.provided,
  issueDate: r.issueDate,
  expiryDate: r.expiryDate,
  purpose: f.purpose,
  fileName: f.fileName,
  dataBase64: f.file,
  pdfBase64: f.file,
  question: r.question,
  approvedAmount: c.approvedAmount,
  aidDescription: c.aidDescription,
  correctionReason: c.correctionReason,
  amount: f.amount,
  deliveredOn: r.deliveredOn,
  states: f.states,
  number: r.number,
  day: pr.registerDay,
  showFullIds: pr.showFullIds,
  shelf: f.shelf,
  backupFolder: ar.backups.folder,
  backupFile: ar.backups.filePath,
  confirmed: f.confirmation,
  printed: f.printed,
  failure: f.failure,
  from: f.auditFrom,
  to: f.auditTo,
  operation: f.operation,
  kind: f.auditKind,
  olderThan: f.olderThan,
  format: ar.audit.fields.format!,
  employeeId: ar.registers.employee,
  reasons: ar.registers.reasons,
  channels: ar.registers.channels,
  outcomes: ar.registers.outcomes,
  sort: ar.registers.sort,
  offset: f.olderThan,
  host: f.host,
  port: f.port,
  database: f.database,
  tls: f.tls,
  subject: ar.contacts.subject,
  followUpDue: ar.contacts.followUpDue,
  followUpOwnerId: ar.contacts.followUpOwner,
  followUp: ar.contacts.followUpFilter,
  contactId: f.contact,
};

/** The name of the field a path ends in (the last named step: ['family', 2, 'name'] → «الاسم»). */
export function fieldName(path: readonly PropertyKey[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i];
    if (typeof step !== 'string') continue;
    const name = Object.prototype.hasOwnProperty.call(NAMES, step) ? NAMES[step] : undefined;
    // A table by visit reason (the wait targets) says whose field it is: «استفسار — الهدف (دقائق)».
    const owner = path[i - 1];
    if (name && typeof owner === 'string' && Object.prototype.hasOwnProperty.call(ar.reasons, owner)) return `${ar.reasons[owner as keyof typeof ar.reasons]} — ${name}`;
    return name;
  }
  return undefined;
}

/** One problem as a summary lists it: with its field's name where the field has one. */
export function describeIssue(issue: { path: readonly PropertyKey[]; message: string }): string {
  const field = fieldName(issue.path);
  // «رقم الجوال غير صحيح…» names its field already.
  if (!field || issue.message.startsWith(field)) return issue.message;
  return fill(ar.validation.withField, { field, message: issue.message });
}
