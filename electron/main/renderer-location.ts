import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './app-protocol';

/**
 * Where the renderer comes from: app://istiqbal/index.html (app-protocol.ts serves the built
 * out/renderer), or electron-vite's dev server in a development run (run-mode.ts). `isRendererUrl`
 * is the one test of "this is our page", used for navigation and for the IPC sender check; URLs are
 * parsed, never compared as prefixes.
 */
export interface RendererLocation {
  /** What the desk window loads. */
  url: string;
  isRendererUrl(url: string): boolean;
}

export function rendererLocation(devServerUrl: string | undefined): RendererLocation {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin;
    return { url: devServerUrl, isRendererUrl: (url) => parse(url)?.origin === origin };
  }
  return {
    url: APP_INDEX_URL,
    isRendererUrl: (url) => {
      const parsed = parse(url);
      // The hash and query may change (in-page routes); the document may not. (A URL of a scheme
      // the URL standard does not know has no origin to compare: scheme and host are compared.)
      return parsed?.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.pathname === '/index.html' && !parsed.username && !parsed.password && !parsed.port;
    },
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
