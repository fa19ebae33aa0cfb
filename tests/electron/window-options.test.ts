import { describe, expect, it } from 'vitest';
import { defaultWindowOptions, printPreviewWindowOptions } from '../../electron/main/window-options';

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

  it('has no DevTools unless a development run asks for them', () => {
    expect(webPreferences?.devTools).toBe(false);
    expect(defaultWindowOptions('/p', true).webPreferences?.devTools).toBe(true);
    expect(printPreviewWindowOptions('إقرار', 'p').webPreferences?.devTools).toBe(false);
  });

  it('sizes the window for a desk and paints a background before the page does', () => {
    const options = defaultWindowOptions('/p');
    expect(options.minWidth).toBeGreaterThanOrEqual(1024);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.show).toBe(false);
  });
});

describe('printPreviewWindowOptions', () => {
  const preview = printPreviewWindowOptions('إقرار', 'istiqbal-print-preview');

  it('hardens the preview exactly like the desk window, without a preload (no bridge in it)', () => {
    const { preload: _, ...desk } = defaultWindowOptions('/p').webPreferences!;
    expect(preview.webPreferences).toMatchObject(desk);
    expect(preview.webPreferences).not.toHaveProperty('preload');
  });

  it('turns plugins on (the PDF viewer) in its own session, and only there', () => {
    expect(preview.webPreferences).toMatchObject({ plugins: true, partition: 'istiqbal-print-preview' });
    expect(defaultWindowOptions('/p').webPreferences?.plugins).toBeUndefined();
    expect(preview.title).toBe('إقرار');
  });
});
