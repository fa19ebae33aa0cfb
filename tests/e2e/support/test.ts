import { test as base, type BrowserContext } from '@playwright/test';

export { expect } from '@playwright/test';
export type { Browser, Locator, Page } from '@playwright/test';

/**
 * Every spec's `test`: Playwright's, plus the closing of the desks earlier spec files left open.
 *
 * A spec opens its desks in browser contexts of its own and may keep them across its tests (the serial
 * specs), so nothing closed them at its end: every desk of every earlier spec went on polling its
 * store or listening for changes (some to a shell already stopped), and by the last specs some seventy
 * pages were loading a two-core machine, enough to make a desk's answers late.
 */
const openedBy = new Map<BrowserContext, string>();

export const test = base.extend<{ closeEarlierSpecsDesks: void }>({
  closeEarlierSpecsDesks: [
    async ({ browser }, use, testInfo) => {
      // A context not seen yet was opened by this file's beforeAll (hooks run before a test's fixtures).
      for (const context of browser.contexts()) if (!openedBy.has(context)) openedBy.set(context, testInfo.file);
      for (const [context, file] of openedBy) {
        if (file === testInfo.file) continue;
        openedBy.delete(context);
        await context.close().catch(() => undefined); // already closed by its spec: nothing left to do
      }
      await use();
      for (const context of browser.contexts()) if (!openedBy.has(context)) openedBy.set(context, testInfo.file);
    },
    { auto: true },
  ],
});
