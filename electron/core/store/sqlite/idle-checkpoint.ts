import type BetterSqlite3 from 'better-sqlite3';

/** How long after a change the store waits for a quiet moment before copying the WAL into the file. */
export const CHECKPOINT_IDLE_MS = 250;
/**
 * SQLite's own checkpoint, inside a commit, only past this many WAL pages (about 40 MB): the
 * safety net for a desk that never pauses. Its default (1,000 pages) ran one on every ~40th
 * submission, and that commit took three times as long as the others.
 */
export const SAFETY_CHECKPOINT_PAGES = 10_000;

export interface IdleCheckpoint {
  /** A change was committed: a checkpoint follows once no transaction is open. */
  changed(): void;
  close(): void;
}

/**
 * SQLite copies the WAL back into the store's file (a checkpoint: every changed page written and the
 * file synced) inside whichever commit crosses its threshold, so one receptionist's press in forty
 * waited for it. Here it runs on a timer a moment after the changes, when the connection has no
 * transaction open: a desk's calls come seconds apart, so it lands between them. PASSIVE: it never
 * waits for another connection (a backup reading, another process writing) and never blocks one.
 */
export function idleCheckpoint(raw: BetterSqlite3.Database, idleMs = CHECKPOINT_IDLE_MS): IdleCheckpoint {
  raw.pragma(`wal_autocheckpoint = ${SAFETY_CHECKPOINT_PAGES}`);
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const later = () => {
    timer = setTimeout(run, idleMs);
    timer.unref(); // never keeps a closing process alive
  };
  const run = () => {
    timer = null;
    if (closed || !raw.open) return;
    // A write transaction waiting on something between its statements: after it, not inside it.
    if (raw.inTransaction) return later();
    try {
      raw.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Another process checkpointing or the file going away (a restore): the next change tries again.
    }
  };
  return {
    changed() {
      if (!timer && !closed) later();
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
