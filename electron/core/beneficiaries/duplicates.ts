import type { DuplicateHint } from '@shared/errors';
import { AppError } from '@shared/errors';
import { ar, fill } from '@shared/labels/ar';
import type { Db } from '../store/store';

/**
 * Files that look like the person being saved: the same ID number (never allowed), the same
 * mobile, or the same normalised name and birth date (the receptionist decides).
 */
export async function findDuplicates(
  db: Db,
  person: { idNumber: string; mobiles: (string | null)[]; nameNorm: string; birthDate: string | null },
  excludeId: number | null,
): Promise<DuplicateHint[]> {
  const hits: DuplicateHint[] = [];
  const add = (rows: { id: number; full_name: string; file_number: string | null }[], reason: DuplicateHint['reason']) => {
    for (const r of rows) {
      if (r.id === excludeId || hits.some((h) => h.beneficiaryId === r.id)) continue;
      hits.push({ beneficiaryId: r.id, fullName: r.full_name, fileNumber: r.file_number, reason });
    }
  };
  const cols = ['id', 'full_name', 'file_number'] as const;
  add(await db.selectFrom('beneficiaries').select(cols).where('id_number', '=', person.idNumber).execute(), 'id');
  const mobiles = person.mobiles.filter((m): m is string => !!m);
  if (mobiles.length > 0) {
    add(
      await db
        .selectFrom('beneficiaries')
        .select(cols)
        .where((eb) => eb.or([eb('mobile', 'in', mobiles), eb('mobile2', 'in', mobiles)]))
        .limit(5)
        .execute(),
      'mobile',
    );
  }
  if (person.birthDate) {
    add(
      await db.selectFrom('beneficiaries').select(cols).where('name_norm', '=', person.nameNorm).where('birth_date', '=', person.birthDate).limit(5).execute(),
      'name_birth',
    );
  }
  return hits;
}

/** An ID number on another file stops the save; a mobile or name + birth date match stops it unless confirmed. */
export function refuseDuplicates(hits: DuplicateHint[], confirmed: boolean): void {
  const sameId = hits.find((h) => h.reason === 'id');
  if (sameId) {
    const message = fill(ar.messages.idNumberTaken, { name: sameId.fullName });
    throw new AppError('conflict', message, [{ path: ['identity', 'idNumber'], message }], [sameId]);
  }
  if (hits.length === 0 || confirmed) return;
  const lines = hits.map((h) => fill(h.reason === 'mobile' ? ar.messages.duplicateMobile : ar.messages.duplicateNameBirth, { name: h.fullName }));
  throw new AppError('duplicate', `${ar.errors.duplicate} ${lines.join(' ')}`, undefined, hits);
}
