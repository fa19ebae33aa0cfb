import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '@shared/labels/ar';
import { LOOPBACK_HOST, SESSION_HEADER, startLoopback, type LoopbackServer } from '../../electron/loopback/server';
import { beneficiaryInput, isArabicText } from '../helpers/fixtures';
import { loadCatalogue } from '../helpers/requests';
import { SAMPLE_JPEG, samplePdf } from '../helpers/sample-files';
import { STAFF_PASSWORD, signedInAs } from '../helpers/sessions';
import { auditCount, openTestCore, type TestCore } from '../helpers/test-core';

/**
 * Attachments checked by content (docs/architecture.md#security) over real HTTP on the loopback shell, as a script or an
 * integrator sends them: what only claims to be a PDF and lenient base64 are refused in Arabic with
 * nothing written; a real scan with a hostile name is kept under a clean one, byte for byte.
 */
let t: TestCore;
let server: LoopbackServer;
let session: string;
let requestId: number;

interface Answer {
  status: number;
  body: { ok: boolean; value?: any; error?: { code: string; message: string } };
}

async function call(operation: string, input: unknown): Promise<Answer> {
  const res = await fetch(`http://${LOOPBACK_HOST}:${server.port}/api/call`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', [SESSION_HEADER]: session },
    body: JSON.stringify({ operation, input }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

beforeAll(async () => {
  t = await openTestCore({ now: '2024-02-14T07:00:00Z' });
  server = await startLoopback({ core: t, port: 0 });
  const receptionist = await signedInAs(t, 'receptionist', { username: 'desk.uploads' });
  const person = await receptionist.ok('beneficiaries.register', beneficiaryInput(4_800_001));
  const { services } = await loadCatalogue(receptionist);
  requestId = (await receptionist.ok('requests.open', { beneficiaryId: person.id, serviceTypeId: Object.values(services)[0]!.id, channel: 'interview' })).id;
  const res = await fetch(`http://${LOOPBACK_HOST}:${server.port}/api/session`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` } });
  session = ((await res.json()) as { sessionId: string }).sessionId;
  expect((await call('auth.signIn', { username: 'desk.uploads', password: STAFF_PASSWORD, deskId: 1 })).body.ok).toBe(true);
}, 60_000);

afterAll(async () => {
  await server.close();
  await t.cleanup();
});

const attach = (fileName: string, dataBase64: string) => call('requests.attach', { requestId, purpose: 'declaration', fileName, dataBase64 });

describe('HTTP API: refused by content', () => {
  it.each([
    ['%PDF-<html>…', Buffer.from('%PDF-<html><script>fetch("/api")</script></html>').toString('base64'), ar.messages.pdfDamaged],
    ['six bytes «%PDF-1»', 'JVBERi0x', ar.messages.pdfDamaged],
    ['lenient base64 «JVBERi0»', 'JVBERi0', ar.messages.fileEncoding],
  ])('HTTP API: %s is answered with an Arabic refusal and nothing is written', async (_label, data, message) => {
    const before = await auditCount(t);
    const res = await attach('الإقرار.pdf', data);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(res.body.error!.message).toContain(message);
    expect(isArabicText(res.body.error!.message)).toBe(true);
    expect(await auditCount(t)).toBe(before);
  });
});

describe('HTTP API: real scans with hostile names', () => {
  it.each([
    ['../../etc/passwd', 'pdf', 'passwd.pdf', 'application/pdf'],
    ['\u202Efdp.exe', 'jpeg', 'fdp.jpg', 'image/jpeg'],
    ['a\u0000b.pdf', 'pdf', 'ab.pdf', 'application/pdf'],
  ] as const)('HTTP API: %j is kept as %s, the bytes whole', async (given, kind, kept, mimeType) => {
    const bytes = kind === 'pdf' ? await samplePdf(2) : SAMPLE_JPEG;
    const res = await attach(given, bytes.toString('base64'));
    expect(res.body, JSON.stringify(res.body.error)).toMatchObject({ ok: true, value: { fileName: kept, mimeType, size: bytes.length } });
    const back = await call('requests.attachment', { attachmentId: res.body.value.id });
    expect(back.body.value.fileName).toBe(kept);
    expect(Buffer.from(back.body.value.dataBase64, 'base64').equals(bytes)).toBe(true);
    expect((readdirSync(t.dataDir, { recursive: true }) as string[]).filter((p) => /passwd|fdp|exe/.test(p))).toEqual([]);
  });
});
