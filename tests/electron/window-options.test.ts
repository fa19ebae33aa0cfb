import { describe, expect, it } from 'vitest';
import { defaultWindowOptions } from '../../electron/main/window-options';

describe('defaultWindowOptions', () => {
  const { webPreferences } = defaultWindowOptions('/app/out/preload/index.cjs');

  it('isolates and sandboxes the renderer, with no Node in it', () => {
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and offers no <webview>, insecure content or spellcheck', () => {
    expect(webPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
  });

  it('sizes the window for a desk and paints a background before the page does', () => {
    const options = defaultWindowOptions('/p');
    expect(options.minWidth).toBeGreaterThanOrEqual(1024);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.show).toBe(false);
  });
});
