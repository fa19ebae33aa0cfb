/**
 * The renderer in Chromium through the loopback shell, on the bench store: the real UI, the real
 * core, over HTTP on 127.0.0.1. Every figure is measured inside the page with performance.now(),
 * from the user's input event to the moment the answer is in the DOM and a frame has been painted.
 */
import { asSqliteStore } from '../electron/core/store/sqlite/open-sqlite-store';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { InlineConfig } from 'vite';
import { createCore, type Core } from '../electron/core/core';
import { seededRandom } from '../electron/core/demo/arabic-names';
import { startLoopback } from '../electron/loopback/server';
import { ar } from '@shared/labels/ar';
import { TARGETS } from './core-bench';
import { BENCH_PASSWORD, BENCH_USER, DATA_ROOT, noonOf, type StoreMeta } from './data';
import { twoFragments } from './names';
import { summarize, timeSteps, type Row, type Sample } from './stats';

export interface RendererBenchOptions {
  dataDir: string;
  meta: StoreMeta;
  quick: boolean;
  /** A renderer build to use as it is (e.g. out/renderer); otherwise the bench builds its own. */
  rendererDir?: string;
  log: (line: string) => void;
}

/** The same flags the e2e run uses with this Chromium (playwright.config.ts); see bench/README.md. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function benchRenderer(opts: RendererBenchOptions): Promise<Row[]> {
  const { log } = opts;
  const rendererDir = opts.rendererDir ? resolve(opts.rendererDir) : await buildRenderer(log);
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`no renderer build in ${rendererDir}`);

  const t0 = Date.now();
  const base = noonOf(opts.meta.today).getTime();
  const core = await createCore({ dataDir: opts.dataDir, now: () => new Date(base + (Date.now() - t0)) });
  const server = await startLoopback({ core, port: 0, rendererDir });
  let browser: Browser | null = null;
  try {
    const sparticuz = (await import('@sparticuz/chromium')).default;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: await sparticuz.executablePath(), args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ locale: 'ar-SA', timezoneId: 'Asia/Riyadh', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`  page error: ${e.message}`));
    await page.goto(server.url);
    await signIn(page);
    await page.evaluate(PAGE_HELPERS); // through the DevTools protocol: the page's CSP (no inline script) stays as it is

    const reps = opts.quick ? { warmup: 2, reps: 10 } : { warmup: 5, reps: 30 };
    const rows: Row[] = [];
    log('  keystroke in the search box → results on screen …');
    rows.push(await searchCase(page, core, reps));
    log('  queue tab → 300 visitors on screen …');
    rows.push(await queueCase(page, core, reps, opts.meta.today, log));
    return rows;
  } finally {
    await browser?.close();
    await server.close();
    await core.close();
  }
}

/** Builds the renderer with the project's own vite settings into bench/.data/renderer (out/ is left to the build and tests). */
async function buildRenderer(log: (line: string) => void): Promise<string> {
  const outDir = join(DATA_ROOT, 'renderer');
  log(`  building the renderer (vite, the renderer section of electron.vite.config.ts) → ${outDir}`);
  const started = Date.now();
  const config = (await import('../electron.vite.config')).default as { renderer?: InlineConfig };
  if (!config.renderer) throw new Error('electron.vite.config.ts has no renderer section');
  const { build } = await import('vite');
  rmSync(outDir, { recursive: true, force: true });
  await build({ ...config.renderer, configFile: false, logLevel: 'error', build: { ...config.renderer.build, outDir, emptyOutDir: true } });
  log(`  renderer built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return outDir;
}

async function signIn(page: Page) {
  await page.getByLabel(ar.ui.username).fill(BENCH_USER);
  await page.getByLabel(ar.ui.password).fill(BENCH_PASSWORD);
  // The desk picker defaults to desk 1 (reception desk A).
  await page.getByRole('button', { name: ar.ui.signIn }).click();
  await page.getByTestId('signed-in-user').waitFor({ timeout: 30_000 });
  await page.getByTestId('search-input').waitFor();
  await page.getByTestId('queue-row').first().waitFor({ timeout: 30_000 });
}

/**
 * Runs in the page. `arm(kind, cond)` starts listening for the user's next input event of that kind
 * (its time is t0) and resolves, once `cond` holds in the DOM and the next frame has been painted,
 * with {ms, firstMs}: firstMs is when anything new first showed (the queue's first rows, cached or fresh).
 */
const PAGE_HELPERS = `
window.__bench = {
  check(cond) {
    if (cond.kind === 'search') {
      const rows = document.querySelectorAll('[data-testid="search-result"]');
      return rows.length === cond.count && rows[0] && rows[0].textContent.includes(cond.firstId);
    }
    if (cond.kind === 'queue') {
      const badge = document.querySelector('[data-testid="queue-counts"] [data-state="waiting"] .tabular');
      return !!badge && badge.textContent === String(cond.waiting) && this.queueShown();
    }
    return false;
  },
  // The hall stays mounted (hidden) under the other tabs: its rows count once the list is on show.
  queueShown() {
    const list = document.querySelector('[data-testid="queue-list"]');
    return !!list && list.checkVisibility() && list.querySelectorAll('[data-testid="queue-row"]').length > 0;
  },
  shown(cond) {
    return cond.kind === 'queue' ? this.queueShown() : this.check(cond);
  },
  arm(eventType, cond) {
    const state = { t0: null, first: null };
    performance.clearResourceTimings();
    this.result = new Promise((resolve, reject) => {
      const timer = setTimeout(() => { obs.disconnect(); reject(new Error('timed out waiting for ' + JSON.stringify(cond))); }, 20000);
      const obs = new MutationObserver(() => {
        if (state.t0 === null) return;
        if (state.first === null && this.shown(cond)) state.first = performance.now();
        if (this.check(cond)) {
          obs.disconnect();
          clearTimeout(timer);
          // In the DOM; "on screen" is the end of the next frame: rAF, then the task after its paint.
          const inDom = performance.now();
          requestAnimationFrame(() => setTimeout(() => {
            const end = performance.now();
            // When the last answer from the core arrived (resource timing of POST /api/call).
            const calls = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/') && e.startTime >= state.t0 && e.responseEnd <= inDom);
            const dataMs = calls.length ? Math.max(...calls.map((e) => e.responseEnd)) - state.t0 : null;
            resolve({ ms: end - state.t0, firstMs: (state.first ?? end) - state.t0, dataMs, domMs: inDom - state.t0 });
          }, 0));
        }
      });
      document.addEventListener(eventType, () => {
        state.t0 = performance.now();
        obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      }, { capture: true, once: true });
    });
  },
};`;

type Measured = { ms: number; firstMs: number; dataMs: number | null; domMs: number };
type BenchGlobal = { __bench: { arm(eventType: string, cond: unknown): void; result: Promise<Measured> } };
/** Starts listening in the page for the next input event of that type. */
const arm = (page: Page, eventType: string, cond: unknown) =>
  page.evaluate(([e, c]) => (globalThis as unknown as BenchGlobal).__bench.arm(e as string, c), [eventType, cond] as const);
/** Waits for the armed measurement to finish. */
const result = (page: Page): Promise<Measured> => page.evaluate(() => (globalThis as unknown as BenchGlobal).__bench.result);

const med = (xs: number[]) => (xs.length ? summarize(xs).median.toFixed(1) : '—');

async function searchCase(page: Page, core: Core, reps: { warmup: number; reps: number }): Promise<Row> {
  // What the box should show for each query, asked of the core directly (the renderer asks for 8).
  const sid = core.createSession();
  await core.dispatch('auth.signIn', { username: BENCH_USER, password: BENCH_PASSWORD, deskId: 2 }, sid);
  const raw = asSqliteStore(core.store).raw;
  const random = seededRandom(99);
  const max = (raw.prepare('SELECT max(id) AS n FROM beneficiaries').get() as { n: number }).n;
  const person = raw.prepare('SELECT first_name AS firstName, father_name AS fatherName, grandfather_name AS grandfatherName, family_name AS familyName FROM beneficiaries WHERE id = ?');
  const queries: { text: string; firstId: string; count: number }[] = [];
  let previous = '';
  while (queries.length < reps.warmup + reps.reps) {
    const text = twoFragments(person.get(1 + Math.floor(random() * max)) as never, random);
    const r = await core.dispatch('beneficiaries.search', { text, limit: 8 }, sid);
    if (!r.ok) throw new Error(r.error.message);
    const hits = r.value as { idNumber: string }[];
    // Each query must change what is on screen, or there would be nothing to wait for.
    if (hits.length === 0 || hits[0]!.idNumber === previous || queries.some((q) => q.text === text)) continue;
    previous = hits[0]!.idNumber;
    queries.push({ text, firstId: hits[0]!.idNumber, count: hits.length });
  }
  const input = page.getByTestId('search-input');
  await input.click();
  const data: number[] = [];
  const sample = await timeSteps(async (i) => {
    const q = queries[i]!;
    await input.press('Control+A'); // the next input event replaces the whole text, as a paste or a scanner would
    await arm(page, 'input', { kind: 'search', firstId: q.firstId, count: q.count });
    await page.keyboard.insertText(q.text);
    const m = await result(page);
    if (i >= reps.warmup && m.dataMs !== null) data.push(m.dataMs);
    return m.ms;
  }, reps);
  return {
    name: 'renderer: search keystroke → results',
    core: sample,
    bare: null,
    targetP95: TARGETS.rendererSearch,
    note: `two name fragments typed plainly, replacing the previous query in one input event; input event → results in the DOM + next frame (the core's answer arrived after median ${med(data)} ms)`,
  };
}

async function queueCase(page: Page, core: Core, reps: { warmup: number; reps: number }, today: string, log: (l: string) => void): Promise<Row> {
  // A second desk checks visitors in between runs, so every time the queue screen opens it has news to show.
  const sid = core.createSession();
  await core.dispatch('auth.signIn', { username: 'desk.b1', password: BENCH_PASSWORD, deskId: 2 }, sid);
  const call = async (op: string, input: unknown) => {
    const r = await core.dispatch(op, input, sid);
    if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
    return r.value;
  };
  const firsts: number[] = [];
  const data: number[] = [];
  const before = (await call('visits.queue', { day: today })) as { visits: unknown[] };
  const sample: Sample = await timeSteps(async (i) => {
    await page.getByRole('tab', { name: ar.ui.referralsTab }).click();
    await page.getByTestId('queue-list').waitFor({ state: 'hidden' });
    // `again`: some of these people already have a ticket today in the generated hall.
    await call('visits.checkIn', { beneficiaryId: 1000 + i, reason: 'follow_up', again: true });
    const queue = (await call('visits.queue', { day: today })) as { visits: unknown[]; counts: { waiting: number } };
    // Let the other screens' live refresh (1 s revision poll) settle so it does not overlap the measurement.
    await page.waitForTimeout(1300);
    await arm(page, 'click', { kind: 'queue', waiting: queue.counts.waiting });
    await page.getByRole('tab', { name: ar.ui.queueTab }).click();
    const m = await result(page);
    if (i >= reps.warmup) {
      firsts.push(m.firstMs);
      if (m.dataMs !== null) data.push(m.dataMs);
    }
    return m.ms;
  }, reps);
  const cached = summarize(firsts);
  const breakdown = `rows were first in the DOM after median ${cached.median.toFixed(1)} / p95 ${cached.p95.toFixed(1)} ms, the fresh answer arrived after median ${med(data)} ms`;
  log(`    (${breakdown})`);
  return {
    name: `renderer: queue of ${before.visits.length} on screen`,
    core: sample,
    bare: null,
    targetP95: TARGETS.rendererQueue,
    note: `click on the queue tab (from the referrals tab) → the hall, kept mounted under the other tabs since it was first shown, fetches the fresh queue and shows it with what changed redrawn (counts + virtualised list; one visitor more each run); ${breakdown}`,
  };
}
