// Unpacks the Chromium that ships inside the @sparticuz/chromium npm package (no browser download
// is possible on every machine) and records its path for playwright.config.ts, which must read it
// synchronously. PLAYWRIGHT_CHROMIUM_EXECUTABLE overrides it (e.g. /usr/bin/chromium).
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

async function main() {
  let path = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (!path) {
    const chromium = (await import('@sparticuz/chromium')).default;
    path = await chromium.executablePath();
  }
  const dir = join(__dirname, '..', 'node_modules', '.cache', 'istiqbal');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'test-browser.json'), JSON.stringify({ executablePath: path }));
  console.log(`test browser: ${path}`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
