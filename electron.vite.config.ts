import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * Three builds (electron-vite): the Electron main process (with the loopback shell as a second
 * entry: it is plain Node and runs the same core; and the job worker as a third, the thread that
 * builds large documents: electron/core/jobs/worker-script.ts finds it beside them), the sandboxed
 * preload (CommonJS, as sandboxed preloads must be), and the React renderer.
 */
// `@shared/…` is shared/ in every build, as in the tsconfigs' paths (and vitest.config.mts).
const alias = { '@shared': resolve(__dirname, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          loopback: resolve(__dirname, 'electron/loopback/cli.ts'),
          'job-worker': resolve(__dirname, 'electron/core/jobs/job-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    // The hall display's chime (resources/sounds, made by scripts/make-chime.cjs) beside index.html, as is.
    publicDir: resolve(__dirname, 'resources/sounds'),
    plugins: [react()],
    resolve: { alias },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Fonts and images as files, never data: URIs, which the Content-Security-Policy refuses.
      assetsInlineLimit: 0,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
