// Smoke-tests every story of a built Storybook in Chromium: serves the build, opens each story's
// iframe, waits for Storybook's `storyFinished` event (play functions included) and fails on
// play-function exceptions, story errors, page errors and console errors (in the page and in the
// login windows its play function opens), when Lit is loaded more than once, and when axe finds a
// WCAG 2.2 AA violation in the state the story ends in. Each story runs once per entry of GLOBALS (the
// toolbar's language and theme), so every story plays, and is checked, in every language and theme.
// usage: node test/storybook-smoke.mjs [storybook-static | http://127.0.0.1:6006]
//   a directory: a build (npm run build-storybook); a URL: a running `storybook dev`, whose
//   development build of Lit also says when it is loaded twice
//   SMOKE_STORIES=<substring>: only the stories whose id contains it; SMOKE_VERBOSE=1: failed HTTP calls too
// The last line is always `storybook-smoke: N passed, N failed`; the exit code is non-zero on any
// failure, or when no story ran.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extname, join, resolve, sep } from 'node:path';
import { launch } from './chromium.mjs';

const target = process.argv[2] ?? 'storybook-static';
const remote = /^https?:\/\//.test(target);
const root = remote ? '' : resolve(target);
// the closed-window story alone waits 10 s for the widget's grace period
const STORY_TIMEOUT_MS = 40_000;
const GLOBALS = ['locale:en;theme:light', 'locale:nb;theme:dark'];
const summary = (passed, failed) => console.log(`storybook-smoke: ${passed} passed, ${failed} failed`);

let index;
try {
  index = remote ? await (await fetch(new URL('index.json', target))).json() : JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
} catch (e) {
  console.log(`no Storybook at ${target} (${e.code ?? e.message}); run \`npm run build-storybook\` first`);
  summary(0, 0);
  process.exit(1);
}
const only = process.env.SMOKE_STORIES;
const stories = Object.values(index.entries).filter(e => e.type === 'story' && (!only || e.id.includes(only)));
// the autodocs pages (@storybook/addon-docs, from custom-elements.json): each must list every event,
// part and custom property of its element, each described, and what the README promises
const docs = Object.values(index.entries).filter(e => e.type === 'docs' && (!only || e.id.includes(only)));
const THEME_TOKENS = ['primary', 'on-primary', 'text', 'muted', 'border', 'surface', 'subtle', 'error', 'success']
  .map(c => `--cma-color-${c}`)
  .concat(['--cma-border', '--cma-focus-ring', '--cma-radius', '--cma-spacing', '--cma-font-family', '--cma-font-size', '--cma-max-width']);
const DOCUMENTED = {
  'register-app--docs': {
    tag: 'cma-register-app',
    promised: ['cma-ready', 'cma-step', 'cma-registered', 'cma-error', 'cma-cancel', 'base', 'header', 'logo', 'form', 'submit', 'status', ...THEME_TOKENS],
  },
  'field--docs': { tag: 'cma-field', promised: ['field-change', 'field', 'label', 'info', 'hint', 'input', 'error'] },
};
const manifest = JSON.parse(await readFile('custom-elements.json', 'utf8'));
const declarationOf = tag => manifest.modules.flatMap(m => m.declarations ?? []).find(d => d.tagName === tag);

const types = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png',
  '.map': 'application/json',
};
const server = http.createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(root, `.${path}`);
  if (!file.startsWith(root + sep)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
let base = target.replace(/\/$/, '');
if (!remote) {
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
}

// Runs in the page before Storybook: capture the preview channel's events.
function hookChannel() {
  let channel;
  window.__smoke = { errors: [] };
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(c) {
      channel = c;
      const fail = kind => e =>
        window.__smoke.errors.push(`${kind}: ${String(e?.message ?? JSON.stringify(e)).split('\n')[0]}`);
      c.on('playFunctionThrewException', fail('play function threw'));
      c.on('storyThrewException', fail('story threw'));
      c.on('storyErrored', fail('story errored'));
      c.on('storyMissing', fail('story missing'));
      c.on('unhandledErrorsWhilePlaying', fail('unhandled errors while playing'));
      c.on('storyFinished', e => { window.__smoke.finished = e.status; });
    },
  });
}

/** Lit packages loaded more than once in `page` (each copy registers its version on window). */
const litCopies = page =>
  page.evaluate(() =>
    ['litHtmlVersions', 'litElementVersions', 'reactiveElementVersions']
      .filter(key => (globalThis[key]?.length ?? 0) > 1)
      .map(key => `${key} = ${JSON.stringify(globalThis[key])}`),
  );

/** Records what goes wrong in `page` (the story's, or a login window it opened) in `errors`. */
function watch(page, errors, where = '') {
  page.on('pageerror', e => errors.push(`${where}pageerror: ${e.message.split('\n')[0]}`));
  page.on('console', m => {
    const text = m.text();
    // HTTP errors are logged as "Failed to load resource"; stories mock 4xx/5xx and network failures on purpose
    if (m.type() === 'error' && !text.startsWith('Failed to load resource')) errors.push(`${where}console.error: ${text.split('\n')[0]}`);
    // Lit's development build (storybook dev) says so when it is loaded twice
    if (m.type() === 'warn' && text.includes('Multiple versions of Lit')) errors.push(`${where}console.warn: ${text.split('\n')[0]}`);
  });
}

const AXE = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
/** The state the story ends in, checked by axe with the WCAG 2.2 AA rules: one line per violation. */
async function accessibility(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document.querySelector('#storybook-root') ?? document.body, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return violations.map(v => `axe ${v.id}: ${v.help} (${v.nodes.length}× ${v.nodes[0]?.target.join(' ')})`);
  });
}

const started = Date.now();
let passed = 0;
let failed = 0;
let browser;
try {
  browser = await launch();
  for (const globals of GLOBALS) {
    for (const story of stories) {
      const t0 = Date.now();
      const page = await browser.newPage();
      const errors = [];
      const popups = [];
      watch(page, errors);
      page.on('popup', popup => {
        if (!popup) return;
        popups.push(popup);
        watch(popup, errors, 'login window: ');
      });
      if (process.env.SMOKE_VERBOSE) page.on('response', r => r.status() >= 400 && console.log(`    (HTTP ${r.status()} ${r.url()})`));
      await page.evaluateOnNewDocument(hookChannel);
      try {
        await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story&globals=${globals}`);
        await page.waitForFunction(() => window.__smoke?.finished, { timeout: STORY_TIMEOUT_MS });
        errors.push(...(await litCopies(page)).map(copies => `Lit loaded more than once: ${copies}`));
        errors.push(...(await accessibility(page)));
      } catch (e) {
        errors.push(e.name === 'TimeoutError' ? `timed out after ${STORY_TIMEOUT_MS} ms waiting for storyFinished` : `${e.message.split('\n')[0]}`);
      }
      const result = await page.evaluate(() => window.__smoke).catch(() => undefined);
      errors.push(...(result?.errors ?? []));
      if (result?.finished && result.finished !== 'success') errors.push(`storyFinished status: ${result.finished}`);
      const name = `${story.id} [${globals}] (${Date.now() - t0} ms)`;
      if (errors.length) {
        failed++;
        console.log(`✗ ${name}\n    ${[...new Set(errors)].join('\n    ')}`);
      } else {
        passed++;
        console.log(`✓ ${name}`);
      }
      for (const popup of popups) await popup.close().catch(() => {});
      await page.close();
    }
  }
  for (const doc of docs) {
    const page = await browser.newPage();
    const errors = [];
    watch(page, errors);
    try {
      await page.goto(`${base}/iframe.html?id=${doc.id}&viewMode=docs`);
      // the reference table of the component, with its events, parts and custom properties where it has them
      await page.waitForFunction(() => document.querySelector('.docblock-argstable tbody tr'), { timeout: STORY_TIMEOUT_MS });
      const table = await page.evaluate(() => document.querySelector('.docblock-argstable').innerText);
      const { tag, promised = [] } = DOCUMENTED[doc.id] ?? {};
      const declared = declarationOf(tag);
      if (!declared) errors.push(`no <${tag}> in custom-elements.json (add ${doc.id} to DOCUMENTED)`);
      const items = [...(declared?.events ?? []), ...(declared?.cssParts ?? []), ...(declared?.cssProperties ?? [])];
      for (const { name, description } of items) {
        if (!table.includes(name)) errors.push(`${name} is not on the page`);
        if (!description?.trim()) errors.push(`${name} has no description in the JSDoc`);
      }
      for (const name of promised) if (!items.some(i => i.name === name)) errors.push(`${name} (in the README) is not documented`);
    } catch (e) {
      errors.push(e.name === 'TimeoutError' ? `no reference table after ${STORY_TIMEOUT_MS} ms` : `${e.message.split('\n')[0]}`);
    }
    if (errors.length) {
      failed++;
      console.log(`✗ ${doc.id} (docs)\n    ${[...new Set(errors)].join('\n    ')}`);
    } else {
      passed++;
      console.log(`✓ ${doc.id} (docs)`);
    }
    await page.close();
  }
} catch (e) {
  failed++;
  console.log(`✗ smoke run aborted: ${e.message.split('\n')[0]}`);
} finally {
  await browser?.close();
  if (!remote) server.close();
}
console.log(`${stories.length} stories × ${GLOBALS.length} globals in ${((Date.now() - started) / 1000).toFixed(1)} s`);
summary(passed, failed);
process.exit(failed || !passed ? 1 : 0);
