import { DEVICE_KINDS, type DeviceKind } from './domain/devices';

export type PageScreen = 'desk' | DeviceKind;

/** The loopback shell's pages of the device screens (`/display`, `/kiosk`): the desk's renderer, which picks its screen from the path. */
export const DEVICE_PAGES: ReadonlySet<string> = new Set(DEVICE_KINDS.map((kind) => `/${kind}`));

/**
 * Which screen this page is: the loopback shell serves the device screens at `/display` and `/kiosk`;
 * the Electron shell's one document (app://istiqbal/index.html) names it in the query (`?screen=display`).
 */
export function screenOfPage(location: { pathname: string; search: string }): PageScreen {
  const named = new URLSearchParams(location.search).get('screen') ?? location.pathname.replace(/^\/+|\/+$/g, '');
  return (DEVICE_KINDS as readonly string[]).includes(named) ? (named as DeviceKind) : 'desk';
}
