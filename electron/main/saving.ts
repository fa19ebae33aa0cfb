import { writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { z } from 'zod';
import { SHELL_SAVE_FILE, type ShellSaveResult } from '@shared/bridge';
import type { Envelope } from '@shared/errors';
import { ar } from '@shared/labels/ar';

/**
 * Saving an exported register in the Electron shell: the renderer gets the file from the core
 * (registers.export) and hands it here as `shell.saveFile`; the system's save dialog asks where, and
 * the file is written there. Only the spreadsheets the core makes are taken: an XLSX (a zip) or a CSV
 * that starts with its byte-order mark, under a name of their own type.
 */
export { SHELL_SAVE_FILE };

/** A year of a busy hall's register as XLSX is some tens of megabytes. */
const SAVE_MAX_BYTES = 200_000_000;

const KINDS = {
  xlsx: { magic: Buffer.from('PK\u0003\u0004', 'latin1'), filter: ar.fileFormats.xlsx! },
  csv: { magic: Buffer.from([0xef, 0xbb, 0xbf]), filter: ar.fileFormats.csv! },
} as const;

const saveRequest = z.object({
  fileName: z.string().min(1).max(200),
  dataBase64: z
    .string()
    .min(4)
    .max(Math.ceil(SAVE_MAX_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

/** A file name of letters, digits, dot, dash and underscore: never a path. */
export function savedFileName(fileName: string): string {
  return basename(fileName.replaceAll('\\', '/'))
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 120);
}

export async function saveFile(input: unknown, parent: BrowserWindow | null): Promise<Envelope<ShellSaveResult>> {
  const parsed = saveRequest.safeParse(input);
  if (!parsed.success) return refused(ar.errors.validation);
  const name = savedFileName(parsed.data.fileName);
  const extension = /\.(xlsx|csv)$/i.exec(name)?.[1]?.toLowerCase() as keyof typeof KINDS | undefined;
  const bytes = Buffer.from(parsed.data.dataBase64, 'base64');
  if (!extension || !bytes.subarray(0, KINDS[extension].magic.length).equals(KINDS[extension].magic)) {
    return refused(ar.registers.notAnExport);
  }
  const options = {
    title: ar.registers.title,
    defaultPath: join(defaultFolder(), name),
    filters: [{ name: KINDS[extension].filter, extensions: [extension] }],
  };
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } };
  // Names of people: readable by this account only, as the desk's own files are (an existing file keeps its mode).
  writeFileSync(choice.filePath, bytes, { mode: 0o600 });
  return { ok: true, value: { saved: true, path: choice.filePath } };
}

/** Where the dialog opens: the user's documents, as the system names them. */
function defaultFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    // A system without a documents folder: the home folder.
    return homedir();
  }
}

function refused(message: string): Envelope<never> {
  return { ok: false, error: { code: 'validation', message } };
}
