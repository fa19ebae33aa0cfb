import type { catalogueOperations } from '@shared/contract/catalogue';
import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import type { HandlersOf } from '../handler-kinds';
import { currentDeclaration, listDocumentTypes, listServiceTypes } from './catalogue-views';

/**
 * A stable, unique code for a new catalogue entry (the Arabic name is what people read). The time
 * alone is not unique: two entries saved within one millisecond would collide on the UNIQUE code.
 */
function newCode(prefix: string, now: Date) {
  return `${prefix}_${now.getTime().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export const catalogueHandlers: HandlersOf<typeof catalogueOperations> = {
  'catalogue.services': async (input, ctx) => listServiceTypes(ctx.db, input.includeInactive),
  'catalogue.documentTypes': async (input, ctx) => listDocumentTypes(ctx.db, input.includeInactive),

  'catalogue.saveService': async (input, ctx) => {
    const before = (await listServiceTypes(ctx.db)).find((s) => s.id === input.serviceTypeId) ?? null;
    if (input.serviceTypeId && !before) throw new AppError('not_found', ar.errors.not_found);
    const known = new Set((await listDocumentTypes(ctx.db)).map((d) => d.id));
    if (input.requiredDocumentTypeIds.some((id) => !known.has(id))) throw new AppError('not_found', ar.errors.not_found);
    let id = input.serviceTypeId;
    if (id) {
      await ctx.db.updateTable('service_types').set({ name: input.name, active: input.active ? 1 : 0 }).where('id', '=', id).execute();
    } else {
      id = (
        await ctx.db
          .insertInto('service_types')
          .values({ code: newCode('service', ctx.now), name: input.name, active: input.active ? 1 : 0 })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    await ctx.db.deleteFrom('service_required_documents').where('service_type_id', '=', id).execute();
    for (const docId of new Set(input.requiredDocumentTypeIds)) {
      await ctx.db.insertInto('service_required_documents').values({ service_type_id: id, document_type_id: docId }).execute();
    }
    const after = (await listServiceTypes(ctx.db)).find((s) => s.id === id)!;
    ctx.audit({ entity: 'service_type', entityId: id, before, after });
    return after;
  },

  'catalogue.saveDocumentType': async (input, ctx) => {
    const before = (await listDocumentTypes(ctx.db)).find((d) => d.id === input.documentTypeId) ?? null;
    if (input.documentTypeId && !before) throw new AppError('not_found', ar.errors.not_found);
    const values = { name: input.name, has_expiry: input.hasExpiry ? 1 : 0, active: input.active ? 1 : 0 };
    const id = input.documentTypeId
      ? (await ctx.db.updateTable('document_types').set(values).where('id', '=', input.documentTypeId).execute(), input.documentTypeId)
      : (await ctx.db.insertInto('document_types').values({ ...values, code: newCode('document', ctx.now) }).returning('id').executeTakeFirstOrThrow()).id;
    const after = (await listDocumentTypes(ctx.db)).find((d) => d.id === id)!;
    ctx.audit({ entity: 'document_type', entityId: id, before, after });
    return after;
  },

  'catalogue.declaration': async (_input, ctx) => {
    const d = await currentDeclaration(ctx.db);
    return { version: d.version, text: d.text, createdAt: d.created_at };
  },

  'catalogue.publishDeclaration': async (input, ctx) => {
    const current = await currentDeclaration(ctx.db);
    if (current.text === input.text) {
      ctx.unchanged();
      return { version: current.version, text: current.text, createdAt: current.created_at };
    }
    const row = await ctx.db
      .insertInto('declaration_versions')
      .values({ version: current.version + 1, text: input.text, created_at: ctx.now.toISOString(), created_by: ctx.user!.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.audit({ entity: 'declaration', entityId: row.id, before: { version: current.version }, after: { version: row.version, text: row.text } });
    return { version: row.version, text: row.text, createdAt: row.created_at };
  },
};
