import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postgresMigrations } from '../../../electron/core/store/postgres/migrations';
import { sqliteMigrations } from '../../../electron/core/store/sqlite/migrations';
import { beneficiaryInput } from '../../helpers/fixtures';
import { loadCatalogue, requestIn } from '../../helpers/requests';
import { SAMPLE_JPEG, SAMPLE_PNG, samplePdf } from '../../helpers/sample-files';
import { signedInAs } from '../../helpers/sessions';
import { makeTempDir, openTestCore, TEST_STORE } from '../../helpers/test-core';

/**
 * Migration 0010: scans attached before names were cleaned kept names with folders, control
 * characters or another type's extension. The store is written by the desk, its names put back as the
 * old version kept them, and the migration run again: each name is the one a scan now gets, on the
 * request's timeline too. On both stores: PostgreSQL runs the same data step (its 0010).
 */
let dataDir: string;
let requestId: number;
const OLD_NAMES: [given: string, bytes: Buffer | 'pdf', cleaned: string][] = [
  ['../../etc/passwd', 'pdf', 'passwd.pdf'],
  // PostgreSQL's text never holds a NUL: no older version could have kept this name there.
  ...(TEST_STORE === 'sqlite' ? [['a\u0000b.pdf', 'pdf', 'ab.pdf'] as [string, 'pdf', string]] : []),
  ['C:\\Users\\desk\\سجل الأسرة.pdf', 'pdf', 'سجل الأسرة.pdf'],
  ['scan.pdf', SAMPLE_PNG, 'scan.png'],
  ['هوية.jpeg', SAMPLE_JPEG, 'هوية.jpeg'],
];

beforeAll(async () => {
  dataDir = makeTempDir('istiqbal-0010-');
  const core = await openTestCore({ dataDir, now: '2025-03-10T06:00:00Z' });
  const desk = await signedInAs(core, 'receptionist');
  const catalogue = await loadCatalogue(desk);
  const person = await desk.ok('beneficiaries.register', beneficiaryInput(9_010));
  requestId = (await requestIn('incomplete', { desk, committee: desk }, { beneficiaryId: person.id, serviceTypeId: catalogue.services.food_basket!.id })).id;
  const pdf = await samplePdf();
  for (const [index, [given, bytes]] of OLD_NAMES.entries()) {
    const data = bytes === 'pdf' ? Buffer.concat([pdf, Buffer.from(` ${index}`)]) : Buffer.concat([bytes, Buffer.from(` ${index}`)]);
    const view = await desk.ok('requests.attach', { requestId, purpose: 'document', documentTypeId: catalogue.documents.family_register!.id, fileName: `scan-${index}.bin`, dataBase64: data.toString('base64') });
    // As the version before kept it: the name as given, in the row and on the timeline.
    await core.db.updateTable('attachments').set({ file_name: given }).where('id', '=', view.id).execute();
    await core.db.updateTable('request_events').set({ note: given }).where('request_id', '=', requestId).where('action', '=', 'attach').where('note', '=', view.fileName).execute();
  }
  // Run again as it ran then: its own step, not by forgetting it was applied (Kysely refuses to run it
  // again once a later migration is in place).
  await (TEST_STORE === 'sqlite' ? sqliteMigrations : postgresMigrations)['0010-attachment-names']!.up(core.db as never);
  await core.cleanup();
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

it('0010 gives every scan stored under an unclean name the name it would get today, on its timeline too', async () => {
  const core = await openTestCore({ dataDir, now: '2025-03-11T06:00:00Z' });
  try {
    const names = (await core.db.selectFrom('attachments').select('file_name').where('request_id', '=', requestId).orderBy('id').execute()).map((r) => r.file_name);
    expect(names).toEqual(OLD_NAMES.map(([, , cleaned]) => cleaned));
    const notes = (await core.db.selectFrom('request_events').select('note').where('request_id', '=', requestId).where('action', '=', 'attach').orderBy('id').execute()).map((r) => r.note);
    expect(notes).toEqual(OLD_NAMES.map(([, , cleaned]) => cleaned));
    const desk = await signedInAs(core, 'receptionist');
    const view = await desk.ok('requests.get', { requestId });
    expect(view.documents.flatMap((d) => d.attachments).map((a) => a.fileName).sort()).toEqual(OLD_NAMES.map(([, , c]) => c).sort());
  } finally {
    await core.cleanup();
  }
});
