import type { AboutView } from '../contract/computer';
import { ar } from './ar';

const c = ar.computer;

/** One line of «حول البرنامج»: a label, and a value that is a path, an address or a version (read left to right). */
export interface AboutLine {
  label: string;
  value: string;
  ltr: boolean;
}

/** What «حول البرنامج» lists, the same in the Electron menu's dialog and the desk's own (renderer/app/AboutDialog.tsx). */
export function aboutLines(about: AboutView): AboutLine[] {
  const store: AboutLine[] =
    about.store.engine === 'sqlite'
      ? [{ label: `${c.store} (${c.storeFile})`, value: about.store.file, ltr: true }]
      : [
          { label: `${c.store} (${c.storeServer})`, value: `${about.store.host}:${about.store.port}`, ltr: true },
          { label: c.database, value: about.store.database, ltr: true },
        ];
  return [
    { label: c.version, value: about.version, ltr: true },
    { label: c.dataFolder, value: about.dataDir, ltr: true },
    ...store,
    { label: c.shell, value: c[about.shell], ltr: false },
  ];
}
