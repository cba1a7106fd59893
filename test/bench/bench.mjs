// `npm run bench [-- --runs N]`: how fast the BUILT widget (dist/cma-register-app.js; run `npm run build`
// first) is in headless Chromium, side by side with the same form as plain static HTML. It prints
// medians and the ratio widget/static next to the goals of issue 10; it asserts nothing timed and
// exits 0 whatever the figures say (1 only when a page fails: a script error, a `cma-error`, a time-out).
//
// Every load is cold and slow on purpose: a cross-site navigation (so a new renderer process, nothing
// compiled yet), in one tab of a new incognito context, with the HTTP cache disabled
// (CDP Network.setCacheDisabled) and the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate). Loads
// run one at a time, the kinds of page taking turns, N of each per case (`--runs N`, default 15; about
// 4 minutes on 2 cores; `--only <text>` runs the cases whose label holds it). Other work on the
// machine shows in the figures: the load average is printed with them.
//
// Cases (the vendors are every file in mocks/descriptors/ but the kitchen-sink test fixture):
//   first step    per vendor, descriptor fetched from `${apiBase}/vendors/<id>.json`, and inline (the
//                 `descriptor` property set from JSON in the page): ms from navigation start until the
//                 first field's input exists and takes focus.
//   50 on a page  50 widgets of one vendor (fetched) against 50 plain forms; also the descriptor
//                 requests the server received during that load.
//   switching     `vendor` set 100 times on one widget, one task apart: ms until the last vendor's first
//                 step is interactive.
//   typing        40 characters typed into the first field (CDP keyboard): ms per keystroke from
//                 `beforeinput` until the input event's handlers, the re-render they cause and the
//                 page's style and layout are done. Again on a step of 1,000 text fields with a
//                 pattern each (a synthetic descriptor), for what one keystroke costs on a long step.
//
// The static baseline (the "same form as static HTML") is a plain page with no framework and no bundle:
// an inline script that builds the first step's form (heading, step title, a label and an input per
// field, radios for a radio field, one submit button) from the same descriptor JSON with a handful of
// DOM calls. Fetched, it requests the same URL with the same fetch options the widget uses, from a
// script at the place the widget would sit; inline, it renders at once from the same embedded JSON.
// It does none of what the widget does besides (validation, instructions, help, styles, events,
// logo), so the ratio is what the widget costs over the least any page could do with the descriptor.
// The 50-forms page fetches the descriptor once for all 50: that is the issue's goal for the widget.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { chromePath, chromiumArgs } from '../chromium.mjs';

const root = new URL('../../', import.meta.url);
const bundleFile = new URL('dist/cma-register-app.js', root);
if (!existsSync(bundleFile)) {
  console.error('dist/cma-register-app.js is missing: run `npm run build` first, then `npm run bench`.');
  process.exit(1);
}
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('--runs takes a whole number ≥ 1');
  process.exit(2);
}
// `--only <text>`: the cases whose label holds it (`--only 50`, `--only mailchimp`), for a quicker look
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1] : '';
const THROTTLE = 4;
const MANY = 50;
const SWITCHES = 100;
const TYPED = '0123456789abcdef0123456789abcdef-us21xyz'; // 40 characters, a MailChimp key and then some
const TIMEOUT_MS = 30_000;

const bundle = readFileSync(bundleFile);
const descriptors = Object.fromEntries(
  readdirSync(new URL('mocks/descriptors/', root))
    // the fixture is no vendor: left out, the figures stay comparable with earlier runs
    .filter(f => f.endsWith('.json') && f !== 'kitchen-sink.json')
    .sort()
    .map(f => [f.slice(0, -'.json'.length), readFileSync(new URL(`mocks/descriptors/${f}`, root), 'utf8')]),
);
const vendors = Object.keys(descriptors);
// no vendor either: one step of 1,000 text fields, for the cost of a keystroke on a long step (typed
// into its first field)
const WIDE = 1000;
descriptors.wide = JSON.stringify({
  schemaVersion: 1,
  id: 'wide',
  name: 'Wide',
  method: 'apiKey',
  steps: [
    {
      id: 'all',
      fields: Array.from({ length: WIDE }, (_, i) => ({ name: `f${i}`, type: 'text', label: `Field ${i}`, pattern: '[0-9a-z-]+' })),
      submit: { kind: 'register' },
    },
  ],
});

// ——— the servers: the API (descriptors, images) and the host pages (pages, bundle), nothing cached ———

let descriptorRequests = 0;
const placeholder = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="8"/></svg>';
function serve(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const send = (status, type, body) => {
    // the API answers the host pages as a real one would (no credentials, so any origin)
    const cors = url.pathname.startsWith('/v1/') ? { 'Access-Control-Allow-Origin': '*' } : {};
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...cors });
    res.end(body);
  };
  const vendor = /^\/v1\/vendors\/([a-z0-9-]+)\.json$/.exec(url.pathname)?.[1];
  if (vendor && descriptors[vendor]) {
    descriptorRequests++;
    return send(200, 'application/json', descriptors[vendor]);
  }
  // the descriptors' logos and instruction images: one small placeholder, so that no request fails
  if (/^\/v1\/vendors\/.+\.svg$/.test(url.pathname)) return send(200, 'image/svg+xml', placeholder);
  if (url.pathname === '/cma-register-app.js') return send(200, 'text/javascript', bundle);
  // what the bundle loads on demand from beside it (Norwegian, the help popover's placement)
  const chunk = /^\/([\w-]+\.js)$/.exec(url.pathname)?.[1];
  if (chunk && existsSync(new URL(`dist/${chunk}`, root))) return send(200, 'text/javascript', readFileSync(new URL(`dist/${chunk}`, root)));
  if (url.pathname === '/page') return send(200, 'text/html; charset=utf-8', page(Object.fromEntries(url.searchParams)));
  send(404, 'text/plain', 'not found');
}
// The API on 127.0.0.1; the host pages (and the bundle, as a host that serves it itself) on two other
// sites, taken in turn, so that each load is a cross-site navigation: a new renderer process, as cold
// as a new tab, without the cost of opening one each time. Where there is no 127.0.0.2 or 127.0.0.3
// (macOS), [::1] and localhost are the other sites.
const servers = [];
async function site(...choices) {
  for (const [host, name = host] of choices) {
    const server = createServer(serve);
    const listening = await new Promise(resolve => server.once('error', () => resolve(false)).listen(0, host, () => resolve(true)));
    if (!listening) continue;
    servers.push(server);
    return `http://${name}:${server.address().port}`;
  }
  throw new Error(`cannot listen on any of ${choices.map(c => c[0]).join(', ')}`);
}
const apiOrigin = await site(['127.0.0.1']);
const hostOrigins = [await site(['127.0.0.2'], ['::1', '[::1]']), await site(['127.0.0.3'], ['127.0.0.1', 'localhost'])];
const apiBase = `${apiOrigin}/v1`;
const closeServers = () => servers.forEach(s => s.close());

// ——— what runs in the pages ———

/** First in every page: `bench.result` settles with what the page measured, or with its first error. */
function probe() {
  const bench = (window.bench = {});
  bench.result = new Promise((resolve, reject) => Object.assign(bench, { done: resolve, fail: reject }));
  addEventListener('error', e => bench.fail(e.error ?? new Error(e.message)));
  addEventListener('unhandledrejection', e => bench.fail(e.reason));
  document.addEventListener('cma-error', e => bench.fail(new Error(`cma-error ${e.detail.code}: ${e.detail.message}`)));
  /** The first input of a host (the widget, or the static form's div), through any shadow roots. */
  bench.firstInput = node => {
    for (const el of (node.shadowRoot ?? node).querySelectorAll('*')) {
      // the first control the user acts on: a field's, or a way to pick (a vendor with several ways)
      if (el.matches('input:not([type=hidden]), textarea, select, .ways button')) return el;
      const inner = el.shadowRoot && bench.firstInput(el);
      if (inner) return inner;
    }
    return null;
  };
  const takesFocus = input => {
    input.focus();
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    input.blur();
    return active === input;
  };
  /**
   * Resolves to performance.now() once every host's first input exists, is styled and laid out, and
   * takes focus (checked each frame until then). The time is taken after the style and layout every
   * input needs and before the focus checks: each move of focus restyles and lays out the page again
   * (`:focus` and `:focus-within` rules change), which is the probe's cost, not the page's, and with 50
   * hosts it would be 50 of them that no user causes.
   */
  bench.whenInteractive = hosts =>
    new Promise(resolve => {
      const check = () => {
        const inputs = hosts.map(bench.firstInput);
        if (inputs.every(Boolean)) {
          void document.body.offsetHeight; // the style and layout the frame would do
          const t = performance.now();
          if (inputs.every(takesFocus)) return resolve(t);
        }
        requestAnimationFrame(check);
      };
      check();
    });
  /** A new task, right away (setTimeout would be clamped to 4 ms when nested). */
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()();
  bench.nextTask = () => new Promise(resolve => (waiting.push(resolve), channel.port2.postMessage(0)));
  // Keystrokes: from beforeinput (the character reaches the page) until the input event has gone
  // through every listener, with the microtasks each leaves (Lit renders in microtasks), and style
  // and layout are done. Not from keydown: Chromium sends the character as an input event of its own
  // after it, and the gap between the two is the same for any page and hides the page's own work.
  bench.keys = [];
  let keyAt = 0;
  addEventListener('beforeinput', () => (keyAt = performance.now()), true);
  addEventListener('input', () => {
    void document.body.offsetHeight;
    bench.keys.push(performance.now() - keyAt);
  });
}

/** The static baseline's whole renderer: the first step as a plain form. */
function renderForm(host, descriptor) {
  const text = v => (typeof v === 'string' ? v : v ? (v.en ?? Object.values(v)[0] ?? '') : '');
  const h = (tag, props, ...children) => {
    const el = Object.assign(document.createElement(tag), props);
    el.append(...children);
    return el;
  };
  if (descriptor.ways) {
    // several ways: the widget first asks which; so does the static page, one button each
    const ways = descriptor.ways.map(w => h('li', {}, h('button', { type: 'button' }, text(w.label))));
    host.replaceChildren(h('h2', {}, `Connect ${text(descriptor.name)}`), h('ul', { className: 'ways' }, ...ways));
    return;
  }
  const step = descriptor.steps[0];
  const form = h('form', {}, h('h2', {}, `Connect ${text(descriptor.name)}`), step.title ? h('h3', {}, text(step.title)) : '');
  for (const field of step.fields ?? []) {
    const id = `${host.id}-${field.name}`;
    if (field.type === 'hidden') continue;
    if (field.type === 'radio') {
      const options = field.options.map((o, i) =>
        h('label', {}, h('input', { type: 'radio', name: id, value: o.value, checked: i === 0 }), text(o.label)),
      );
      form.append(h('fieldset', {}, h('legend', {}, text(field.label)), ...options));
    } else {
      const type = field.type === 'secret' ? 'password' : field.type === 'select' ? 'text' : field.type;
      form.append(h('label', { htmlFor: id }, text(field.label)), h('input', { id, name: field.name, type, required: !!field.required }));
    }
  }
  form.append(h('button', { type: 'submit' }, text(step.submit.label) || 'Continue'));
  host.replaceChildren(form);
}

const json = vendor => descriptors[vendor].replace(/</g, '\\u003c');
const widgetTag = vendor => `<cma-register-app vendor="${vendor}" api-base="${apiBase}"></cma-register-app>`;
const fetchOptions = `{ headers: { Accept: 'application/json' }, credentials: 'same-origin' }`; // as the widget's API client GETs

/**
 * What the widget renders for each vendor's first step, as static markup: its shadow root's HTML (Lit's
 * comment markers taken out) and its style sheets as text. Taken once, before the runs, from a widget
 * given the descriptor inline (`snapshot()`), for the "same" pages.
 */
const snapshots = {};

/**
 * The pages, by case and kind: "widget"; "static", the bare form `renderForm` builds; "same", the
 * widget's own first step (`snapshots`) as static HTML in a shadow root: the same DOM and CSS, with
 * none of the script that made them.
 */
function page({ case: name, kind, vendor = vendors[0], inline }) {
  const widget = kind === 'widget';
  const scripts = { widget: '<script type="module" src="/cma-register-app.js"></script>', static: `<script>${renderForm}</script>`, same: '' };
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script>(${probe})()</script>${scripts[kind]}</head><body>`;
  const fetchForm = (v, host) => `fetch('${apiBase}/vendors/${v}.json', ${fetchOptions}).then(r => r.text()).then(t => renderForm(${host}, JSON.parse(t)))`;
  const done = `.then(t => bench.done({ t }), bench.fail)`;
  if (kind === 'same') {
    const { css, html } = snapshots[vendor];
    const markup = `<style>${css}</style>${html}`;
    if (name === 'first' && inline) {
      return `${head}<div id="host"><template shadowrootmode="open">${markup}</template></div><script>
bench.whenInteractive([host])${done};
</script>`;
    }
    // fetched: the same request, and once its answer is read, the same markup into each host
    const hosts = name === 'many' ? MANY : 1;
    return `${head}${Array.from({ length: hosts }, (_, i) => `<div id="host${i}"></div>`).join('')}<script>
const all = [...document.querySelectorAll('div[id^=host]')];
const markup = ${JSON.stringify(markup).replace(/</g, '\\u003c')};
fetch('${apiBase}/vendors/${vendor}.json', ${fetchOptions}).then(r => r.text()).then(t => JSON.parse(t))
  .then(() => all.forEach(host => (host.attachShadow({ mode: 'open' }).innerHTML = markup))).then(() => bench.whenInteractive(all))${done};
</script>`;
  }
  if (name === 'first' && inline) {
    const data = `<script type="application/json" id="descriptor">${json(vendor)}</script>`;
    return widget
      ? `${head}${widgetTag(vendor)}${data}<script>
const el = document.querySelector('cma-register-app');
el.descriptor = JSON.parse(document.getElementById('descriptor').textContent);
el.addEventListener('cma-ready', () => bench.whenInteractive([el])${done}, { once: true });
</script>`
      : `${head}<div id="host"></div>${data}<script>
renderForm(host, JSON.parse(document.getElementById('descriptor').textContent));
bench.whenInteractive([host])${done};
</script>`;
  }
  if (name === 'first' || name === 'type') {
    return widget
      ? `${head}${widgetTag(vendor)}<script>
const el = document.querySelector('cma-register-app');
el.addEventListener('cma-ready', () => bench.whenInteractive([el])${done}, { once: true });
</script>`
      : `${head}<div id="host"></div><script>
${fetchForm(vendor, 'host')}.then(() => bench.whenInteractive([host]))${done};
</script>`;
  }
  if (name === 'many') {
    return widget
      ? `${head}${widgetTag(vendor).repeat(MANY)}<script>
const all = [...document.querySelectorAll('cma-register-app')];
let ready = 0;
document.addEventListener('cma-ready', () => ++ready === all.length && bench.whenInteractive(all)${done});
</script>`
      : `${head}${Array.from({ length: MANY }, (_, i) => `<div id="host${i}"></div>`).join('')}<script>
const all = [...document.querySelectorAll('div[id^=host]')];
fetch('${apiBase}/vendors/${vendor}.json', ${fetchOptions}).then(r => r.text())
  .then(t => all.forEach(host => renderForm(host, JSON.parse(t)))).then(() => bench.whenInteractive(all))${done};
</script>`;
  }
  if (name === 'switch') {
    // each switch one task after the one before; none repeats the vendor before it
    const order = Array.from({ length: SWITCHES }, (_, i) => vendors[(i + 1) % vendors.length]);
    // the static page does what a host would without the widget: abort the request before, show
    // "Loading…", fetch, render, and fire the same event, so that the loop below serves both
    const setup = widget
      ? `${widgetTag(vendor)}<script>
const el = document.querySelector('cma-register-app');
const show = v => (el.vendor = v);`
      : `<div id="host"></div><script>
const el = host;
let request;
const show = v => {
  request?.abort();
  const { signal } = (request = new AbortController());
  host.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Loading…' }));
  fetch('${apiBase}/vendors/' + v + '.json', { ...${fetchOptions}, signal }).then(r => r.text()).then(t => {
    if (signal.aborted) return;
    renderForm(host, JSON.parse(t));
    host.dispatchEvent(new CustomEvent('cma-ready', { bubbles: true, detail: { vendor: v } }));
  }).catch(e => e.name === 'AbortError' || bench.fail(e));
};
show('${vendor}');`;
    return `${head}${setup}
const order = ${JSON.stringify(order)};
document.addEventListener('cma-ready', async () => {
  await bench.nextTask();
  let readies = 0;
  let last;
  const lastReady = new Promise(resolve => document.addEventListener('cma-ready', e => (readies++, e.detail.vendor === last && resolve())));
  const t0 = performance.now();
  for (const [i, v] of order.entries()) {
    if (i === order.length - 1) last = v;
    show(v);
    await bench.nextTask();
  }
  await lastReady;
  bench.whenInteractive([el]).then(t => bench.done({ t: t - t0, readies }), bench.fail);
}, { once: true });
</script>`;
  }
  throw new Error(`no page ${name}`);
}

// ——— the runs ———

// Back/forward cache off: a page left for the next load must go, not stay in memory with its process.
const browser = await puppeteer.launch({
  executablePath: chromePath,
  headless: true,
  args: [...chromiumArgs, '--disable-features=BackForwardCache'],
});
/** The tab every load runs in, in a new incognito context: the cache disabled, the CPU throttled. */
async function newTab() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setCacheEnabled(false); // Network.setCacheDisabled
  await page.emulateCPUThrottling(THROTTLE); // Emulation.setCPUThrottlingRate; it holds across navigations
  const errors = [];
  page.on('pageerror', e => errors.push(e));
  return { context, page, errors, loads: 0 };
}

/** One cold load of a page: what it measured, plus what `after` measured and the descriptor requests. */
async function load(tab, path, after) {
  const { page, errors } = tab;
  const url = `${hostOrigins[tab.loads++ % hostOrigins.length]}${path}`;
  errors.length = 0;
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`nothing after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS)));
  try {
    descriptorRequests = 0;
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const result = await Promise.race([page.evaluate(() => window.bench.result), timeout]);
    Object.assign(result, after && (await Promise.race([after(page), timeout])));
    if (errors.length) throw errors[0];
    return { ...result, requests: descriptorRequests };
  } catch (e) {
    throw new Error(`${url}: ${e.message}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Types into the first field once the page is ready: the page's time per keystroke, and what the field holds after. */
async function type(page) {
  await page.evaluate(() => {
    bench.firstInput(document.querySelector('cma-register-app, #host')).focus();
    bench.keys.length = 0;
  });
  await page.keyboard.type(TYPED);
  return page.evaluate(() => ({ keys: bench.keys, value: bench.firstInput(document.querySelector('cma-register-app, #host')).value }));
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const cases = [
  ...vendors.flatMap(vendor => [
    { group: 'first', label: `${vendor} fetched`, query: `case=first&vendor=${vendor}`, goal: 1.8 },
    { group: 'first', label: `${vendor} inline`, query: `case=first&vendor=${vendor}&inline=1`, goal: 1.5 },
  ]),
  { group: 'many', label: `${MANY} on a page`, query: `case=many&vendor=mailchimp`, goal: 1.5 },
  { group: 'switch', label: `switch ${SWITCHES}×`, query: 'case=switch' },
  { group: 'type', label: `type ${TYPED.length} chars`, query: 'case=type&vendor=mailchimp', after: type },
  { group: 'type-wide', label: `type ${TYPED.length} chars, ${WIDE} fields`, query: 'case=type&vendor=wide', after: type },
]
  .filter(c => c.label.includes(ONLY))
  .map(c => ({ ...c, widget: [], static: [], same: [], kinds: ['first', 'many'].includes(c.group) ? ['widget', 'static', 'same'] : ['widget', 'static'] }));

/** Fills `snapshots`: each vendor's first step as the widget renders it, descriptor inline, CPU not throttled. */
async function snapshot() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  for (const vendor of vendors) {
    await page.goto(`${hostOrigins[0]}/page?case=first&kind=widget&inline=1&vendor=${vendor}`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => window.bench.result);
    snapshots[vendor] = await page.evaluate(() => {
      const root = document.querySelector('cma-register-app').shadowRoot;
      const css = root.adoptedStyleSheets.flatMap(sheet => [...sheet.cssRules].map(rule => rule.cssText)).join('\n');
      return { css, html: root.innerHTML.replace(/<!--[^]*?-->/g, '') };
    });
  }
  await context.close();
}

/** Where the run is, on a terminal only (so that a log holds the figures alone). */
const progress = text => process.stderr.isTTY && process.stderr.write(`\r\x1b[K${text}`);
const started = Date.now();
const [load1] = loadavg();
const notes = new Set();
let tab;
try {
  await snapshot();
  tab = await newTab();
  // Unmeasured: a tab's first loads on each site are slower than the ones after them, and they would
  // weigh on whichever case comes first. (A new tab per run was no better: the one closed before it
  // goes on costing for a while.)
  for (const kind of ['widget', 'static', 'same', 'widget', 'static', 'same']) await load(tab, `/page?case=first&kind=${kind}`);
  for (let run = 0; run < RUNS; run++) {
    progress(`run ${run + 1}/${RUNS}…`);
    for (const c of cases) {
      // (rotating which goes first, so that none always follows another)
      const kinds = c.kinds.map((_, i) => c.kinds[(i + run) % c.kinds.length]);
      for (const kind of kinds) {
        const result = await load(tab, `/page?${c.query}&kind=${kind}`, c.after);
        if (c.group.startsWith('type')) {
          result.t = median(result.keys);
          if (result.value !== TYPED) notes.add(`typing: the ${kind} field held ${JSON.stringify(result.value)}, not what was typed`);
          if (result.keys.length !== TYPED.length) notes.add(`typing: ${result.keys.length} input events in the ${kind} page for ${TYPED.length} keys`);
        }
        c[kind].push(result);
      }
    }
  }
} catch (e) {
  progress('');
  console.error(`bench: a page failed: ${e.message ?? e}`);
  await browser.close();
  closeServers();
  process.exit(1);
}
progress('');
const version = await browser.version();
await browser.close();
closeServers();

// ——— the figures ———

const ms = x => `${x < 10 ? x.toFixed(2) : Math.round(x)}`;
const row = (label, w, s, goal, extra = '') => {
  const ratio = w / s;
  const verdict = goal ? `≤ ${goal}× ${ratio <= goal ? 'met' : 'missed'}` : '';
  return `${label.padEnd(26)}${ms(w).padStart(8)}${ms(s).padStart(8)}${`${ratio.toFixed(2)}×`.padStart(8)}   ${verdict.padEnd(14)}${extra}`;
};
/** A row with both baselines: the bare form ("static") and the widget's own markup ("same"). */
const row3 = (label, w, s, m, goal, extra = '') => {
  const ratio = x => `${(w / x).toFixed(2)}×`.padStart(9);
  const verdict = `≤ ${goal}×: ${w / s <= goal ? 'met' : 'missed'} / ${w / m <= goal ? 'met' : 'missed'}`;
  return `${label.padEnd(26)}${ms(w).padStart(8)}${ms(s).padStart(8)}${ms(m).padStart(8)}${ratio(s)}${ratio(m)}   ${verdict.padEnd(24)}${extra}`;
};
const med = (c, kind, key = 't') => median(c[kind].map(r => r[key]));
const header = `${''.padEnd(26)}${'widget'.padStart(8)}${'static'.padStart(8)}${'ratio'.padStart(8)}   goal`;
const header3 = `${''.padEnd(26)}${'widget'.padStart(8)}${'static'.padStart(8)}${'same'.padStart(8)}${'×static'.padStart(9)}${'×same'.padStart(9)}   goal (static / same)`;

const gzip = gzipSync(bundle, { level: 9 }).length / 1024;
const kb = `${(bundle.length / 1024).toFixed(1)} KB, ${gzip.toFixed(1)} KB gzip`;
console.log(`npm run bench: dist/cma-register-app.js (${kb}) in ${version}, against the same form as static HTML`);
console.log(`CPU ${THROTTLE}× throttled, cold cache, a new renderer per load; medians of ${RUNS} loads per figure, in ms`);
const machine = `load average ${load1.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after, on ${availableParallelism()} cores`;
console.log(`${machine} (other work on the machine slows every figure)`);
console.log('static: the bare form (labels, inputs, a button); same: the widget\'s own first step, its DOM and CSS, as static HTML\n');

const firsts = cases.filter(c => c.group === 'first');
if (firsts.length) {
  console.log('First step interactive, from navigation start');
  console.log(header3);
  for (const c of firsts) console.log(row3(c.label, med(c, 'widget'), med(c, 'static'), med(c, 'same'), c.goal));
  // every load of every vendor together, one median each
  for (const [how, goal] of [['fetched', 1.8], ['inline', 1.5]]) {
    const of = kind => median(firsts.filter(c => c.label.endsWith(how)).flatMap(c => c[kind].map(r => r.t)));
    if (firsts.some(c => c.label.endsWith(how))) console.log(row3(`all vendors ${how}`, of('widget'), of('static'), of('same'), goal));
  }
}

const many = cases.find(c => c.group === 'many');
if (many) {
  console.log(`\n${MANY} on one page (mailchimp, fetched), until all ${MANY} first steps are interactive`);
  console.log(`${header3}${''.padEnd(2)}descriptor requests widget / static / same`);
  const requests = `${['widget', 'static', 'same'].map(kind => med(many, kind, 'requests')).join(' / ')} (goal: 1)`;
  console.log(row3(`${MANY} widgets / forms`, med(many, 'widget'), med(many, 'static'), med(many, 'same'), many.goal, requests));
}

const sw = cases.find(c => c.group === 'switch');
if (sw) {
  console.log(`\nSwitching vendor ${SWITCHES}× on one element, one task apart, until the last vendor's first step is interactive`);
  console.log(`${header}${''.padEnd(11)}descriptor requests / ready events, widget | static`);
  const swExtra = kind => `${med(sw, kind, 'requests') - 1} / ${med(sw, kind, 'readies')}`; // less the load's own request
  console.log(row(`switch ${SWITCHES}×`, med(sw, 'widget'), med(sw, 'static'), 0, `${swExtra('widget')} | ${swExtra('static')}`));
}

const ty = cases.find(c => c.group === 'type');
const tw = cases.find(c => c.group === 'type-wide');
if (ty || tw) {
  console.log(`\nTyping ${TYPED.length} characters into the first field: beforeinput → re-rendered, style and layout done`);
  console.log(header);
  if (ty) console.log(row('per keystroke', med(ty, 'widget'), med(ty, 'static'), 0));
  if (tw) console.log(row(`… with ${WIDE} fields`, med(tw, 'widget'), med(tw, 'static'), 0));
}
for (const note of notes) console.log(`\nnote: ${note}`);
console.log(`\n(took ${Math.round((Date.now() - started) / 1000)} s)`);
