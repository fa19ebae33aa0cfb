import { afterEach, describe, expect, it } from 'vitest';
import { LOOPBACK_HOST, startLoopback, type LoopbackServer } from '../../electron/loopback/server';
import { openChangeStream, type EventStream } from '../helpers/event-stream';
import { openTestCore, TEST_STORE, type TestCore } from '../helpers/test-core';

/**
 * The loopback shell tells its page of the store's changes as server-sent events on
 * `GET /api/changes`, behind the launch token like the rest of its API. (A change delivered this
 * way: tests/core/store/postgres/live-changes.test.ts.)
 */
let t: TestCore;
let server: LoopbackServer;
let base: string;
const streams: EventStream[] = [];

async function start() {
  t = await openTestCore();
  server = await startLoopback({ core: t, port: 0, log: () => {} });
  base = `http://${LOOPBACK_HOST}:${server.port}`;
}

afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  await server?.close();
  await t?.cleanup();
});

describe("the loopback shell's change stream", () => {
  it('is refused without the launch token or with a wrong one, and to any method but GET', async () => {
    await start();
    for (const headers of [{}, { authorization: 'Bearer not-the-token' }, { authorization: server.token }] as Record<string, string>[]) {
      const res = await fetch(`${base}/api/changes`, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    const posted = await fetch(`${base}/api/changes`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` } });
    expect(posted.status).toBe(405);
  });

  it(`opens with the store's state: pushed on PostgreSQL, polled by the page on SQLite (here: ${TEST_STORE})`, async () => {
    await start();
    const stream = await openChangeStream(base, { authorization: `Bearer ${server.token}` });
    streams.push(stream);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    expect(await stream.next()).toEqual({ type: 'state', push: TEST_STORE === 'postgres', connected: true });
  });
});
