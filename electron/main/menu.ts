import { Menu, dialog, type MenuItemConstructorOptions } from 'electron';
import type { AboutView } from '@shared/contract';
import { aboutLines } from '@shared/labels/about-lines';
import { ar } from '@shared/labels/ar';

const m = ar.menu;

export interface MenuFacts {
  /** Dev tools are for developers: in a development run (`npm run dev`) only, never in `npm start`. */
  development: boolean;
  /** «حول البرنامج»: the core's (computer.about), so the menu and the desk's own dialog say the same. */
  about: AboutView;
}

/** The Arabic application menu; with Chromium's locale set to Arabic (index.ts) the bar reads right to left. */
export function menuTemplate(facts: MenuFacts): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: m.reload, role: 'reload' },
    { type: 'separator' },
    { label: m.zoomIn, role: 'zoomIn' },
    { label: m.zoomOut, role: 'zoomOut' },
    { label: m.resetZoom, role: 'resetZoom' },
    { type: 'separator' },
    { label: m.fullScreen, role: 'togglefullscreen' },
  ];
  if (facts.development) view.push({ type: 'separator' }, { label: m.devTools, role: 'toggleDevTools' });

  return [
    { label: m.file, submenu: [{ label: m.quit, role: 'quit' }] },
    {
      label: m.edit,
      submenu: [
        { label: m.undo, role: 'undo' },
        { label: m.redo, role: 'redo' },
        { type: 'separator' },
        { label: m.cut, role: 'cut' },
        { label: m.copy, role: 'copy' },
        { label: m.paste, role: 'paste' },
        { label: m.selectAll, role: 'selectAll' },
      ],
    },
    { label: m.view, submenu: view },
    {
      label: m.help,
      role: 'help',
      submenu: [{ label: ar.computer.about, click: () => void dialog.showMessageBox(aboutBox(facts.about)) }],
    },
  ];
}

/** The menu's «حول البرنامج»: before sign-in too, where the desk's own dialog (the user menu) is not yet reachable. */
export function aboutBox(about: AboutView) {
  return {
    type: 'info' as const,
    title: ar.computer.about,
    message: `${ar.computer.appName} — ${ar.computer.tagline}`,
    // A path read left to right inside an Arabic line: isolated, so its slashes and dots stay in order.
    detail: aboutLines(about)
      .map((line) => `${line.label}: ${line.ltr ? `\u2066${line.value}\u2069` : line.value}`)
      .join('\n'),
  };
}

export function installMenu(facts: MenuFacts): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(facts)));
}
