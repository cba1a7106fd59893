// The demo page as `npm start` serves it: vite's dev server with this repository's config (so the
// mock backend runs on its own origins, as for a person trying the demo), in Chromium.
// - at 320, 375, 768, 1024 and 1440 px wide: nothing scrolls sideways (with the demo's controls and
//   the site's menu folded and unfolded), axe finds no WCAG 2.2 AA violation, and the widget shows
//   its first step; on narrow screens the site's nav folds behind "Menu";
// - the dark theme: the page and the widget turn dark together, and axe is still content;
// - "Open in a dialog": the widget in the partner's <dialog>, the flow completed, Done closes the
//   dialog and the page (hearing the dialog's `close`) lists the app and says what happens next.
// Prints one line per check and "demo: N passed, N failed" last. About 15 s.
import { assert, checks } from './checks.mjs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { launch } from './chromium.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WIDTHS = [320, 375, 768, 1024, 1440];
const NARROW = 768; // below 48rem the site's nav folds behind "Menu", and the demo's controls start folded
const WAIT = { timeout: 30_000 }; // a busy 2-core machine: generous, and never a fixed sleep
const API_KEY = '0123456789abcdef0123456789abcdef-us21';
const AXE = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');

const { check, broke, finish } = checks('demo');

// the dependency cache of this run stays out of node_modules/.vite, which other checkouts may share
const cacheDir = mkdtempSync(join(tmpdir(), 'cma-demo-vite-'));
let server;
let browser;
try {
  server = await createServer({
    root: repo,
    configFile: join(repo, 'vite.config.ts'),
    cacheDir,
    logLevel: 'error',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: true, watch: null },
    // scan only the demo for dependencies to pre-bundle, at start-up (no reload once the page runs)
    optimizeDeps: { entries: ['demo/index.html'] },
  });
  await server.listen();
  const base = server.resolvedUrls.local[0];
  browser = await launch();

  /** Opens the demo at `width` px with `query`; fails on page errors and console errors. */
  async function open(width, query = '') {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', error => problems.push(`page error: ${error.message}`));
    page.on('console', message => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
    });
    await page.setViewport({ width, height: 800 });
    await page.goto(`${base}demo/${query}`, { waitUntil: 'load', ...WAIT });
    return { page, problems };
  }
  /** Waits for `selector` in the widget's shadow root (checked each frame: it renders after the page loads). */
  const inWidget = (page, selector) =>
    page.waitForFunction(s => document.querySelector('cma-register-app')?.shadowRoot?.querySelector(s), { ...WAIT, polling: 'raf' }, selector);
  /** The widget's first step: MailChimp's key field, named by its label. */
  async function firstStep(page) {
    await inWidget(page, 'input[name="apiKey"]');
    const label = await page.evaluate(() => {
      const input = document.querySelector('cma-register-app').shadowRoot.querySelector('input[name="apiKey"]');
      return input.labels?.[0]?.textContent.trim();
    });
    assert(/API key/.test(label ?? ''), `the first step's field is labelled "${label}"`);
  }
  /** Sideways scrolling, and what sticks out past the right edge of the viewport when there is some. */
  async function overflow(page, state) {
    const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      culprits: [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5 && !e.closest('dialog:not([open])'))
        .slice(0, 8)
        .map(e => `${e.localName}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`),
    }));
    assert(scrollWidth <= innerWidth, `${state}: the page is ${scrollWidth} px wide in a ${innerWidth} px viewport (past the edge: ${culprits.join(', ')})`);
  }
  /** axe with the WCAG 2.2 A and AA rules on the whole document (the widget's shadow root included). */
  async function axe(page, state) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const { violations } = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return violations.map(v => `${v.id}: ${v.help} (${v.nodes.length}× ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')})`);
    });
    assert(violations.length === 0, `${state}: axe found\n    ${violations.join('\n    ')}`);
  }
  const visible = (page, selector) =>
    page.evaluate(s => {
      const e = document.querySelector(s);
      return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    }, selector);

  for (const width of WIDTHS) {
    await check(`${width} px: no sideways scroll, no WCAG 2.2 AA violation (axe), the widget shows its first step`, async () => {
      const { page, problems } = await open(width);
      try {
        await firstStep(page);
        await overflow(page, 'as loaded');
        const narrow = width < NARROW;
        assert((await page.$eval('#demo-panel', d => d.open)) === !narrow, `the demo's controls are ${narrow ? 'unfolded' : 'folded'} at first`);
        assert((await visible(page, '#menu-toggle')) === narrow, `the site's Menu button is ${narrow ? 'hidden' : 'shown'}`);
        assert((await visible(page, '#site-nav')) === !narrow, `the site's nav is ${narrow ? 'shown before Menu is pressed' : 'hidden'}`);
        if (narrow) {
          await axe(page, 'folded');
          await page.click('#menu-toggle');
          assert(await visible(page, '#site-nav a[aria-current="page"]'), 'Menu does not show the nav');
          assert((await page.$eval('#menu-toggle', b => b.getAttribute('aria-expanded'))) === 'true', 'Menu is not aria-expanded');
          await page.click('#demo-panel summary');
          await overflow(page, 'menu and demo controls unfolded');
        }
        await axe(page, narrow ? 'menu and demo controls unfolded' : 'as loaded');
        assert(problems.length === 0, problems.join('\n'));
      } finally {
        await page.close();
      }
    });
  }

  await check('dark theme (375 px): the page and the widget turn dark together; axe finds nothing', async () => {
    const { page, problems } = await open(375, '?theme=dark');
    try {
      await firstStep(page);
      const colours = await page.evaluate(() => ({
        page: getComputedStyle(document.body).backgroundColor,
        widget: getComputedStyle(document.querySelector('cma-register-app').shadowRoot.querySelector('[part="base"]')).backgroundColor,
      }));
      const dark = rgb => rgb.match(/\d+/g).slice(0, 3).reduce((sum, n) => sum + Number(n), 0) < 3 * 64;
      assert(dark(colours.page) && dark(colours.widget), `the page is ${colours.page} and the widget ${colours.widget}`);
      await page.click('#demo-panel summary');
      await overflow(page, 'dark');
      await axe(page, 'dark');
      // "Light" in the demo's controls turns both back at once, the widget through color-scheme on the element
      await page.click('input[name="theme"][value="light"]');
      const light = await page.evaluate(() => getComputedStyle(document.querySelector('cma-register-app').shadowRoot.querySelector('[part="base"]')).backgroundColor);
      assert(!dark(light), `after Light the widget is ${light}`);
      assert(new URL(page.url()).searchParams.get('theme') === 'light', `the URL does not keep the theme: ${page.url()}`);
      assert(problems.length === 0, problems.join('\n'));
    } finally {
      await page.close();
    }
  });

  await check('"Open in a dialog" (375 px): Done closes the dialog, and the page lists the app and says what happens next', async () => {
    const { page, problems } = await open(375, '?dialog=1');
    try {
      await page.waitForFunction(() => document.querySelector('#open-dialog')?.textContent === 'Connect MailChimp', WAIT);
      assert(await page.$eval('#launcher', l => !l.hidden), 'no launcher on the page');
      await page.click('#open-dialog');
      await firstStep(page);
      assert(await page.$eval('#connect-dialog', d => d.open && d.matches(':modal')), 'the dialog is not open as a modal');
      // focus goes to the first field, not to the dialog's close button
      await page.waitForFunction(() => document.querySelector('cma-register-app').shadowRoot.activeElement?.getAttribute('name') === 'apiKey', WAIT);
      await overflow(page, 'dialog open');
      await axe(page, 'dialog open');
      await page.keyboard.type(API_KEY);
      await (await inWidget(page, 'button[type="submit"]')).click();
      const done = await page.waitForFunction(
        () => [...document.querySelector('cma-register-app').shadowRoot.querySelectorAll('button')].find(b => b.textContent.trim() === 'Done'),
        WAIT,
      );
      await axe(page, 'success in the dialog');
      await done.click();
      // the dialog's `close` event comes in a task after it closes: wait for what the page does on it
      await page.waitForFunction(() => !document.querySelector('#connect-dialog').open && document.querySelector('#next').textContent, WAIT);
      const after = await page.evaluate(() => ({
        next: document.querySelector('#next').textContent,
        apps: [...document.querySelectorAll('#connected .app-name')].map(a => a.textContent),
        log: [...document.querySelectorAll('#events > li > strong')].map(s => s.textContent.replace(/^\S+ (?:[AP]M )?/, '')),
      }));
      assert(/^MailChimp is connected\./.test(after.next), `the page says "${after.next}"`);
      assert(after.apps.includes('MailChimp'), `connected apps: ${after.apps.join(', ')}`);
      // newest first: the widget's cma-registered, then the dialog's own close that Done caused
      assert(after.log[0].startsWith('dialog close') && after.log[1] === 'cma-registered', `events, newest first: ${after.log.join(', ')}`);
      await axe(page, 'after the dialog closed');
      assert(problems.length === 0, problems.join('\n'));
    } finally {
      await page.close();
    }
  });
} catch (error) {
  broke(error);
} finally {
  await browser?.close();
  await server?.close();
  rmSync(cacheDir, { recursive: true, force: true });
}
finish();
