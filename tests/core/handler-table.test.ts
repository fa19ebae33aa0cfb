import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

/**
 * The table of every handler is whole whichever module the process loads first: a domain's handlers
 * must not import the table (handlers.ts) they are part of, or the table finds that domain's map still
 * undefined when something loads the domain first (a worker, a tool, a test of that domain alone).
 */
const CORE = join(dirname(fileURLToPath(import.meta.url)), '../../electron/core');
const domains = readdirSync(CORE, { recursive: true })
  .map(String)
  .filter((f) => /(^|[/\\])[a-z-]*handlers\.ts$/.test(f) && f !== 'handlers.ts')
  .map((f) => relative(CORE, join(CORE, f)).split('\\').join('/'));

describe('the table of handlers', () => {
  it('finds every domain\'s handlers', () => {
    expect(domains.length).toBeGreaterThan(15);
  });

  it.each(domains)('is whole when %s is loaded first', async (domain) => {
    vi.resetModules();
    await import(join(CORE, domain));
    const { buildHandlers } = await import(join(CORE, 'handlers.ts'));
    const handlers = buildHandlers();
    expect(typeof handlers['visits.queue']).toBe('function');
    expect(typeof handlers['requests.committee']).toBe('function');
  });
});
