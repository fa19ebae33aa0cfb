import { formatHijriNumeric } from '../../../shared/dates/hijri';
import { documentStatus, type DocumentStatus } from '../../../shared/domain/request';
import { ar, fill } from '../../../shared/labels/ar';
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
  status: DocumentStatus;
}

/**
 * The documents checklist of a request as of a day (S2): every document its service requires now,
 * plus any other the request already carries, each provided / missing / expired on `asOf`.
 */
export async function checkDocuments(db: Db, requestId: number, serviceTypeId: number, asOf: string): Promise<CheckedDocument[]> {
  const required = await db
    .selectFrom('service_required_documents as sr')
    .innerJoin('document_types as d', 'd.id', 'sr.document_type_id')
    .select(['d.id', 'd.name', 'd.has_expiry'])
    .where('sr.service_type_id', '=', serviceTypeId)
    .orderBy('d.id')
    .execute();
  const rows = await db
    .selectFrom('request_documents as rd')
    .innerJoin('document_types as d', 'd.id', 'rd.document_type_id')
    .select(['rd.document_type_id', 'rd.provided', 'rd.issue_date', 'rd.expiry_date', 'rd.note', 'd.name', 'd.has_expiry'])
    .where('rd.request_id', '=', requestId)
    .execute();
  const byType = new Map(rows.map((r) => [r.document_type_id, r]));
  const requiredIds = new Set(required.map((r) => r.id));
  const list: CheckedDocument[] = required.map((d) => {
    const r = byType.get(d.id);
    return toChecked(d.id, d.name, !!d.has_expiry, true, r, asOf);
  });
  for (const r of rows) {
    if (!requiredIds.has(r.document_type_id)) list.push(toChecked(r.document_type_id, r.name, !!r.has_expiry, false, r, asOf));
  }
  return list;
}

function toChecked(
  id: number,
  name: string,
  hasExpiry: boolean,
  required: boolean,
  r: { provided: number; issue_date: string | null; expiry_date: string | null; note: string | null } | undefined,
  asOf: string,
): CheckedDocument {
  const provided = !!r?.provided;
  const expiryDate = r?.expiry_date ?? null;
  return {
    documentTypeId: id,
    name,
    required,
    hasExpiry,
    provided,
    issueDate: r?.issue_date ?? null,
    expiryDate,
    note: r?.note ?? null,
    status: documentStatus({ provided, expiryDate }, asOf),
  };
}

/** What stops the documents from being complete, one Arabic line each. */
export function documentBlockers(documents: CheckedDocument[]): string[] {
  return documents
    .filter((d) => d.required && d.status !== 'provided')
    .map((d) =>
      d.status === 'missing'
        ? fill(ar.messages.documentMissing, { name: d.name })
        : documentExpiredMessage(d.name, d.expiryDate ?? ''),
    );
}

/** "المستند «…» منتهي الصلاحية في 1446/09/10 هـ (2025-03-10)": both calendars, as the ID card prints Hijri. */
export function documentExpiredMessage(name: string, expiryDate: string): string {
  return fill(ar.messages.documentExpired, { name, date: expiryDate ? `${formatHijriNumeric(expiryDate)}\u00a0هـ (${expiryDate})` : '' });
}
