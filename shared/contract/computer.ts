import { z } from 'zod';
import { emptyInput, mutation, query } from './define';

/** Where this desk keeps its store: the SQLite file, or the PostgreSQL server and database (never the user or password). */
export type StoreView = { engine: 'sqlite'; file: string } | { engine: 'postgres'; host: string; port: number; database: string };

/** «حول البرنامج»: which program this is and where its data lives on this computer. */
export interface AboutView {
  version: string;
  /** The data folder in the user's profile (or --data-dir): the SQLite store, scans, printed PDFs, backups. */
  dataDir: string;
  store: StoreView;
  /** The desktop app (Electron window) or the loopback shell in a browser. */
  shell: 'desktop' | 'browser';
}

/**
 * Whether the desk starts when the user signs in to this computer. It belongs to the computer, not the
 * association: it is kept by the operating system for this user, never in the shared store.
 */
export interface StartWithSystemView {
  /** Only the desktop app on Windows can set it; elsewhere the screen says so. */
  available: boolean;
  enabled: boolean;
}

/** Facts and settings of this computer's desk, which the shell passes in (the core never imports electron). */
export const computerOperations = {
  'computer.about': query<AboutView>()({ input: emptyInput, access: 'signed-in' }),
  'computer.startWithSystem': query<StartWithSystemView>()({ input: emptyInput, access: ['admin'] }),
  'computer.setStartWithSystem': mutation<StartWithSystemView>()({
    input: z.object({ startWithSystem: z.boolean() }).strict(),
    access: ['admin'],
    invalidates: ['computer.startWithSystem'],
  }),
} as const;
