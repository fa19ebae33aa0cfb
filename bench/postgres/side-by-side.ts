import type { Row } from '../stats';

const fmt = (v: number | undefined | null) => (v === undefined || v === null || Number.isNaN(v) ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(3));

/**
 * The rows of both stores in one table: each case's SQLite p95 (core, bare) beside its PostgreSQL
 * median and p95 (core, bare), the PostgreSQL target and whether it is met. A case only PostgreSQL has
 * (two desks writing at once) shows dashes on the SQLite side.
 */
export function renderSideBySide(sqlite: Row[], postgres: Row[]): string {
  const header = ['what', 'SQLite p95', 'SQLite bare p95', 'PG median', 'PG p95', 'PG target p95', 'ok?', 'PG bare median', 'PG bare p95', 'PG ratio'];
  const byName = new Map(sqlite.map((r) => [r.name, r]));
  const body = postgres.map((p) => {
    const s = byName.get(p.name);
    return [
      p.name,
      fmt(s?.core?.p95),
      fmt(s?.bare?.p95),
      fmt(p.core?.median),
      fmt(p.core?.p95),
      `< ${p.targetP95}`,
      !p.core ? 'n/a' : p.core.p95 < p.targetP95 ? 'ok' : 'MISS',
      fmt(p.bare?.median),
      fmt(p.bare?.p95),
      p.core && p.bare ? `${(p.core.p95 / p.bare.p95).toFixed(1)}×` : '—',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const notes = postgres.filter((r) => r.note).map((r) => `  * ${r.name} (PostgreSQL): ${r.note}`);
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n');
}
