// `npm run screenshots`: every vendor's main states (the "Vendors/…" stories of the built Storybook,
// played to the end) in light and dark, English and Norwegian, 320 px and 1024 px wide, written to
// screenshots/<story id>--<locale>-<theme>-<width>.png, for a person to look over. Asserts nothing;
// not part of `npm test`.
// usage: node test/screenshots.mjs [--build] [storybook-static]
//   builds Storybook first when the directory has no build (or with --build: from the current sources)
//   SHOTS_STORIES=<substring>: only the stories whose id contains it
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { launch } from './chromium.mjs';

const args = process.argv.slice(2);
const root = resolve(args.find(a => !a.startsWith('--')) ?? 'storybook-static');
const out = resolve('screenshots');
const WIDTHS = [320, 1024];
const GLOBALS = ['locale:en;theme:light', 'locale:en;theme:dark', 'locale:nb;theme:light', 'locale:nb;theme:dark'];
const STORY_TIMEOUT_MS = 40_000;

if (args.includes('--build') || !existsSync(join(root, 'index.json'))) {
  console.log(`building Storybook into ${root} …`);
  const built = spawnSync('npx', ['storybook', 'build', '--quiet', '-o', root], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
const only = process.env.SHOTS_STORIES;
const stories = Object.values(index.entries).filter(
  e => e.type === 'story' && e.id.startsWith('vendors-') && (!only || e.id.includes(only)),
);

const types = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png',
};
const server = http.createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(root, `.${path}`);
  if (!file.startsWith(root + sep)) return res.writeHead(403).end();
  let body;
  try {
    body = await readFile(file);
  } catch {
    return res.writeHead(404).end();
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

// Runs in the page before Storybook: note when the story (and its play function) has finished.
function hookChannel() {
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(c) {
      channel = c;
      c.on('storyFinished', e => (window.__shot = e.status));
      c.on('storyErrored', () => (window.__shot = 'error'));
      c.on('storyThrewException', () => (window.__shot = 'error'));
    },
  });
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const started = Date.now();
let written = 0;
const problems = [];
const browser = await launch();
try {
  for (const globals of GLOBALS) {
    const [locale, theme] = globals.split(';').map(g => g.split(':')[1]);
    for (const story of stories) {
      const page = await browser.newPage();
      const popups = [];
      page.on('popup', p => p && popups.push(p));
      await page.setViewport({ width: WIDTHS[WIDTHS.length - 1], height: 800 });
      await page.evaluateOnNewDocument(hookChannel);
      try {
        await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story&globals=${globals}`);
        await page.waitForFunction(() => window.__shot, { timeout: STORY_TIMEOUT_MS });
        const status = await page.evaluate(() => window.__shot);
        if (status !== 'success') problems.push(`${story.id} [${globals}]: story ended with ${status}`);
        // the state the story ends in, at each width (widest first: the play function ran there)
        for (const width of [...WIDTHS].reverse()) {
          await page.setViewport({ width, height: 800 });
          await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
          const file = join(out, `${story.id}--${locale}-${theme}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true, captureBeyondViewport: true });
          written++;
        }
        process.stdout.write('.');
      } catch (e) {
        problems.push(`${story.id} [${globals}]: ${e.message.split('\n')[0]}`);
        process.stdout.write('✗');
      }
      for (const popup of popups) await popup.close().catch(() => {});
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`\n${written} screenshots of ${stories.length} stories in ${out} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
if (problems.length) console.log(`not taken or not finished:\n  ${problems.join('\n  ')}`);
process.exit(written ? 0 : 1);
