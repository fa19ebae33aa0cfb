import type { AboutView, StoreView } from '@shared/contract';
import { APP_VERSION } from '../backup/manifest';
import type { ShellFacts } from './shell-facts';

type StoreChoice = { kind: 'sqlite' } | { kind: 'postgres'; url: string };

/** «حول البرنامج»: the version, the data folder, the store in use and the shell, fixed for the life of the core. */
export function aboutFacts(options: { dataDir: string; storeFile: string; store: StoreChoice; shell: ShellFacts }): AboutView {
  return { version: APP_VERSION, dataDir: options.dataDir, store: storeView(options.store, options.storeFile), shell: options.shell.kind };
}

/** The PostgreSQL server and database named by the store's URL; its user and password are never shown. */
export function storeView(store: StoreChoice, storeFile: string): StoreView {
  if (store.kind === 'sqlite') return { engine: 'sqlite', file: storeFile };
  const url = new URL(store.url);
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || url.searchParams.get('dbname') || '';
  return { engine: 'postgres', host: url.hostname || 'localhost', port: Number(url.port) || 5432, database };
}
