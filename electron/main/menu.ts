import { Menu, dialog, type MenuItemConstructorOptions } from 'electron';
import { ar, fill } from '../../shared/labels/ar';

const m = ar.menu;

export interface MenuFacts {
  /** Dev tools are for developers: in a development run (`npm run dev`) only, never in `npm start`. */
  development: boolean;
  version: string;
  dataDir: string;
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
      submenu: [
        {
          label: m.about,
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: m.about,
              message: fill(m.aboutMessage, { version: facts.version }),
              detail: fill(m.dataFolder, { dir: facts.dataDir }),
            }),
        },
      ],
    },
  ];
}

export function installMenu(facts: MenuFacts): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(facts)));
}
