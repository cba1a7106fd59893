/**
 * Descriptor fuzzing (issue 7, item 1): mounts the widget on mutated copies of the shipped
 * descriptors (test/security/fuzz.ts) and holds it to five promises on every case:
 *
 * 1. no uncaught error and no unhandled rejection;
 * 2. never blank: either a usable form (every visible field of the first step, and a submit button)
 *    or `descriptor_invalid` with an alert whose every line names a JSON path;
 * 3. nothing from the descriptor becomes markup or script: `window.__pwned` stays unset, no element
 *    the widget does not make itself, no `on…` attribute, only https links and images (or the
 *    page's own origin for a relative logo), and Object.prototype untouched;
 * 4. a field's pattern never stalls the page: putting a near-miss value ("aaaa…a!") into each
 *    patterned field, submitting, and typing once more each take under a second. The patterns of
 *    CATASTROPHIC_PATTERNS ((a+)+$ …) that the mutations bring in are refused by the validator
 *    (descriptor_invalid at their path), so they never reach a field;
 * 5. showing the form or the problems takes 5 s plus 0.1 ms per element shown, at most: time
 *    that grows faster than the DOM (a quadratic parser) fails.
 *
 * Count and seed: from the 'fuzz-config' server command (test/security/fuzz-plugin.mjs, which
 * reads FUZZ_COUNT, FUZZ_SEED and FUZZ_CASE set by `npm run fuzz`), else the CI default
 * below. A failure names the seed, the case and its mutations: `npm run fuzz -- --seed S --case N`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createHandlers, descriptors } from '../../mocks/handlers.js';
import { waysOf } from '../../src/descriptor/types.js';
import { validateDescriptor } from '../../src/descriptor/validate.js';
import { start, visibleFields, type FlowState } from '../../src/flow/engine.js';
import type { CmaRegisterApp } from '../../src/index.js';
import { useScenario, worker } from '../helpers/msw.js';
import { API } from '../helpers/widget.js';
import { CATASTROPHIC_PATTERNS, describeCase, formatPath, makeCase, type FuzzCase } from './fuzz.js';

/** What CI runs: a fixed seed, and as many cases as fit in about 20 s on a 2-core machine (40 s allowed). */
const CI = { seed: 1, count: 1000 };

interface Settings {
  seed: number;
  count: number;
  /** Only this case (a replay). */
  only?: number;
}

async function settings(): Promise<Settings> {
  try {
    const got = (await executeServerCommand('fuzz-config')) as Partial<Settings> | undefined;
    if (got) return { ...CI, ...got };
  } catch {
    // the plugin is not registered: the CI default
  }
  return CI;
}

const { seed, count, only } = await settings();

/**
 * The longest that one input event or one submit may take, in ms. These bounds catch a freeze
 * (seconds, doubling with each character), not speed, which the benchmarks measure: they are
 * generous so that a loaded CI machine does not trip them.
 */
const SLOW_MS = 1000;
/** The longest the widget may take from a descriptor to its form or its problems, in ms, plus MS_PER_ELEMENT for each element it shows. */
const SLOW_MOUNT_MS = 5000;
const MS_PER_ELEMENT = 0.1;
/** A near miss for patterns of letters: matches much of it, and fails at the end. */
const NEAR_MISS = `${'a'.repeat(28)}!`;

/** Elements the widget never makes: if one is there, descriptor text became markup. */
const FOREIGN = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'b', 'base', 'link', 'meta', 'style', 'template']);
/** The longest a problem line may be: a descriptor's 100 000-character string is not repeated whole. */
const MAX_LINE = 1000;
/** A JSON path as the validator writes it, at the start of a problem line. */
const PATH = /^(?:\(root\)|(?:[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*): \S/;

/** Every element in the widget's shadow root and in the shadow roots inside it. */
function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepElements(el.shadowRoot));
  }
  return out;
}

/** Records uncaught errors and unhandled rejections while a case runs. */
function watchErrors() {
  const seen: string[] = [];
  const onError = (e: ErrorEvent) => seen.push(`uncaught error: ${e.error?.stack ?? e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => seen.push(`unhandled rejection: ${e.reason?.stack ?? String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    seen,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

const tick = (ms = 0) => new Promise(r => setTimeout(r, ms));

/** The first of `types` that `el` fires, or a rejection after `ms`. */
function firstOf(el: HTMLElement, types: string[], ms: number): Promise<CustomEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      done();
      reject(new Error(`neither ${types.join(' nor ')} within ${ms} ms`));
    }, ms);
    const listener = (e: Event) => {
      done();
      resolve(e as CustomEvent);
    };
    const done = () => {
      clearTimeout(timer);
      types.forEach(t => el.removeEventListener(t, listener));
    };
    types.forEach(t => el.addEventListener(t, listener));
  });
}

/** Mounts the widget on a descriptor, waits for it to settle, and checks promises 1–3; returns it. */
async function mountAndCheck(descriptor: unknown, lang = '') {
  const errors = watchErrors();
  try {
    const el = await fixture<CmaRegisterApp>(html`<cma-register-app api-base=${API} lang=${ifDefined(lang || undefined)}></cma-register-app>`);
    const settled = firstOf(el, ['cma-ready', 'cma-error'], 5000);
    const t0 = performance.now();
    el.descriptor = descriptor;
    const event = await settled.catch(e => e as Error);
    await el.updateComplete.catch(() => undefined);
    await tick(); // the elements inside (cma-field) render after the widget
    const ms = performance.now() - t0;
    expect(errors.seen, errors.seen.join('\n')).to.deep.equal([]);
    if (event instanceof Error) throw event;
    // linear in what is shown (50 000 `code` elements from one huge text take seconds, and may):
    // what this catches is time that grows faster than the DOM does
    const elements = deepElements(el.shadowRoot!).length;
    const limit = SLOW_MOUNT_MS + elements * MS_PER_ELEMENT;
    const shown = event.type === 'cma-ready' ? 'the form' : 'the problems';
    expect(ms, `took ${Math.round(ms)} ms to show ${shown} (${elements} elements; allowed ${Math.round(limit)} ms)`).to.be.below(limit);
    await checkNotBlank(el, event, descriptor);
    checkNoInjection(el);
    return { el, event };
  } finally {
    errors.stop();
  }
}

async function checkNotBlank(el: CmaRegisterApp, event: CustomEvent, descriptor: unknown) {
  const root = el.shadowRoot!;
  if (event.type === 'cma-error') {
    expect(event.detail.code, `cma-error: ${event.detail.message}`).to.equal('descriptor_invalid');
    expect(root.querySelector('form'), 'a form beside the descriptor error').to.equal(null);
    const lines = [...root.querySelectorAll('[role="alert"] .problems li')].map(li => li.textContent!.trim());
    expect(lines.length, 'descriptor_invalid without a problem listed').to.be.greaterThan(0);
    for (const line of lines) {
      expect(PATH.test(line), `a problem without a JSON path: ${line.slice(0, 200)}`).to.equal(true);
      expect(line.length, `a problem line of ${line.length} characters: ${line.slice(0, 200)}…`).to.be.below(MAX_LINE);
    }
    return;
  }
  const result = validateDescriptor(descriptor);
  expect(result.ok, 'cma-ready for a descriptor the validator refuses').to.equal(true);
  if (!result.ok) return;
  expect(root.querySelector('#heading')?.textContent?.trim(), 'no heading').to.not.equal('');
  const ways = waysOf(result.descriptor);
  if (ways.length === 1) return checkForm(root, start(result.descriptor));
  const choice = () => [...root.querySelectorAll<HTMLButtonElement>('.ways button')];
  expect(choice().length, 'cma-ready but not the choice of ways').to.equal(ways.length);
  for (const b of choice()) expect(b.textContent!.trim(), 'a way without a name').to.not.equal('');
  // each end of the choice renders its first step: the last way, back, then the first (which the later checks use)
  for (const i of [ways.length - 1, 0]) {
    choice()[i].click();
    await el.updateComplete;
    await tick();
    checkForm(root, start(result.descriptor, ways[i]));
    if (i === 0) break;
    root.querySelector<HTMLButtonElement>('form .actions button')!.click(); // Back, first of the actions
    await el.updateComplete;
  }
}

function checkForm(root: ShadowRoot, state: FlowState) {
  const form = root.querySelector('form');
  expect(form, 'cma-ready but no form').to.not.equal(null);
  expect(form!.querySelector('button[type="submit"]'), 'a form without a submit button').to.not.equal(null);
  for (const field of visibleFields(state)) {
    if (field.type === 'hidden') continue;
    expect(form!.querySelector(`[name="${field.name}"]`), `no control for the field "${field.name}"`).to.not.equal(null);
  }
}

function checkNoInjection(el: CmaRegisterApp) {
  expect((window as { __pwned?: unknown }).__pwned, 'window.__pwned was set: descriptor text ran as script').to.equal(undefined);
  expect(Object.keys(Object.prototype), 'Object.prototype gained keys').to.deep.equal([]);
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype.polluted').to.equal(undefined);
  for (const node of deepElements(el.shadowRoot!)) {
    const tag = node.localName;
    const where = `<${tag}${[...node.attributes].map(a => ` ${a.name}="${a.value.slice(0, 60)}"`).join('')}>`;
    expect(FOREIGN.has(tag), `an element the widget never makes: ${where}`).to.equal(false);
    for (const attr of node.attributes) expect(/^on/i.test(attr.name), `an event handler attribute: ${where}`).to.equal(false);
    const url = tag === 'a' ? node.getAttribute('href') : tag === 'img' ? node.getAttribute('src') : null;
    if (url === null) continue;
    const parsed = new URL(url, document.baseURI);
    const ok = parsed.protocol === 'https:' || (tag === 'img' && parsed.origin === location.origin);
    expect(ok, `a ${tag} to ${url.slice(0, 100)}: only https (or this page's origin for an image)`).to.equal(true);
    expect(parsed.username || parsed.password, `a ${tag} to a URL with a user name or password: ${url.slice(0, 100)}`).to.equal('');
  }
  if (hasPayloadImage(el)) throw new Error('an <img src=x> from descriptor text');
}

/** The payloads' own image: `<img src=x>` (the widget writes every src it makes resolved, so never "x"). */
function hasPayloadImage(el: CmaRegisterApp): boolean {
  return deepElements(el.shadowRoot!).some(n => n.localName === 'img' && n.getAttribute('src') === 'x');
}

/**
 * Promise 4: a near miss into each patterned text field, a submit (so the engine checks patterns),
 * then one more character into each; every step under SLOW_MS. The submit goes nowhere: the API
 * answers 503 and a popup is "blocked".
 */
async function checkPatterns(el: CmaRegisterApp, descriptor: unknown) {
  const result = validateDescriptor(descriptor);
  if (!result.ok) return;
  const step = start(result.descriptor).descriptor.steps[0];
  const root = el.shadowRoot!;
  const controls = visibleFields(start(result.descriptor))
    .filter(f => f.pattern !== undefined && ['text', 'secret', 'email', 'url'].includes(f.type))
    .map(f => ({
      field: f,
      path: `${formatPath(['steps', 0, 'fields', step.fields!.indexOf(f), 'pattern'])} ${JSON.stringify(f.pattern!.slice(0, 60))}`,
      input: root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`input[name="${f.name}"], textarea[name="${f.name}"]`),
    }))
    .filter(c => c.input);
  if (!controls.length) return;
  const slow: string[] = [];
  const timed = (what: string, fn: () => void) => {
    const t0 = performance.now();
    fn();
    const ms = performance.now() - t0;
    if (ms > SLOW_MS) slow.push(`${what} took ${Math.round(ms)} ms`);
  };
  const put = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  const open = window.open;
  window.open = () => null;
  worker.resetHandlers(...createHandlers('server-error', 0));
  try {
    for (const c of controls) timed(`input into ${c.path}`, () => put(c.input!, NEAR_MISS));
    await el.updateComplete;
    const form = root.querySelector('form');
    const answered = firstOf(el, ['cma-error', 'cma-registered', 'cma-step'], 3000).catch(() => undefined);
    if (form) timed(`submit with patterns ${controls.map(c => c.path).join(', ')}`, () => form.requestSubmit());
    await answered;
    await el.updateComplete;
    for (const c of controls) {
      if (!c.input!.isConnected) continue;
      timed(`typing one more character into ${c.path}`, () => put(c.input!, `${NEAR_MISS}b`));
    }
    await el.updateComplete;
  } finally {
    window.open = open;
    await useScenario('ok');
  }
  expect(slow, slow.join('\n')).to.deep.equal([]);
}

async function runCase(c: FuzzCase) {
  try {
    const { el, event } = await mountAndCheck(c.descriptor, c.lang);
    if (event.type === 'cma-ready') {
      const errors = watchErrors();
      try {
        await checkPatterns(el, c.descriptor);
        await tick();
        expect(errors.seen, errors.seen.join('\n')).to.deep.equal([]);
        checkNoInjection(el);
      } finally {
        errors.stop();
      }
    }
  } catch (e) {
    const error = e as Error;
    error.message = `${describeCase(c)}\n${error.message}`;
    throw error;
  } finally {
    delete (window as { __pwned?: unknown }).__pwned;
  }
}

describe(`descriptor fuzzing: seed ${seed}, ${only !== undefined ? `case ${only}` : `${count} cases`}`, () => {
  before(() => useScenario('ok'));

  const indexes = only !== undefined ? [only] : Array.from({ length: count }, (_, i) => i);
  for (const index of indexes) {
    const c = makeCase(seed, index, descriptors);
    it(`case ${index}: ${c.base}, ${c.mutations.map(m => m.split(':')[0]).join(' + ')}`, () => runCase(c));
  }
});

/** Cases the fuzzer found once, kept by name so they stay fixed whatever the seed. */
describe('descriptor fuzzing: regressions', () => {
  before(() => useScenario('ok'));
  const base = (vendor: string) => structuredClone(descriptors[vendor]) as Record<string, any>;

  async function expectInvalid(descriptor: unknown, path: string) {
    const { el, event } = await mountAndCheck(descriptor);
    expect(event.type, `expected descriptor_invalid naming ${path}`).to.equal('cma-error');
    const lines = [...el.shadowRoot!.querySelectorAll('.problems li')].map(li => li.textContent!.trim());
    expect(lines.some(l => l.startsWith(`${path}: `)), lines.join('\n')).to.equal(true);
  }

  it('a hole in steps is descriptor_invalid at that step, not a blank widget', async () => {
    const d = base('24sevenoffice');
    delete d.steps[1];
    await expectInvalid(d, 'steps[1]');
  });

  it('a hole at the end of steps (length + 1) is descriptor_invalid', async () => {
    const d = base('mailchimp');
    d.steps.length += 1;
    await expectInvalid(d, 'steps[1]');
  });

  it('holes in fields, instructions, a menu path and options are descriptor_invalid', async () => {
    const d = base('salesforce');
    d.steps[0].fields.length += 1;
    await expectInvalid(d, 'steps[0].fields[1]');
    const e = base('mailchimp');
    delete e.steps[0].instructions[0];
    await expectInvalid(e, 'steps[0].instructions[0]');
    const f = base('mailchimp');
    delete f.steps[0].instructions[1].path[1];
    await expectInvalid(f, 'steps[0].instructions[1].path[1]');
    const g = base('salesforce');
    delete g.steps[0].fields[0].options[0];
    await expectInvalid(g, 'steps[0].fields[0].options[0]');
  });

  it('"__proto__" and "constructor" as own keys of a localized map are not languages, and pollute nothing', async () => {
    const d = base('24sevenoffice');
    d.steps[0].fields[0].label = JSON.parse('{"__proto__": {"polluted": true}, "en": "Username"}');
    await expectInvalid(d, 'steps[0].fields[0].label.__proto__');
    const e = base('24sevenoffice');
    e.steps[0].title = JSON.parse('{"constructor": "x", "en": "Log in"}');
    await expectInvalid(e, 'steps[0].title.constructor');
  });

  it('lang="__proto__" with a localized map falls back to English', async () => {
    const { el } = await mountAndCheck(base('24sevenoffice'), '__proto__');
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.contain('Username');
  });

  it('NaN, Infinity and -1 where counts go are descriptor_invalid', async () => {
    for (const [key, value] of [['minLength', NaN], ['maxLength', Infinity], ['minLength', -1]] as const) {
      const d = base('shopify');
      d.steps[0].fields[0][key] = value;
      await expectInvalid(d, `steps[0].fields[0].${key}`);
    }
  });

  it('HTML and javascript: links in every text are shown as text', async () => {
    const d = base('mailchimp');
    d.name = '<img src=x onerror=window.__pwned=1>';
    d.steps[0].title = '<script>window.__pwned=1</script>';
    d.steps[0].instructions[0].text = '[click](javascript:window.__pwned=1) <img src=x onerror=window.__pwned=1>';
    d.steps[0].fields[0].help = '**<b onclick=window.__pwned=1>x</b>**';
    const { el } = await mountAndCheck(d);
    expect(el.shadowRoot!.textContent).to.contain('<script>window.__pwned=1</script>');
  });

  it('100 000 characters of unclosed "[" in an instruction render promptly (one case took 6 s)', async () => {
    for (const text of ['['.repeat(100_000), `${'['.repeat(50_000)}a](${'x'.repeat(50_000)}`]) {
      const d = base('mailchimp');
      d.steps[0].instructions[0].text = text;
      await mountAndCheck(d); // fails above SLOW_MOUNT_MS
    }
  });

  it('https URLs with a user name or password: descriptor_invalid as logo or helpUrl, plain text as a link', async () => {
    const d = base('mailchimp');
    d.logo = 'https://user@evil.example/logo.svg';
    await expectInvalid(d, 'logo');
    const e = base('mailchimp');
    e.helpUrl = 'https://mailchimp.com@evil.example/';
    await expectInvalid(e, 'helpUrl');
    const f = base('mailchimp');
    f.steps[0].instructions[0].text = 'See [the help](https://user:pw@evil.example/).';
    const { el } = await mountAndCheck(f); // no <a> to it
    expect(el.shadowRoot!.querySelector('.instructions')!.textContent).to.contain('See the help.');
  });

  it('an unknown root key that is not an identifier is named ["0"], a JSON path', async () => {
    await expectInvalid({ ...base('mailchimp'), 0: false }, '["0"]');
  });

  it('a pattern of 100 000 characters, which V8 finds too large only when it first runs, is descriptor_invalid', async () => {
    const d = base('shopify');
    d.steps[0].fields[0].pattern = 'a'.repeat(100_000);
    await expectInvalid(d, 'steps[0].fields[0].pattern');
  });

  it('a pattern that backtracks catastrophically ((a+)+$ and the like) is descriptor_invalid, so it never stalls the page', async () => {
    for (const pattern of CATASTROPHIC_PATTERNS) {
      const d = base('shopify');
      d.steps[0].fields[0].pattern = pattern;
      await expectInvalid(d, 'steps[0].fields[0].pattern');
    }
  });
});
