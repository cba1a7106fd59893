// `npm run test:hosts` (after `npm run build`): the package as its users get it, in three host pages.
//
// `npm pack` makes the tarball, which is unpacked into node_modules/@connectmyapps/register-app of a
// scratch project (its other packages are the repository's own, linked: nothing is downloaded). There:
//   html/   a plain page that loads dist/cma-register-app.js from a CDN URL;
//   react/  a React 19 app (properties and oncma-* props on the element), built with Vite;
//   vue/    a Vue 3 app (isCustomElement, @cma-* listeners), built with Vite;
// the React and Vue ones type-checked with tsc first (the package's JSX and GlobalComponents typings).
// Each page runs in Chromium on https://partner.example.com, with the CDN and https://api.example.com
// answered from the tarball and the mock API (mocks/server) through request interception, so the
// pages are what the README shows, word for word (checked here too). Each completes MailChimp's flow
// and must show the connection id its own cma-registered listener received.
//
// Prints one line per check and "hosts: N passed, N failed" last. KEEP=1 keeps the scratch project.
import { assert, checks } from '../checks.mjs';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../chromium.mjs';
import { startMockServers } from '../../mocks/server/index.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const PACKAGE = '@connectmyapps/register-app';
const SITE = 'https://partner.example.com';
const CDN = `https://cdn.example.com/${PACKAGE}/`;
const API = 'https://api.example.com/v1/';
const SESSION_TOKEN = 'host-session-token-0123';
const API_KEY = '0123456789abcdef0123456789abcdef-us21';
const WAIT = { timeout: 30_000 }; // a busy 2-core machine: generous, and never a fixed sleep

const { check, broke, finish } = checks('hosts');
/** Runs a command; resolves with its output, rejects with it when it fails. */
function run(cmd, args, cwd) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', d => (output += d));
    child.stderr.on('data', d => (output += d));
    child.on('close', code => (code === 0 ? resolvePromise(output) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${output}`))));
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'cma-hosts-'));
const installed = join(scratch, 'node_modules', PACKAGE);
let browser;
let mocks;
try {
  // ——— the package as npm packs it ———
  let files = [];
  const packedOk = await check('npm pack: the tarball holds what the exports name, and no sources, tests, mocks or stories', async () => {
    assert(existsSync(join(repo, 'dist/index.js')), 'dist/ is missing: run npm run build first');
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: repo, encoding: 'utf8' }));
    files = packed.files.map(f => f.path);
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(scratch, packed.filename), '-C', installed, '--strip-components=1']);
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    const targets = value => (typeof value === 'string' ? [value] : Object.values(value).flatMap(targets));
    for (const target of [...targets(pkg.exports), pkg.types, pkg.main, ...Object.values(pkg.bin)].map(t => t.replace(/^\.\//, ''))) {
      assert(files.includes(target), `the tarball has no ${target}`);
    }
    const stray = files.filter(f => /^(src|test|mocks|stories|demo|public|storybook-static|coverage|\.storybook|\.ci)\//.test(f) || /\.test\.|\.stories\./.test(f));
    assert(stray.length === 0, `the tarball holds ${stray.join(', ')}`);
    for (const lazy of readFileSync(join(installed, 'dist/cma-register-app.js'), 'utf8').matchAll(/\bimport\(\s*["'`]\.\/([^"'`]+)["'`]\s*\)/g)) {
      assert(files.includes(`dist/${lazy[1]}`), `dist/cma-register-app.js loads ./${lazy[1]}, which the tarball lacks`);
    }
    console.log(`  ${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(1)} KB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked`);
  });
  if (!packedOk) throw new Error('no package to test');

  // The scratch project's other packages: the repository's, linked (as npm would have installed them)
  const modules = join(repo, 'node_modules');
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.')) continue;
    if (entry === '@connectmyapps') {
      for (const sub of readdirSync(join(modules, entry))) if (sub !== 'register-app') symlinkSync(join(modules, entry, sub), join(scratch, 'node_modules', entry, sub));
      continue;
    }
    symlinkSync(join(modules, entry), join(scratch, 'node_modules', entry));
  }
  for (const host of ['html', 'react', 'vue']) cpSync(join(here, host), join(scratch, host), { recursive: true });

  await check('README: its plain HTML, React and Vue snippets are the host pages tested here, word for word', () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    for (const file of ['html/index.html', 'react/Connect.tsx', 'vue/main.ts']) {
      const text = readFileSync(join(here, file), 'utf8').trimEnd();
      assert(readme.includes(text), `README.md does not show test/hosts/${file} as it is`);
    }
  });

  // ——— type checks, with the package's own .d.ts files checked too (skipLibCheck: false) ———
  const tsc = join(modules, 'typescript/bin/tsc');
  const tscStarted = performance.now();
  const [reactTypes, vueTypes] = await Promise.allSettled(['react', 'vue'].map(host => run(process.execPath, [tsc, '-p', join(scratch, host, 'tsconfig.json')], scratch)));
  console.log(`  tsc -p react/ and vue/, side by side: ${Math.round(performance.now() - tscStarted)} ms`);
  await check('React: Connect.tsx and typings.tsx type-check (JSX.IntrinsicElements, oncma-* props, tag and event maps)', () => {
    if (reactTypes.status === 'rejected') throw reactTypes.reason;
  });
  await check('Vue: main.ts and typings.ts type-check (GlobalComponents props and $emit)', () => {
    if (vueTypes.status === 'rejected') throw vueTypes.reason;
  });

  // ——— bundler builds ———
  const { build } = await import('vite');
  const builds = {};
  for (const host of ['react', 'vue']) {
    await check(`${host === 'react' ? 'React' : 'Vue'}: vite build of the app`, async () => {
      const root = join(scratch, host);
      await build({ root, configFile: join(root, 'vite.config.mjs'), mode: 'production' });
      builds[host] = join(root, 'dist');
    });
  }

  // ——— the pages in Chromium ———
  mocks = await startMockServers({ hostOrigins: [SITE], latencyMs: 0 });
  browser = await launch();

  /** Opens `site` (a folder served as https://partner.example.com/) and completes MailChimp's flow. */
  async function connect(site) {
    const page = await browser.newPage();
    const problems = [];
    const log = []; // the page's console, shown when the page fails
    const apiCalls = [];
    page.on('pageerror', error => problems.push(`page error: ${error.message}`));
    page.on('console', message => {
      const line = `console.${message.type()}: ${message.text()} ${message.location()?.url ?? ''}`;
      log.push(line);
      if (message.type() === 'error') problems.push(line);
    });
    await page.setRequestInterception(true);
    page.on('request', request => {
      route(request, site, apiCalls).catch(error => {
        problems.push(`${request.method()} ${request.url()}: ${error.message}`);
        request.abort().catch(() => undefined);
      });
    });
    try {
      await page.goto(`${SITE}/`, { waitUntil: 'load', ...WAIT });
      // in the widget's shadow root, checked each frame: waitForSelector('… >>> …') watches the
      // document's mutations only, and misses a form that appears inside the shadow root later
      const inWidget = selector =>
        page.waitForFunction(s => document.querySelector('cma-register-app')?.shadowRoot?.querySelector(s), { ...WAIT, polling: 'raf' }, selector);
      await (await inWidget('input[name="apiKey"]')).type(API_KEY);
      await (await inWidget('button[type="submit"]')).click();
      const shown = await page.waitForFunction(
        () => [...document.querySelectorAll('[role="status"]')].map(p => p.textContent).find(t => t?.startsWith('Connected: ')),
        WAIT,
      );
      const text = await shown.jsonValue();
      const facts = await page.evaluate(() => ({
        registeredIsExported: window.registeredIsExported,
        lit: [globalThis.litElementVersions?.length, globalThis.reactiveElementVersions?.length, globalThis.litHtmlVersions?.length],
      }));
      assert(problems.length === 0, problems.join('\n'));
      return { text, apiCalls, ...facts };
    } catch (error) {
      error.message += `\n${[...new Set([...problems, ...log])].join('\n')}\nAPI calls: ${JSON.stringify(apiCalls)}`;
      throw error;
    } finally {
      await page.close();
    }
  }

  /** Answers a request of the page: the site, the CDN, the API (the mock backend), and nothing else. */
  async function route(request, site, apiCalls) {
    const url = new URL(request.url());
    if (url.origin === SITE && url.pathname === '/favicon.ico') return request.respond({ status: 204 });
    if (url.origin === SITE && url.pathname === '/session' && request.method() === 'POST') {
      return request.respond({ status: 200, contentType: 'application/json', body: JSON.stringify({ token: SESSION_TOKEN }) });
    }
    if (url.origin === SITE) return serveFile(request, site, url.pathname === '/' ? '/index.html' : url.pathname, false);
    if (url.href.startsWith(CDN)) return serveFile(request, installed, url.pathname.slice(`/${PACKAGE}`.length), true);
    if (url.href.startsWith(API)) return forward(request, url, apiCalls);
    throw new Error('a request to the network');
  }

  /** A file under `dir`, as a static server (or a CDN, with CORS) would send it. */
  function serveFile(request, dir, path, cors) {
    const file = resolve(dir, `.${decodeURIComponent(path.replace(/^\/?/, '/'))}`);
    const headers = cors ? { 'access-control-allow-origin': '*' } : {};
    if (relative(dir, file).startsWith('..') || !existsSync(file)) return request.respond({ status: 404, headers, body: 'not found' });
    const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.map': 'application/json' };
    return request.respond({ status: 200, headers: { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' }, body: readFileSync(file) });
  }

  /** Sends a request for https://api.example.com/v1/… to the mock API, and its answer back. */
  function forward(request, url, apiCalls) {
    const headers = { ...request.headers(), origin: request.headers().origin ?? SITE };
    const call = { method: request.method(), path: url.pathname, authorization: headers.authorization, status: 'pending' };
    apiCalls.push(call);
    const target = new URL(url.pathname.slice('/v1/'.length) + url.search, `${mocks.apiBase}/`);
    return new Promise((resolvePromise, reject) => {
      const outgoing = httpRequest(target, { method: request.method(), headers: { ...headers, host: target.host }, agent: false, timeout: 10_000 }, response => {
        const chunks = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('end', () => {
          const answer = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (!['connection', 'keep-alive', 'transfer-encoding'].includes(name)) answer[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          call.status = response.statusCode;
          request.respond({ status: response.statusCode, headers: answer, body: Buffer.concat(chunks) }).then(resolvePromise, reject);
        });
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error('the mock API did not answer within 10 s')));
      outgoing.on('error', error => {
        call.status = error.message;
        reject(error);
      });
      outgoing.end(request.postData());
    });
  }

  /** What every host must see: its own listener got the connection, the session token went with the calls. */
  function assertConnected({ text, apiCalls }) {
    assert(/^Connected: conn_mailchimp_\w+/.test(text), `the page shows "${text}"`);
    const registration = apiCalls.find(c => c.method === 'POST' && c.path === '/v1/apps/mailchimp/registrations');
    assert(registration, `no registration was posted (API calls: ${JSON.stringify(apiCalls)})`);
    assert(registration.authorization === `Bearer ${SESSION_TOKEN}`, `the registration carried "${registration.authorization}", not the host's session token`);
  }

  await check('plain HTML: the CDN file from the tarball completes MailChimp and the page\'s listener gets cma-registered', async () => {
    assertConnected(await connect(join(scratch, 'html')));
  });
  for (const [host, name, how] of [
    ['react', 'React 19', 'properties set as props, oncma-registered prop as the listener'],
    ['vue', 'Vue 3', 'isCustomElement, .sessionToken, @cma-registered'],
  ]) {
    let result;
    await check(`${name}: MailChimp completes with ${how}`, async () => {
      assert(builds[host], 'not built');
      result = await connect(builds[host]);
      assertConnected(result);
    });
    await check(`${name}: one copy: customElements.get('cma-register-app') is the CmaRegisterApp the package exports, and Lit runs once`, () => {
      assert(result, 'the page did not run');
      assert(result.registeredIsExported === true, `the registered class is not the exported one (${result.registeredIsExported})`);
      assert(result.lit.every(n => n === 1), `Lit copies on the page (lit-element, reactive-element, lit-html): ${result.lit.join(', ')}`);
    });
  }
} catch (error) {
  broke(error);
} finally {
  await browser?.close();
  await mocks?.close();
  if (process.env.KEEP) console.log(`scratch project kept in ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
finish();
