import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import PDFDocument from 'pdfkit';
import { STORE_FILE_NAME } from '../../electron/core/store/store-file';
import { DATA_FOLDERS } from '../../electron/core/backup/data-folder';
import type { Core } from '../../electron/core/core';
import { beneficiaryInput } from './fixtures';
import { loadCatalogue, requestIn } from './requests';
import { signedInAs } from './sessions';

/** A real PDF (pdfkit), of about `pages` pages: what a scanner or the association's own documents are. */
export function realPdf(text: string, pages = 1): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (let i = 0; i < pages; i++) {
      if (i > 0) doc.addPage();
      doc.text(`${text} — page ${i + 1}`);
    }
    doc.end();
  });
}

/** A real 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/**
 * A store filled the way the desk fills it, through the core: staff, beneficiaries, visits, support
 * requests in several states with scanned documents (PDF and PNG), a replaced reference PDF (T1) and
 * the letterhead with its logo.
 */
export async function fillStore(core: Core): Promise<{ attachmentIds: number[]; requestIds: number[] }> {
  const admin = await signedInAs(core, 'admin');
  const desk = await signedInAs(core, 'receptionist');
  const cat = await loadCatalogue(admin);
  await admin.ok('settings.update', {
    associationName: 'جمعية البر الخيرية بالرياض',
    associationBranch: 'فرع الملز',
    associationPhone: '0114000000',
    associationLogoBase64: PNG.toString('base64'),
  });
  await admin.ok('documents.replaceReference', { shelf: 'T1', pdfBase64: (await realPdf('Bylaws of the association', 3)).toString('base64') });
  const attachmentIds: number[] = [];
  const requestIds: number[] = [];
  for (let i = 0; i < 4; i++) {
    const b = await desk.ok('beneficiaries.register', beneficiaryInput(300 + i));
    await desk.ok('visits.checkIn', { beneficiaryId: b.id, reason: 'new_request' });
    const r = await requestIn(i % 2 === 0 ? 'submitted' : 'incomplete', { desk, committee: admin }, { beneficiaryId: b.id, serviceTypeId: cat.services.food_basket!.id });
    requestIds.push(r.id);
    for (const [fileName, bytes] of [
      [`هوية-${i}.pdf`, await realPdf(`national id scan ${i}`)],
      [`سجل-الأسرة-${i}.png`, PNG],
    ] as const) {
      const a = await desk.ok('requests.attach', { requestId: r.id, purpose: 'document', documentTypeId: cat.documents.national_id!.id, fileName, dataBase64: bytes.toString('base64') });
      attachmentIds.push(a.id);
    }
  }
  await desk.ok('visits.checkIn', { visitorName: 'سالم علي الحربي', visitorMobile: '0551234567', reason: 'inquiry' });
  return { attachmentIds, requestIds };
}

/**
 * Every row of every table of a store file (FTS shadow tables included: the name index too), sorted
 * by content: VACUUM may renumber the hidden rowids of tables without an INTEGER PRIMARY KEY.
 */
export function dumpTables(storeFile: string): Record<string, string[]> {
  const db = new BetterSqlite3(storeFile, { readonly: true, fileMustExist: true });
  try {
    const names = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'shadow') AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const rows = (n: string) =>
      (db.prepare(`SELECT * FROM "${n}"`).raw(true).all() as unknown[][])
        .map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))
        .sort();
    return Object.fromEntries(names.map((n) => [n, rows(n)]));
  } finally {
    db.close();
  }
}

/** SHA-256 of every file under the data folders (attachments/, reference/, printed/), by relative path. */
export function dataFileHashes(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const folder of DATA_FOLDERS) {
    const root = join(dataDir, folder);
    if (!existsSync(root)) continue;
    for (const f of readdirSync(root, { recursive: true }) as string[]) {
      const full = join(root, f);
      if (statSync(full).isFile()) out[`${folder}/${f.split('\\').join('/')}`] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  }
  return out;
}

export const storeFileOf = (dataDir: string) => join(dataDir, STORE_FILE_NAME);
