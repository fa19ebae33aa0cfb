import { formatHijriNumeric } from '@shared/dates/hijri';
import { OPEN_REQUEST_STATES, documentStatus, type DocumentStatus } from '@shared/domain/request';
import { ar, fill } from '@shared/labels/ar';
import { compiledOnce } from '../store/compiled-once';
import type { Db } from '../store/store';

export interface CheckedDocument {
  documentTypeId: number;
  name: string;
  required: boolean;
  hasExpiry: boolean;
  provided: boolean;
  issueDate: string | null;
  expiryDate: string | null;
  note: string | null;
  fromFile: boolean;
  status: DocumentStatus;
  /** The line's version as saved (0: never set), sent back with the next requests.setDocument. */
  version: number;
}

/** The catalogue's identity document (the seeded «صورة الهوية الوطنية / الإقامة»), linked to the file's identity. */
export const IDENTITY_DOCUMENT_CODE = 'national_id';
/** Identity types that document is a copy of; a passport or border number is checked on its own line. */
const LINKED_ID_TYPES: readonly string[] = ['national_id', 'iqama'];

/** The request as far as its checklist needs it. */
export interface ChecklistRequest {
  id: number;
  service_type_id: number;
  beneficiary_id: number;
  state: string;
}

// Every request page and every change to a request reads these: built and compiled once.
const identityOf = compiledOnce((db: Db, beneficiaryId: number) =>
  db
    .selectFrom('beneficiaries as b')
    .innerJoin('document_types as d', (j) => j.on('d.code', '=', IDENTITY_DOCUMENT_CODE))
    .select(['b.id_type', 'b.id_expiry', 'd.id as documentTypeId'])
    .where('b.id', '=', beneficiaryId),
);
const requiredFor = compiledOnce((db: Db, serviceTypeId: number) =>
  db
    .selectFrom('service_required_documents as sr')
    .innerJoin('document_types as d', 'd.id', 'sr.document_type_id')
    .select(['d.id', 'd.name', 'd.has_expiry'])
    .where('sr.service_type_id', '=', serviceTypeId)
    .orderBy('d.id'),
);
const linesOf = compiledOnce((db: Db, requestId: number) =>
  db
    .selectFrom('request_documents as rd')
    .innerJoin('document_types as d', 'd.id', 'rd.document_type_id')
    .select(['rd.document_type_id', 'rd.provided', 'rd.issue_date', 'rd.expiry_date', 'rd.note', 'rd.version', 'd.name', 'd.has_expiry'])
    .where('rd.request_id', '=', requestId),
);

/**
 * The file's identity the identity line follows while the request is at the desk (S2): its expiry is
 * the one the file holds, so the checklist, the file and the printed form never disagree. Null when
 * the file's identity is not a national ID or iqama.
 */
export async function linkedIdentity(db: Db, beneficiaryId: number): Promise<{ documentTypeId: number; expiry: string | null } | null> {
  const [row] = await identityOf(db, beneficiaryId);
  if (!row || !LINKED_ID_TYPES.includes(row.id_type)) return null;
  return { documentTypeId: row.documentTypeId, expiry: row.id_expiry };
}

/**
 * The documents checklist of a request as of a day (S2): every document its service requires now,
 * plus any other the request already carries, each provided / missing / expired on `asOf`. While the
 * request is at the desk the identity line is pre-filled from the file; once submitted, every line is
 * what was recorded with it.
 */
export async function checkDocuments(db: Db, request: ChecklistRequest, asOf: string): Promise<CheckedDocument[]> {
  const required = await requiredFor(db, request.service_type_id);
  const rows = await linesOf(db, request.id);
  const atDesk = (OPEN_REQUEST_STATES as readonly string[]).includes(request.state);
  const identity = atDesk ? await linkedIdentity(db, request.beneficiary_id) : null;
  const linkFor = (typeId: number) => (identity && identity.documentTypeId === typeId ? identity : null);
  const byType = new Map(rows.map((r) => [r.document_type_id, r]));
  const requiredIds = new Set(required.map((r) => r.id));
  const list: CheckedDocument[] = required.map((d) => toChecked(d.id, d.name, !!d.has_expiry, true, byType.get(d.id), asOf, linkFor(d.id)));
  for (const r of rows) {
    if (!requiredIds.has(r.document_type_id)) {
      list.push(toChecked(r.document_type_id, r.name, !!r.has_expiry, false, r, asOf, linkFor(r.document_type_id)));
    }
  }
  return list;
}

function toChecked(
  id: number,
  name: string,
  hasExpiry: boolean,
  required: boolean,
  r: { provided: number; issue_date: string | null; expiry_date: string | null; note: string | null; version: number } | undefined,
  asOf: string,
  fromFile: { expiry: string | null } | null,
): CheckedDocument {
  // Untouched at the desk, the identity line is provided when the file holds the identity's expiry;
  // ticked or unticked here, the desk's choice stands, with the file's expiry.
  const provided = r ? !!r.provided : !!fromFile?.expiry;
  const expiryDate = !provided || !hasExpiry ? (r?.expiry_date ?? null) : (fromFile?.expiry ?? r?.expiry_date ?? null);
  return {
    documentTypeId: id,
    name,
    required,
    hasExpiry,
    provided,
    issueDate: r?.issue_date ?? null,
    expiryDate,
    note: r?.note ?? null,
    fromFile: !!fromFile,
    status: documentStatus({ provided, expiryDate, hasExpiry }, asOf),
    version: r?.version ?? 0,
  };
}

/** What stops the documents from being complete, one Arabic line each. */
export function documentBlockers(documents: CheckedDocument[]): string[] {
  return documents
    .filter((d) => d.required && d.status !== 'provided')
    .map((d) =>
      d.status === 'expired'
        ? documentExpiredMessage(d.name, d.expiryDate ?? '')
        : d.provided
          ? fill(ar.messages.documentUndated, { name: d.name })
          : fill(ar.messages.documentMissing, { name: d.name }),
    );
}

/** "المستند «…» منتهي الصلاحية في 1446/09/10 هـ (2025-03-10)": both calendars, as the ID card prints Hijri. */
export function documentExpiredMessage(name: string, expiryDate: string): string {
  return fill(ar.messages.documentExpired, { name, date: expiryDate ? `${formatHijriNumeric(expiryDate)}\u00a0هـ (${expiryDate})` : '' });
}
