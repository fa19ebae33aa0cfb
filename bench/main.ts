/**
 * `npm run bench` — see bench/README.md. Generates (once) and caches the ten-year store, times the
 * core against the bare SQL underneath, then the renderer in Chromium through the loopback shell.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { benchBackup } from './backup-bench';
import { benchCore } from './core-bench';
import { cachedStore, generateStore, SIZES, workingCopy, type StoreMeta } from './data';
import { postgresRunCopy } from './postgres/load';
import { runInDeskProcess } from './postgres/desk-process';
import { benchServer } from './postgres/server';
import { renderSideBySide } from './postgres/side-by-side';
import { benchRenderer } from './renderer-bench';
import { benchReports } from './reports-bench';
import { benchSignIn } from './sign-in-bench';
import { renderTable, toJson, type Row } from './stats';

const HELP = `npm run bench [-- options]
  --out FILE       also write the rows as JSON: [{name, median_ms, p95_ms, target_ms, bare_p95_ms}]
  --only WHAT      core | renderer | sign-in | backup | long-work | register | board | reports (default: core, renderer,
                   backup and reports; core includes sign-in; long-work: only the 16,000-visit register beside the queue,
                   which the core rows end with; register: only a month of 10,000 visits exported as XLSX, a core row
                   too; board: only the supervisor's board, one of the core rows; reports: a year's period report and
                   evidence pack)
  --quick          fewer repetitions (a smoke run; the figures are noisier)
  --regenerate     rebuild the cached store even if it is up to date
  --renderer-dir D use this renderer build (e.g. out/renderer) instead of building one into bench/.data/renderer
  --explain        also print EXPLAIN QUERY PLAN of the statements under each core case
  --scale X        generate a smaller store (e.g. 0.05) — for working on the bench itself
  --store postgres the core rows on PostgreSQL beside the same rows on SQLite (the ten-year store copied into
                   PostgreSQL once and cached there), and check-in / call-next with a second desk's process writing
  --pg-url URL     with --store postgres: this server (a role that may create databases, superuser for the first
                   load) instead of the embedded cluster the bench keeps in bench/.data/postgres`;

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      regenerate: { type: 'boolean', default: false },
      scale: { type: 'string' },
      'renderer-dir': { type: 'string' },
      explain: { type: 'boolean', default: false },
      store: { type: 'string', default: 'sqlite' },
      'pg-url': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(HELP);
  const only = values.only ?? 'all';
  const ONLY = ['all', 'core', 'renderer', 'sign-in', 'backup', 'long-work', 'register', 'board', 'reports'];
  if (!ONLY.includes(only)) throw new Error(`--only ${ONLY.slice(1).join('|')}, not ${only}`);
  if (values.scale) {
    const k = Number(values.scale);
    if (!(k > 0 && k <= 1)) throw new Error('--scale wants a number in (0, 1]');
    SIZES.beneficiaries = Math.round(SIZES.beneficiaries * k);
    SIZES.historicVisits = Math.round(SIZES.historicVisits * k);
    SIZES.requests = Math.round(SIZES.requests * k);
  }
  const log = (line: string) => console.log(line);

  const sqliteVersion = (new BetterSqlite3(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  log(`Istiqbal bench — Node ${process.version}, SQLite ${sqliteVersion}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB`);

  const loadAtStart = loadavg()[0]!;
  // Sign-in needs no ten-year store: a fresh one at the production password cost.
  if (only === 'sign-in') {
    log(`\nsign-in`);
    const rows = await benchSignIn({ quick: values.quick, log });
    log('\n' + renderTable(rows));
    if (values.out) writeFileSync(resolve(values.out), JSON.stringify(toJson(rows), null, 2) + '\n');
    return;
  }
  let store = values.regenerate ? null : cachedStore();
  if (store) {
    log(`store: cached ${store.dir} (generated ${store.meta.generatedAt} in ${store.meta.generationSeconds} s)`);
  } else {
    log(
      `store: generating ${SIZES.beneficiaries.toLocaleString('en')} beneficiaries, ${SIZES.historicVisits.toLocaleString('en')} visits and ${SIZES.requests.toLocaleString('en')} support requests over ${SIZES.years} years …`,
    );
    store = await generateStore(log);
    log(`store: generated in ${store.meta.generationSeconds} s → ${store.dir}`);
  }
  const { meta } = store;
  log(
    `store: ${(meta.fileBytes / 2 ** 20).toFixed(0)} MB; ${Object.entries(meta.counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}; "today" is ${meta.today}`,
  );
  if (meta.requestStates) {
    log(`store: requests by state: ${Object.entries(meta.requestStates).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
  }

  if (values.store === 'postgres') return benchBothStores({ store, quick: values.quick, explain: values.explain, pgUrl: values['pg-url'], out: values.out, loadAtStart, log });
  if (values.store !== 'sqlite') throw new Error(`--store sqlite|postgres, not ${values.store}`);

  const rows: Row[] = [];
  if (only === 'all' || only === 'core' || only === 'long-work' || only === 'register' || only === 'board') {
    const dir = workingCopy(store.dir);
    log(`\ncore (on a fresh copy: ${dir})`);
    rows.push(...(await benchCore({ dataDir: dir, meta, quick: values.quick, longWorkOnly: only === 'long-work', registerOnly: only === 'register', boardOnly: only === 'board', log })));
  }
  if (only === 'all' || only === 'core') {
    log(`\nsign-in (a fresh store at the production password cost)`);
    rows.push(...(await benchSignIn({ quick: values.quick, log })));
  }
  if (only === 'all' || only === 'renderer') {
    const dir = workingCopy(store.dir);
    log(`\nrenderer in Chromium through the loopback shell (on a fresh copy)`);
    rows.push(...(await benchRenderer({ dataDir: dir, meta, quick: values.quick, rendererDir: values['renderer-dir'], log })));
  }

  if (only === 'all' || only === 'backup') {
    const dir = workingCopy(store.dir);
    log(`\nbackup and restore (on a fresh copy)`);
    rows.push(...(await benchBackup({ dataDir: dir, meta, quick: values.quick, log })));
  }

  if (only === 'all' || only === 'reports') {
    const dir = workingCopy(store.dir);
    log(`\nperiod report and evidence pack (on a fresh copy)`);
    rows.push(...(await benchReports({ dataDir: dir, meta, quick: values.quick, log })));
  }

  log('\n' + renderTable(rows));
  if (values.explain) {
    for (const r of rows.filter((r) => r.plan?.length)) log(`\n${r.name}\n  ${r.plan!.join('\n  ')}`);
  }
  const loads = `load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at the end on ${cpus().length} cores`;
  log(`\n${loads}${Math.max(loadAtStart, loadavg()[0]!) > cpus().length / 2 ? ' — other processes were competing for the CPU: expect noisier, higher figures' : ''}`);
  log('ratio = core p95 / bare p95: what the dispatcher, zod, Kysely and the view mapping add on top of the SQL.');
  if (values.out) {
    const file = resolve(values.out);
    writeFileSync(file, JSON.stringify(toJson(rows), null, 2) + '\n');
    log(`rows written to ${file}`);
  }
}

/**
 * `--store postgres`: the core rows on the SQLite store, then the same rows on PostgreSQL (and the two
 * desks writing at once), printed side by side.
 */
async function benchBothStores(o: {
  store: { dir: string; meta: StoreMeta };
  quick: boolean;
  explain: boolean;
  pgUrl?: string;
  out?: string;
  loadAtStart: number;
  log: (line: string) => void;
}) {
  const { log } = o;
  const dir = workingCopy(o.store.dir);
  log(`\ncore on SQLite (on a fresh copy: ${dir}; the rows PostgreSQL has too)`);
  const sqliteRows = await benchCore({ dataDir: dir, meta: o.store.meta, quick: o.quick, storeRowsOnly: true, log });
  log(`\ncore on PostgreSQL`);
  const server = await benchServer(o.pgUrl, log);
  let postgresRows: Row[];
  try {
    log(`  postgres: ${server.description}`);
    const copy = await postgresRunCopy(server.adminUrl, o.store.dir, o.store.meta, log);
    if (copy.loadSeconds !== null) log(`  postgres: the ten-year store copied in ${copy.loadSeconds} s (cached as database ${copy.cache})`);
    log('  postgres: the rows in a process of their own, as a desk PC\'s');
    postgresRows = await runInDeskProcess({ url: copy.url, meta: o.store.meta, quick: o.quick, explain: o.explain });
  } finally {
    await server.stop();
  }
  log(`\n${server.description}, over loopback (127.0.0.1), a process of the bench's own as the desk`);
  log(renderSideBySide(sqliteRows, postgresRows));
  if (o.explain) for (const r of postgresRows.filter((r) => r.plan?.length)) log(`\n${r.name} (PostgreSQL)\n  ${r.plan!.join('\n  ')}`);
  log(`\nload average ${o.loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at the end on ${cpus().length} cores`);
  if (o.out) {
    const file = resolve(o.out);
    const json = [...toJson(sqliteRows).map((r) => ({ store: 'sqlite', ...r })), ...toJson(postgresRows).map((r) => ({ store: 'postgres', ...r }))];
    writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
    log(`rows written to ${file}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
