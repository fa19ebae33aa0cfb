/**
 * Writes every printed document filled with realistic sample data, for layout review:
 *   npx tsx scripts/printing-samples.ts --out DIR
 * Render them with `pdftoppm -png` and look at every page.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_TIME_ZONE, addDays, businessDay } from '@shared/dates/calendar';
import { createCore } from '../electron/core/core';
import { startWithDemo } from '../electron/core/demo/start-with-demo';
import { evidencePackJob, periodReportJob } from '../electron/core/reports/report-jobs';
import { periodScope } from '../electron/core/reports/period-scope';
import { renderDailyRegister } from '../electron/core/printing/daily-register';
import { renderDeclaration } from '../electron/core/printing/declaration';
import { renderReceipt } from '../electron/core/printing/receipt';
import { blankRequestForm, renderRequestForm } from '../electron/core/printing/request-form';
import { renderTicket } from '../electron/core/printing/ticket';
import * as sample from '../tests/core/printing/fixtures';

const SAMPLES: Record<string, () => Promise<Buffer>> = {
  'ticket': () => renderTicket(sample.ticket),
  'declaration': () => renderDeclaration(sample.declaration),
  'declaration-long-name': () => renderDeclaration(sample.declarationLongName),
  'declaration-mixed-name': () => renderDeclaration(sample.declarationMixedName),
  'receipt': () => renderReceipt(sample.receipt),
  'receipt-long-name': () => renderReceipt(sample.receiptLongName),
  'request-form': () => renderRequestForm(sample.requestForm),
  'request-form-rejected-long': () => renderRequestForm(sample.requestFormRejected),
  'register-300': () => renderDailyRegister(sample.register),
  'register-one-desk-full-ids': () => renderDailyRegister(sample.registerOneDesk),
  'register-empty-day': () => renderDailyRegister(sample.registerEmpty),
  'request-form-blank': () => renderRequestForm(blankRequestForm(sample.header, sample.DOCUMENT_NAMES, sample.requestForm.printedAt)),
};

function outDir(argv: string[]): string {
  const i = argv.indexOf('--out');
  const dir = i >= 0 ? argv[i + 1] : undefined;
  if (!dir) {
    console.error('usage: npx tsx scripts/printing-samples.ts --out DIR');
    process.exit(2);
  }
  return resolve(dir);
}

/**
 * The period report and the evidence pack are drawn from a store's figures: a demo store in a
 * temporary folder, its last 30 days, as a supervisor would print them.
 */
async function reportSamples(): Promise<Record<string, () => Promise<Buffer>>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'istiqbal-samples-'));
  const core = await createCore({ dataDir });
  const now = new Date();
  await startWithDemo(core, now);
  const today = businessDay(now, DEFAULT_TIME_ZONE);
  const job = { scope: periodScope(addDays(today, -29), today, now, DEFAULT_TIME_ZONE), printedAt: now.toISOString(), printedBy: 'هيفاء سعد القحطاني' };
  const env = { db: core.store.db };
  const bytesOf = (out: object) => Buffer.from('bytesBase64' in out ? String(out.bytesBase64) : '', 'base64');
  const files = {
    'period-report-30-days': bytesOf(await periodReportJob({ ...job, format: 'pdf' }, env)),
    'evidence-pack-30-days': bytesOf(await evidencePackJob({ ...job, format: 'pdf' }, env)),
  };
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, () => Promise.resolve(bytes)]));
}

async function main() {
  const dir = outDir(process.argv.slice(2));
  mkdirSync(dir, { recursive: true });
  for (const [name, render] of Object.entries({ ...SAMPLES, ...(await reportSamples()) })) {
    const started = performance.now();
    const pdf = await render();
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    console.log(`${file}  ${(pdf.length / 1024).toFixed(0)} KB  ${(performance.now() - started).toFixed(0)} ms`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
