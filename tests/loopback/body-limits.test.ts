import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, base64Length, MAX_CALL_BODY_BYTES, REFERENCE_PDF_MAX_BYTES } from '@shared/contract/uploads';
import { ar, fill } from '@shared/labels/ar';
import { LOOPBACK_HOST, SESSION_HEADER, startLoopback, type LoopbackServer } from '../../electron/loopback/server';
import { beneficiaryInput, isArabicText } from '../helpers/fixtures';
import { loadCatalogue } from '../helpers/requests';
import { paddedTo, SAMPLE_PNG, samplePdf } from '../helpers/sample-files';
import { signedInAs, STAFF_PASSWORD, ADMIN } from '../helpers/sessions';
import { auditCount, openTestCore, type TestCore } from '../helpers/test-core';

/**
 * The HTTP API takes what the contract takes (README "HTTP API"): a 10 MB scan and a 20 MB
 * reference PDF travel as base64 in one JSON body; a larger body is answered 413 with an Arabic
 * envelope, never a dropped connection; a malformed call or address is the caller's mistake (400,
 * in Arabic), never an internal error with a stack trace in the log.
 */
const MB = 1024 * 1024;
let t: TestCore;
let server: LoopbackServer;
let logged: unknown[];
let requestId: number;
let desk: string;
let admin: string;

interface Answer {
  status: number;
  body: { ok: boolean; value?: any; error?: { code: string; message: string } };
}

/** A real HTTP client (fetch: a Content-Length body) on the shell, with a window session. */
async function call(session: string, operation: unknown, input: unknown, rawBody?: string): Promise<Answer> {
  const res = await fetch(`http://${LOOPBACK_HOST}:${server.port}/api/call`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', [SESSION_HEADER]: session },
    body: rawBody ?? JSON.stringify({ operation, input }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

async function httpSession(username: string, password: string): Promise<string> {
  const res = await fetch(`http://${LOOPBACK_HOST}:${server.port}/api/session`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` } });
  const { sessionId } = (await res.json()) as { sessionId: string };
  const signIn = await call(sessionId, 'auth.signIn', { username, password, deskId: 1 });
  expect(signIn.body.ok, JSON.stringify(signIn.body)).toBe(true);
  return sessionId;
}

/** A real file of its kind (the core opens what the bytes claim), padded to `size` bytes. */
const PDF = await samplePdf();
function fileOf(kind: 'pdf' | 'png', size: number): Buffer {
  return paddedTo(kind === 'pdf' ? PDF : SAMPLE_PNG, size);
}

const attachInput = (data: Buffer) => ({ requestId, purpose: 'declaration', fileName: 'مسح الإقرار.pdf', dataBase64: data.toString('base64') });

beforeAll(async () => {
  t = await openTestCore({ now: '2024-02-14T07:00:00Z' });
  logged = [];
  server = await startLoopback({ core: t, port: 0, log: (_message, error) => logged.push(error) });
  const receptionist = await signedInAs(t, 'receptionist', { username: 'desk.http' });
  const person = await receptionist.ok('beneficiaries.register', beneficiaryInput(4_700_001));
  const { services } = await loadCatalogue(receptionist);
  requestId = (await receptionist.ok('requests.open', { beneficiaryId: person.id, serviceTypeId: Object.values(services)[0]!.id, channel: 'interview' })).id;
  desk = await httpSession('desk.http', STAFF_PASSWORD);
  admin = await httpSession(ADMIN.username, ADMIN.password);
}, 60_000);

afterAll(async () => {
  await server.close();
  await t.cleanup();
});

describe('the shell accepts what the contract accepts', () => {
  it('derives its body limit from the contract: the largest scan and reference PDF in base64 fit, with room for the envelope', () => {
    expect(MAX_CALL_BODY_BYTES).toBeGreaterThan(base64Length(ATTACHMENT_MAX_BYTES));
    expect(MAX_CALL_BODY_BYTES).toBeGreaterThan(base64Length(REFERENCE_PDF_MAX_BYTES));
    expect(MAX_CALL_BODY_BYTES).toBeLessThan(base64Length(REFERENCE_PDF_MAX_BYTES) + MB);
  });

  it('HTTP API: a scan of the full 10 MB (a body of about 14 MB) is attached and stored whole', async () => {
    const scan = fileOf('pdf', ATTACHMENT_MAX_BYTES);
    const res = await call(desk, 'requests.attach', attachInput(scan));
    expect(res.status).toBe(200);
    expect(res.body, JSON.stringify(res.body.error)).toMatchObject({ ok: true, value: { size: ATTACHMENT_MAX_BYTES, mimeType: 'application/pdf' } });
    const back = await call(desk, 'requests.attachment', { attachmentId: res.body.value.id });
    expect(Buffer.from(back.body.value.dataBase64, 'base64').equals(scan)).toBe(true);
  });

  it('HTTP API: a 15 MB body reaches the core, which refuses the 11 MB scan in its own Arabic words and writes nothing', async () => {
    const before = await auditCount(t);
    const input = attachInput(fileOf('pdf', 11 * MB));
    expect(JSON.stringify({ operation: 'requests.attach', input }).length).toBeGreaterThan(15_000_000);
    const res = await call(desk, 'requests.attach', input);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(res.body.error!.message).toContain(ar.messages.attachmentTooLarge);
    expect(await auditCount(t)).toBe(before);
  });

  it('HTTP API: the administrator replaces a reference PDF of the full 20 MB (a body of about 28 MB)', async () => {
    const res = await call(admin, 'documents.replaceReference', { shelf: 'T3', pdfBase64: fileOf('pdf', REFERENCE_PDF_MAX_BYTES).toString('base64') });
    expect(res.body, JSON.stringify(res.body.error)).toMatchObject({ ok: true, value: { shelf: 'T3', isPlaceholder: false } });
  }, 30_000);
});

describe('a body larger than anything the contract takes', () => {
  // The limits a person can act on, in whole megabytes.
  const tooLarge = fill(ar.http.bodyTooLarge, { attachment: 10, reference: 20 });

  it('HTTP API: 40 MB sent with its length is answered 413 with an Arabic envelope, not a reset, and nothing is written', async () => {
    const before = await auditCount(t);
    const res = await call(desk, 'requests.attach', null, JSON.stringify({ operation: 'requests.attach', input: attachInput(fileOf('pdf', 30 * MB)) }));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ ok: false, error: { code: 'validation', message: tooLarge } });
    expect(isArabicText(res.body.error!.message)).toBe(true);
    expect(await auditCount(t)).toBe(before);
    // The shell is still there for the next call.
    expect((await call(desk, 'visits.queue', {})).body.ok).toBe(true);
  });

  it('HTTP API: 40 MB streamed without a length (chunked) is answered 413 the same way, the upload finishing cleanly', async () => {
    const res = await streamed(40 * MB);
    expect(res.clientError).toBeNull();
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toEqual({ ok: false, error: { code: 'validation', message: tooLarge } });
    expect(res.sentAll).toBe(true);
  });
});

describe('malformed calls are the caller\'s mistake (400, Arabic), never an internal error', () => {
  it.each([
    ['an object', { name: 'visits.queue' }],
    ['an object with its own toString', { toString: 'visits.queue' }],
    ['an array', ['visits.queue']],
    ['a number', 7],
    ['null', null],
  ])('HTTP API: an operation sent as %s answers 400 with an Arabic message, nothing logged', async (_name, operation) => {
    const res = await call(desk, operation, {});
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ ok: false, error: { code: 'validation', message: ar.http.operationNotText } });
    expect(logged).toEqual([]);
  });

  it.each([
    ['not JSON', '{"operation": "visits.queue",'],
    ['a JSON array', '["visits.queue", {}]'],
    ['a JSON string', '"visits.queue"'],
  ])('HTTP API: a body that is %s answers 400 with an Arabic message', async (_name, body) => {
    const res = await call(desk, null, null, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ ok: false, error: { code: 'validation', message: ar.http.badBody } });
    expect(logged).toEqual([]);
  });

  it.each(['/%E0%A4%A', '/assets/%E0%A4%A.js', '/%C0%AF', '/%'])('HTTP API: the malformed address %s answers 400 in Arabic with nothing logged', async (path) => {
    const res = await raw(path);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'validation', message: ar.http.badPath } });
    expect(logged).toEqual([]);
  });
});

/** GET with the path exactly as written (fetch would re-encode it). */
function raw(path: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: LOOPBACK_HOST, port: server.port, path }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * A chunked upload of `size` bytes of a JSON body with http.request, writing on even after the answer
 * has come (as a client that does not watch for an early answer does), until the last byte.
 */
function streamed(size: number) {
  return new Promise<{ status: number; text: string; sentAll: boolean; clientError: Error | null }>((resolve) => {
    let status = 0;
    let text = '';
    let sentAll = false;
    let clientError: Error | null = null;
    let answered = false;
    let finished = false;
    const done = () => answered && finished && resolve({ status, text, sentAll, clientError });
    const req = request(
      {
        host: LOOPBACK_HOST,
        port: server.port,
        path: '/api/call',
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', [SESSION_HEADER]: desk },
      },
      (res) => {
        status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => ((answered = true), done()));
      },
    );
    req.on('error', (error) => ((clientError = error), (answered = finished = true), done()));
    const chunk = Buffer.alloc(MB, 0x41);
    let written = 0;
    const pump = () => {
      if (written === 0) {
        req.write('{"operation":"requests.attach","input":{"dataBase64":"');
      }
      while (written < size) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end('"}}', () => ((sentAll = true), (finished = true), done()));
    };
    pump();
  });
}
