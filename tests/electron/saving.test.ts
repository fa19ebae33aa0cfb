import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Electron's runtime is absent on this machine: its dialog is replaced, and only in this file. The
// fake dialog answers with the path a test tells it to (or as if the user closed it).
const electron = vi.hoisted(() => {
  const answer = { filePath: '' as string | undefined, canceled: false };
  const asked: { parent: unknown; options: { defaultPath?: string; filters?: { name: string; extensions: string[] }[] } }[] = [];
  const dialog = {
    showSaveDialog: (parent: unknown, options?: unknown) => {
      asked.push({ parent: options === undefined ? null : parent, options: (options ?? parent) as (typeof asked)[number]['options'] });
      return Promise.resolve({ canceled: answer.canceled, filePath: answer.filePath });
    },
  };
  const app = { getPath: (name: string) => `/home/desk/${name}` };
  return { dialog, app, answer, asked };
});
vi.mock('electron', () => ({ dialog: electron.dialog, app: electron.app }));
const { saveFile, savedFileName, SHELL_SAVE_FILE } = await import('../../electron/main/saving');
const { createCallHandler } = await import('../../electron/main/ipc');

/**
 * An exported register saved where the user chooses in the Electron shell — the system's
 * save dialog, then the file written there — and only a spreadsheet the core made.
 */
const XLSX = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.from('the rest of a zip')]);
const CSV = Buffer.from('\uFEFFالتذكرة,اليوم\r\nA-001,2026-03-04\r\n', 'utf8');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'istiqbal-save-'));
  electron.asked.length = 0;
  electron.answer.canceled = false;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('saving an exported register (shell.saveFile)', () => {
  it('asks where with the save dialog, offering the file\'s name in the documents folder and its type, then writes it there, for this account only', async () => {
    electron.answer.filePath = join(dir, 'سجل مارس.xlsx');
    const parent = { id: 'desk window' };
    const result = await saveFile({ fileName: 'register-2026-03-04.xlsx', dataBase64: XLSX.toString('base64') }, parent as never);
    expect(result).toEqual({ ok: true, value: { saved: true, path: electron.answer.filePath } });
    expect(electron.asked).toHaveLength(1);
    expect(electron.asked[0]!.parent).toBe(parent);
    expect(electron.asked[0]!.options.defaultPath).toBe('/home/desk/documents/register-2026-03-04.xlsx');
    expect(electron.asked[0]!.options.filters).toEqual([{ name: 'جدول إكسل', extensions: ['xlsx'] }]);
    expect(readFileSync(electron.answer.filePath)).toEqual(XLSX);
    if (process.platform !== 'win32') expect(statSync(electron.answer.filePath).mode & 0o777).toBe(0o600);
  });

  it('a CSV keeps its byte-order mark as the core made it', async () => {
    electron.answer.filePath = join(dir, 'register.csv');
    const result = await saveFile({ fileName: 'register-2026-03-04.csv', dataBase64: CSV.toString('base64') }, null);
    expect(result.ok && result.value.saved).toBe(true);
    expect(readFileSync(electron.answer.filePath)).toEqual(CSV);
    expect(electron.asked[0]!.options.filters).toEqual([{ name: 'نص مفصول بفواصل', extensions: ['csv'] }]);
  });

  it('the dialog closed without a choice: nothing written, and the answer says so', async () => {
    electron.answer.canceled = true;
    electron.answer.filePath = join(dir, 'never.xlsx');
    expect(await saveFile({ fileName: 'register.xlsx', dataBase64: XLSX.toString('base64') }, null)).toEqual({ ok: true, value: { saved: false } });
    expect(existsSync(electron.answer.filePath)).toBe(false);
  });

  it('refuses, before any dialog, what is not a register the core exported: another type, bytes that are not that type, no base64', async () => {
    for (const input of [
      { fileName: 'run.exe', dataBase64: XLSX.toString('base64') },
      { fileName: 'register.xlsx', dataBase64: Buffer.from('MZ not a zip').toString('base64') },
      { fileName: 'register.csv', dataBase64: Buffer.from('no byte-order mark').toString('base64') },
      { fileName: 'register.csv', dataBase64: 'not base64 at all!' },
      { dataBase64: CSV.toString('base64') },
    ]) {
      const result = await saveFile(input, null);
      expect(result.ok).toBe(false);
      expect(!result.ok && /[\u0621-\u064A]/.test(result.error.message)).toBe(true);
    }
    expect(electron.asked).toHaveLength(0);
  });

  it('a name is never a path: folders and odd characters are dropped', () => {
    expect(savedFileName('../../etc/register.csv')).toBe('register.csv');
    expect(savedFileName('C:\\Users\\desk\\register 1.xlsx')).toBe('register-1.xlsx');
  });

  it('reaches the shell through the one IPC handler, never the core', async () => {
    const dispatch = vi.fn();
    const handler = createCallHandler({
      dispatch,
      sessionFor: () => 'session',
      isRendererUrl: () => true,
      shellOperations: { [SHELL_SAVE_FILE]: (input) => saveFile(input, null) },
    });
    electron.answer.filePath = join(dir, 'via-ipc.csv');
    const frame = { processId: 1, frameToken: 'main', url: 'app://istiqbal/index.html' };
    const event = { sender: { mainFrame: frame }, senderFrame: frame } as never;
    const result = await handler(event, { operation: SHELL_SAVE_FILE, input: { fileName: 'register.csv', dataBase64: CSV.toString('base64') } });
    expect(result).toEqual({ ok: true, value: { saved: true, path: electron.answer.filePath } });
    expect(dispatch).not.toHaveBeenCalled();
  });
});
