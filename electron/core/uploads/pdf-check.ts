import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { outsideAsar } from '../outside-asar';

/**
 * Whether a file that starts like a PDF opens as one: pdf.js (the parser the tests read our own
 * documents with) loads it and its first pages. It runs in a worker thread with a budget of time,
 * pages and memory, and a worker whose budget is spent is ended: a hostile PDF (a reference loop, a
 * page tree of millions, a stream that inflates to gigabytes) costs the uploader a refusal and never
 * holds up the desk, whose thread only waits for an answer.
 */
export type PdfVerdict = { ok: true; pages: number } | { ok: false; reason: 'damaged' | 'encrypted' | 'no-pages' | 'too-complex' };

export interface PdfCheckBudget {
  /** From handing the file over to the answer, loading pdf.js into a new worker included. */
  timeMs: number;
  /** How many of the first pages are loaded: enough to know it opens, never all of a 5,000-page file. */
  pages: number;
  /** The worker's JavaScript heap. */
  memoryMb: number;
}

export const PDF_CHECK_BUDGET: PdfCheckBudget = { timeMs: 15_000, pages: 3, memoryMb: 256 };

/** Workers at once: each holds pdf.js and the file it checks; more uploads at the same moment wait their turn. */
const WORKERS = 2;
/** A worker kept after its check answers the next one without loading pdf.js again (about a second on a busy machine). */
const IDLE_MS = 60_000;

// Plain JavaScript, evaluated as the worker's script: nothing to bundle or find beside the build;
// pdf.js comes from node_modules (a dependency, like pdfkit), loaded in the worker only.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const pdfjs = import(workerData.pdfjs);
parentPort.on('message', async ({ bytes, pages }) => {
  let verdict;
  try {
    const { getDocument } = await pdfjs;
    const task = getDocument({
      data: bytes, verbosity: 0, isEvalSupported: false, useSystemFonts: false, disableFontFace: true,
      enableXfa: false, isOffscreenCanvasSupported: false, isImageDecoderSupported: false,
    });
    try {
      const doc = await task.promise;
      if (!(doc.numPages >= 1)) verdict = { ok: false, reason: 'no-pages' };
      else {
        for (let i = 1; i <= Math.min(doc.numPages, pages); i++) await doc.getPage(i);
        verdict = { ok: true, pages: doc.numPages };
      }
    } finally {
      await task.destroy();
    }
  } catch (error) {
    verdict = { ok: false, reason: error && error.name === 'PasswordException' ? 'encrypted' : 'damaged' };
  }
  parentPort.postMessage(verdict);
});
`;

/** pdf.js's Node build; a packaged desk keeps it unpacked beside app.asar (electron-builder.yml: asarUnpack). */
export const PDFJS_MODULE = 'pdfjs-dist/legacy/build/pdf.mjs';

let pdfjsUrl: string | null = null;
function pdfjs(): string {
  // __filename in the CommonJS main-process bundle; import.meta.url under vitest and tsx.
  const from = typeof __filename === 'string' ? __filename : import.meta.url;
  return (pdfjsUrl ??= pathToFileURL(outsideAsar(createRequire(from).resolve(PDFJS_MODULE))).href);
}

interface Checker {
  worker: Worker;
  memoryMb: number;
  idle: NodeJS.Timeout | null;
}

const idle: Checker[] = [];
let busy = 0;
const waiting: (() => void)[] = [];

export async function checkPdf(bytes: Uint8Array, budget: PdfCheckBudget = PDF_CHECK_BUDGET): Promise<PdfVerdict> {
  while (busy >= WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  busy += 1;
  const checker = takeChecker(budget.memoryMb);
  try {
    const verdict = await check(checker, bytes, budget);
    if (verdict.reason === 'too-complex') void checker.worker.terminate(); // over budget: its state is not to be trusted
    else putBack(checker);
    return verdict.verdict;
  } finally {
    busy -= 1;
    waiting.shift()?.();
  }
}

function takeChecker(memoryMb: number): Checker {
  const index = idle.findIndex((c) => c.memoryMb === memoryMb);
  if (index !== -1) {
    const [checker] = idle.splice(index, 1);
    clearTimeout(checker!.idle!);
    checker!.idle = null;
    return checker!;
  }
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pdfjs: pdfjs() },
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32 },
  });
  worker.unref(); // a waiting worker never keeps a script or a test run alive
  const checker: Checker = { worker, memoryMb, idle: null };
  worker.once('exit', () => {
    const at = idle.indexOf(checker);
    if (at !== -1) idle.splice(at, 1);
    if (checker.idle) clearTimeout(checker.idle);
  });
  return checker;
}

function putBack(checker: Checker) {
  checker.idle = setTimeout(() => void checker.worker.terminate(), IDLE_MS);
  checker.idle.unref();
  idle.push(checker);
}

function check(checker: Checker, bytes: Uint8Array, budget: PdfCheckBudget): Promise<{ verdict: PdfVerdict; reason?: 'too-complex' }> {
  const { worker } = checker;
  return new Promise((resolve) => {
    const tooComplex = () => finish({ verdict: { ok: false, reason: 'too-complex' }, reason: 'too-complex' });
    const answered = (verdict: PdfVerdict) => finish({ verdict });
    const timer = setTimeout(tooComplex, budget.timeMs);
    // Out of memory, or pdf.js failing outside its promises: beyond what a desk should open.
    worker.once('error', tooComplex);
    worker.once('exit', tooComplex);
    worker.once('message', answered);
    function finish(result: { verdict: PdfVerdict; reason?: 'too-complex' }) {
      clearTimeout(timer);
      worker.off('error', tooComplex).off('exit', tooComplex).off('message', answered);
      resolve(result);
    }
    // A copy for the worker: the caller keeps its bytes, the worker owns (and pdf.js takes over) this one.
    const copy = new Uint8Array(bytes);
    worker.postMessage({ bytes: copy, pages: budget.pages }, [copy.buffer]);
  });
}
