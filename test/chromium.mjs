// Shared puppeteer-core launcher for an installed Chromium (no browser download).
// CHROME_PATH overrides the default Debian path, e.g. to point at Chrome on macOS or Windows.
import puppeteer from 'puppeteer-core';

export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // the lifecycle test compares the heap after full collections (test/components/cycles.test.ts)
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
];

export function launch() {
  return puppeteer.launch({ executablePath: chromePath, headless: true, args: chromiumArgs });
}
