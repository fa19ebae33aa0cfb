import { parseArgs } from 'node:util';

export interface DeskArgs {
  dataDir?: string;
  /** `--store postgres://…` (or ISTIQBAL_STORE, read by the caller): the store when it is not the SQLite file. */
  store?: string;
  demo: boolean;
}

/** The same flags as the loopback shell; anything else (Chromium switches) is left alone. */
export function parseDeskArgs(args: string[]): DeskArgs {
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, store: { type: 'string' }, demo: { type: 'boolean', default: false } },
    strict: false,
    allowPositionals: true,
  });
  const dataDir = values['data-dir'];
  const store = values.store;
  return { dataDir: typeof dataDir === 'string' ? dataDir : undefined, store: typeof store === 'string' ? store : undefined, demo: values.demo === true };
}
