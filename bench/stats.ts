/** Timing helpers: many repetitions after a warm-up, reported as median and p95 in milliseconds. */

export interface Sample {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of already sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(ms: number[]): Sample {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, median: percentile(sorted, 50), p95: percentile(sorted, 95), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** A full collection before each timed series (node --expose-gc, as bench/run.mjs starts it), so one case's garbage is not billed to the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export interface TimeOptions {
  warmup: number;
  reps: number;
}

/**
 * Times the core call and the bare statement the same way, interleaved in blocks (core block, bare
 * block, …) so that whatever else the machine is doing weighs on both alike. Each call is timed on
 * its own with hrtime; the index lets a case cycle through its prepared inputs (different IDs,
 * names, …) so no single query is cached. The core's calls are awaited; a bare side is awaited only
 * when it returns a promise (a document function drawing a PDF): better-sqlite3 is synchronous, so no
 * promise tick is billed to the SQL.
 */
export async function timePair(
  core: (i: number) => Promise<unknown>,
  bare: (i: number) => unknown,
  opts: TimeOptions,
): Promise<{ core: Sample; bare: Sample }> {
  for (let i = 0; i < opts.warmup; i++) {
    await core(i);
    const out = bare(i);
    if (out instanceof Promise) await out;
  }
  collectGarbage();
  const c: number[] = [];
  const b: number[] = [];
  const blocks = Math.min(10, opts.reps);
  let i = opts.warmup;
  for (let block = 0; block < blocks; block++) {
    const size = Math.floor(opts.reps / blocks) + (block < opts.reps % blocks ? 1 : 0);
    for (let k = 0; k < size; k++, i++) {
      const t0 = process.hrtime.bigint();
      await core(i);
      c.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    i -= size;
    for (let k = 0; k < size; k++, i++) {
      const t0 = process.hrtime.bigint();
      const out = bare(i);
      if (out instanceof Promise) await out;
      b.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return { core: summarize(c), bare: summarize(b) };
}

/** Times an async step (a renderer round trip) `reps` times after `warmup` runs; the step returns its own measured ms. */
export async function timeSteps(step: (i: number) => Promise<number>, opts: TimeOptions): Promise<Sample> {
  for (let i = 0; i < opts.warmup; i++) await step(i);
  const ms: number[] = [];
  for (let i = 0; i < opts.reps; i++) ms.push(await step(opts.warmup + i));
  return summarize(ms);
}

/** One line of the report (and of the --out JSON). */
export interface Row {
  name: string;
  core: Sample | null;
  bare: Sample | null;
  targetP95: number;
  note?: string;
  /** EXPLAIN QUERY PLAN of the statements underneath (printed with --explain). */
  plan?: string[];
}

export interface JsonRow {
  name: string;
  median_ms: number | null;
  p95_ms: number | null;
  target_ms: number;
  bare_p95_ms: number | null;
}

const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;

export function toJson(rows: Row[]): JsonRow[] {
  return rows.map((r) => ({
    name: r.name,
    median_ms: r.core ? round(r.core.median) : null,
    p95_ms: r.core ? round(r.core.p95) : null,
    target_ms: r.targetP95,
    bare_p95_ms: r.bare ? round(r.bare.p95) : null,
  }));
}

function fmt(v: number | undefined | null): string {
  if (v === undefined || v === null || Number.isNaN(v)) return '—';
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(3);
}

/** A plain-text table: what, runs, core median/p95, target, verdict, bare median/p95, overhead. */
export function renderTable(rows: Row[]): string {
  const header = ['what', 'runs', 'median ms', 'p95 ms', 'target p95', 'ok?', 'bare median', 'bare p95', 'p95 ratio'];
  const body = rows.map((r) => [
    r.name,
    String(r.core?.n ?? '—'),
    fmt(r.core?.median),
    fmt(r.core?.p95),
    r.targetP95 > 0 ? `< ${r.targetP95}` : '—',
    !r.core ? 'n/a' : r.core.p95 < r.targetP95 ? 'ok' : 'MISS',
    fmt(r.bare?.median),
    fmt(r.bare?.p95),
    r.core && r.bare ? `${(r.core.p95 / r.bare.p95).toFixed(1)}×` : '—',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  const notes = rows.filter((r) => r.note).map((r) => `  * ${r.name}: ${r.note}`);
  return [...out, ...(notes.length ? ['', ...notes] : [])].join('\n');
}
