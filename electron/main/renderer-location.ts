import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the renderer comes from: the built out/renderer/index.html, or electron-vite's dev server
 * when ELECTRON_RENDERER_URL is set. `isRendererUrl` is the one test of "this is our page", used
 * for navigation and for the IPC sender check; URLs are parsed, never compared as prefixes.
 */
export interface RendererLocation {
  /** What to hand to loadFile / loadURL. */
  load: { file: string } | { url: string };
  isRendererUrl(url: string): boolean;
}

export function rendererLocation(outDir: string, devServerUrl: string | undefined): RendererLocation {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin;
    return { load: { url: devServerUrl }, isRendererUrl: (url) => parse(url)?.origin === origin };
  }
  const file = join(outDir, 'renderer', 'index.html');
  const expected = pathToFileURL(file);
  return {
    load: { file },
    isRendererUrl: (url) => {
      const parsed = parse(url);
      // The hash and query may change (in-page routes); the document may not.
      return parsed?.protocol === 'file:' && parsed.host === expected.host && parsed.pathname === expected.pathname;
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
