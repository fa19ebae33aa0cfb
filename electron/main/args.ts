import { parseArgs } from 'node:util';

export interface DeskArgs {
  dataDir?: string;
  demo: boolean;
}

/** The same flags as the loopback shell; anything else (Chromium switches) is left alone. */
export function parseDeskArgs(args: string[]): DeskArgs {
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, demo: { type: 'boolean', default: false } },
    strict: false,
    allowPositionals: true,
  });
  const dataDir = values['data-dir'];
  return { dataDir: typeof dataDir === 'string' ? dataDir : undefined, demo: values.demo === true };
}
