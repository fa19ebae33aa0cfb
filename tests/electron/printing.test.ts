import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App, BrowserWindowConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ar } from '@shared/labels/ar';
import { hardenEveryWebContents } from '../../electron/main/security';
import { samplePdf } from '../helpers/sample-files';
import { FakeWebContents, invokeEvent, navigationEvent } from './fakes';
import { keepPrintedCopy } from '../../electron/core/printing/printed-copies';
import { openFileStore } from '../../electron/core/store/files/open-file-store';
import { openSqliteStore, type SqliteStore } from '../../electron/core/store/sqlite/open-sqlite-store';
import { STORE_FILE_NAME } from '../../electron/core/store/store-file';
import type { KeepPrinted } from '../../electron/main/printing';

// Electron's runtime is absent on this machine: BrowserWindow is replaced, and only in this file.
// The fake window loads its URL and answers print() the way a test tells it to.
const electron = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- vi.hoisted runs before this file's imports
  const { EventEmitter } = require('node:events') as typeof import('node:events');
  const script = { load: 'ok' as 'ok' | 'fail' | 'never', print: [true, ''] as [boolean, string] | 'never' };
  // Its session only needs to take the handlers the shell sets on every session.
  const previewSession = {
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    setDevicePermissionHandler() {},
    webRequest: { onBeforeRequest() {} },
  };
  class PreviewContents extends EventEmitter {
    readonly mainFrame = { processId: 500, frameToken: 'preview', url: '' };
    readonly session = previewSession;
    openHandler?: (details: { url: string }) => { action: string };
    closeDevTools() {}
    printOptions?: unknown;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.openHandler = handler;
    }
    print(options: unknown, callback: (success: boolean, reason: string) => void) {
      this.printOptions = options;
      const answer = script.print;
      if (answer !== 'never') setImmediate(() => callback(...answer));
    }
  }
  class BrowserWindow extends EventEmitter {
    static opened: BrowserWindow[] = [];
    readonly webContents = new PreviewContents();
    loadedUrl?: string;
    destroyed = false;
    constructor(readonly options: unknown) {
      super();
      BrowserWindow.opened.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      if (script.load === 'ok') setImmediate(() => this.webContents.emit('did-finish-load'));
      if (script.load === 'fail') setImmediate(() => this.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND'));
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    close() {
      this.destroyed = true;
      this.emit('closed');
    }
  }
  const app = new EventEmitter();
  return { BrowserWindow, script, app };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, app: electron.app, ipcMain: { handle: vi.fn() } }));
const { PREVIEW_PARTITION, printedFileName, printFailure, printPdf, SHELL_PRINT_PDF } = await import('../../electron/main/printing');
const { createCallHandler } = await import('../../electron/main/ipc');

// As index.ts does before any window: every contents hardened as Electron creates it.
hardenEveryWebContents(electron.app as unknown as App, { development: false });

const PDF = await samplePdf();
const request = { title: 'إيصال استلام طلب', fileName: 'receipt-1448-00042.pdf', pdfBase64: PDF.toString('base64') };

// The copy is kept as the shell keeps it, by a real SQLite store's file store in a temp data folder
// (on PostgreSQL: tests/core/printing/printed-copies.test.ts).
let dataDir: string;
let store: SqliteStore;
let keep: KeepPrinted;
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'istiqbal-print-'));
  store = await openSqliteStore({ file: join(dataDir, STORE_FILE_NAME) });
  keep = (name, bytes) => keepPrintedCopy({ store, files: openFileStore('sqlite', dataDir) }, name, bytes);
  electron.BrowserWindow.opened.length = 0;
  electron.script.load = 'ok';
  electron.script.print = [true, ''];
});
afterEach(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const lastWindow = () => electron.BrowserWindow.opened.at(-1)!;
const saved = (name: string) => join(dataDir, 'printed', name);

describe('shell.printPdf', () => {
  it('saves the PDF under <dataDir>/printed, shows it in a preview and prints it with the system dialog', async () => {
    const result = await printPdf(request, keep);
    expect(result).toEqual({ ok: true, value: { printed: true, savedTo: saved('receipt-1448-00042.pdf') } });
    expect(readFileSync(saved('receipt-1448-00042.pdf'))).toEqual(PDF);

    const window = lastWindow();
    expect(window.loadedUrl).toBe(pathToFileURL(saved('receipt-1448-00042.pdf')).href);
    expect(window.webContents.printOptions).toMatchObject({ silent: false });
    expect(window.destroyed, 'a printed document closes its preview').toBe(true);
  });

  it('opens the preview hardened like every window, with plugins on for the PDF viewer and no bridge', async () => {
    await printPdf(request, keep);
    const options = lastWindow().options as BrowserWindowConstructorOptions;
    expect(options.title).toBe('إيصال استلام طلب');
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      plugins: true,
      partition: PREVIEW_PARTITION,
    });
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(PREVIEW_PARTITION.startsWith('persist:'), 'an in-memory session').toBe(false);
  });

  it('keeps the preview on the saved PDF: no navigation elsewhere, no new windows', async () => {
    await printPdf(request, keep);
    const contents = lastWindow().webContents as unknown as FakeWebContents;
    const away = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', away, away.url);
    expect(away.prevented).toBe(true);
    const home = navigationEvent(pathToFileURL(saved('receipt-1448-00042.pdf')).href);
    contents.emit('will-navigate', home, home.url);
    expect(home.prevented).toBe(false);
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('a printer that fails gives an Arabic message, and the PDF is still saved and shown', async () => {
    electron.script.print = [false, 'Print job failed'];
    const result = await printPdf(request, keep);
    expect(result.ok && result.value).toEqual({ printed: false, failure: printFailure('Print job failed'), savedTo: saved('receipt-1448-00042.pdf') });
    expect(result.ok && result.value.failure).toMatch(/[\u0600-\u06FF]/);
    expect(result.ok && result.value.failure).toContain('Print job failed');
    expect(existsSync(saved('receipt-1448-00042.pdf'))).toBe(true);
    expect(lastWindow().destroyed, 'the preview stays to print or save from').toBe(false);
  });

  it('no printer at all ("Invalid printer settings") is a failure like any other, not a crash', async () => {
    electron.script.print = [false, 'Invalid printer settings'];
    const result = await printPdf(request, keep);
    expect(result).toMatchObject({ ok: true, value: { printed: false, savedTo: saved('receipt-1448-00042.pdf') } });
    expect(result.ok && result.value.failure).toBe(printFailure('Invalid printer settings'));
  });

  it('a print dialog cancelled, or a preview closed before printing, is "not printed"', async () => {
    electron.script.print = [false, 'Print job canceled'];
    expect(await printPdf(request, keep)).toMatchObject({ ok: true, value: { printed: false, failure: ar.printing.cancelled } });

    electron.script.print = 'never';
    const pending = printPdf(request, keep);
    await vi.waitFor(() => expect(electron.BrowserWindow.opened[1]?.webContents.printOptions).toBeDefined());
    lastWindow().close();
    expect(await pending).toMatchObject({ ok: true, value: { printed: false, failure: ar.printing.cancelled } });
  });

  it('a preview that cannot load the file answers not printed, with the file saved', async () => {
    electron.script.load = 'fail';
    const result = await printPdf(request, keep);
    expect(result).toMatchObject({ ok: true, value: { printed: false, savedTo: saved('receipt-1448-00042.pdf') } });
    expect(result.ok && result.value.failure).toContain('ERR_FILE_NOT_FOUND');
  });

  it.each([
    ['an HTML page', Buffer.from('<html><script>alert(1)</script></html>').toString('base64')],
    ['%PDF-<html>…, which only starts like a PDF', Buffer.from('%PDF-<html><script>alert(1)</script></html>').toString('base64')],
    ['a PDF with no page', Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n').toString('base64')],
    ['a PDF cut in half', PDF.subarray(0, PDF.length >> 1).toString('base64')],
    ['a real PDF in lenient base64 (line breaks)', PDF.toString('base64').replace(/.{76}/g, '$&\n')],
    ['a real PDF in lenient base64 (its padding left off)', Buffer.concat([PDF, Buffer.from(PDF.length % 3 === 0 ? '\n' : '')]).toString('base64').replace(/=+$/, '')],
  ])('refuses %s as strictly as a scan: nothing saved, no window', async (_label, pdfBase64) => {
    expect(await printPdf({ ...request, pdfBase64 }, keep)).toEqual({ ok: false, error: { code: 'validation', message: ar.printing.badDocument } });
    expect(existsSync(join(dataDir, 'printed'))).toBe(false);
    expect(electron.BrowserWindow.opened).toHaveLength(0);
  });

  it('refuses what is not a request, with nothing saved and no window', async () => {
    expect(await printPdf({ title: 'x' }, keep)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await printPdf(null, keep)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(existsSync(join(dataDir, 'printed'))).toBe(false);
    expect(electron.BrowserWindow.opened).toHaveLength(0);
  });
});

describe('printedFileName', () => {
  it.each([
    ['receipt-1448-00042.pdf', 'receipt-1448-00042.pdf'],
    ['register 2024-02-14', 'register-2024-02-14.pdf'],
    ['إيصال طلب.PDF', 'إيصال-طلب.pdf'],
    ['../../etc/passwd', 'passwd.pdf'],
    ['..\\..\\Windows\\win.ini', 'win.ini.pdf'],
    ['.hidden.pdf', 'hidden.pdf'],
    ['...', 'document.pdf'],
  ])('%s → %s (a name in printed/, never a path)', (given, expected) => {
    expect(printedFileName(given)).toBe(expected);
  });
});

describe('the call handler and the shell\'s own operations', () => {
  const ourPage = pathToFileURL(join('/opt', 'istiqbal', 'out', 'renderer', 'index.html')).href;
  const isRendererUrl = (url: string) => url.split('#')[0] === ourPage;

  function setup(answer: () => Promise<unknown>) {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'forwarded' }));
    const shell = vi.fn(answer);
    const ours = new FakeWebContents(1, ourPage);
    const handler = createCallHandler({
      dispatch,
      sessionFor: (c) => (c === (ours as unknown) ? 'session-1' : undefined),
      isRendererUrl,
      shellOperations: { [SHELL_PRINT_PDF]: shell as never },
    });
    return { dispatch, shell, ours, handler };
  }

  it('answers shell.printPdf in the shell, never forwarding it to the core', async () => {
    const { dispatch, shell, ours, handler } = setup(async () => ({ ok: true, value: { printed: true, savedTo: '/x.pdf' } }));
    const result = await handler(invokeEvent(ours, ours.mainFrame), { operation: SHELL_PRINT_PDF, input: request });
    expect(result).toEqual({ ok: true, value: { printed: true, savedTo: '/x.pdf' } });
    expect(shell).toHaveBeenCalledWith(request, { sessionId: 'session-1', contents: ours });
    expect(dispatch).not.toHaveBeenCalled();

    await handler(invokeEvent(ours, ours.mainFrame), { operation: 'documents.receipt', input: { requestId: 1 } });
    expect(dispatch).toHaveBeenCalledWith('documents.receipt', { requestId: 1 }, 'session-1');
  });

  it('checks the sender first, as for every call', async () => {
    const { shell, handler } = setup(async () => ({ ok: true, value: null }));
    const stranger = new FakeWebContents(2, ourPage);
    const result = await handler(invokeEvent(stranger, stranger.mainFrame), { operation: SHELL_PRINT_PDF, input: request });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(shell).not.toHaveBeenCalled();
  });

  it('turns a fault (a full disk) into an Arabic internal error, and never treats inherited names as operations', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { dispatch, ours, handler } = setup(async () => {
      throw new Error('ENOSPC');
    });
    expect(await handler(invokeEvent(ours, ours.mainFrame), { operation: SHELL_PRINT_PDF, input: request })).toEqual({
      ok: false,
      error: { code: 'internal', message: ar.errors.internal },
    });
    await handler(invokeEvent(ours, ours.mainFrame), { operation: 'toString', input: {} });
    expect(dispatch).toHaveBeenCalledWith('toString', {}, 'session-1');
  });

  it('the renderer asks for the operation by the name the shell answers (one declaration, in shared/bridge.ts)', () => {
    const renderer = readFileSync(resolve(__dirname, '../../renderer/transport/shell.ts'), 'utf8');
    expect(renderer).toContain("from '@shared/bridge'");
    expect(SHELL_PRINT_PDF).toBe('shell.printPdf');
  });
});
