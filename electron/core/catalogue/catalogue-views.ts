import type { DocumentTypeView, ServiceTypeView } from '@shared/contract';
import type { Db } from '../store/store';

export async function listDocumentTypes(db: Db, includeInactive = true): Promise<DocumentTypeView[]> {
  let q = db.selectFrom('document_types').selectAll().orderBy('id');
  if (!includeInactive) q = q.where('active', '=', 1);
  return (await q.execute()).map((d) => ({ id: d.id, code: d.code, name: d.name, hasExpiry: !!d.has_expiry, active: !!d.active }));
}

export async function listServiceTypes(db: Db, includeInactive = true): Promise<ServiceTypeView[]> {
  let q = db.selectFrom('service_types').selectAll().orderBy('id');
  if (!includeInactive) q = q.where('active', '=', 1);
  const services = await q.execute();
  const links = await db.selectFrom('service_required_documents').selectAll().execute();
  const docs = new Map((await listDocumentTypes(db)).map((d) => [d.id, d]));
  return services.map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    active: !!s.active,
    requiredDocuments: links.filter((l) => l.service_type_id === s.id).map((l) => docs.get(l.document_type_id)!),
  }));
}

/** The declaration text in force: the highest version. */
export async function currentDeclaration(db: Db) {
  return db.selectFrom('declaration_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
}
