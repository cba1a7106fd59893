/**
 * Descriptor fuzzing: a seeded generator that takes a shipped descriptor and breaks it in a few
 * named ways. Every case is a pure function of (seed, case number), so a failing case can be
 * replayed alone: `npm run fuzz -- --seed <seed> --case <n>`.
 *
 * The generator knows nothing of the widget; test/security/fuzz.test.ts mounts the result and
 * checks what the widget made of it.
 */

/** A JSON path as a list of keys and indexes. */
export type Path = (string | number)[];

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same numbers everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** A whole number from 0 to n - 1. */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** The seed of one case: cases of one run do not share a stream, so each replays alone. */
export function caseSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// ——— the hostile material ———

export const PWNED_PAYLOADS = [
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  "'><iframe src=javascript:window.parent.__pwned=1>",
  '[click me](javascript:window.__pwned=1)',
  '[click me](https://example.com/" onmouseover="window.__pwned=1)',
  '[<img src=x onerror=window.__pwned=1>](https://example.com/)',
  '`<img src=x onerror=window.__pwned=1>`',
  '**<b onclick=window.__pwned=1>bold</b>**',
  '<a href="javascript:window.__pwned=1">x</a>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
] as const;

export const HOSTILE_URLS = [
  'javascript:window.__pwned=1',
  'JaVaScRiPt:window.__pwned=1',
  ' javascript:window.__pwned=1',
  'java\tscript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'data:image/svg+xml,<svg onload=window.__pwned=1>',
  'vbscript:msgbox(1)',
  '//evil.example/logo.svg',
  '\\\\evil.example\\logo.svg',
  '/\\evil.example/logo.svg',
  'https://user@evil.example/logo.svg',
  'https://user:pw@evil.example/',
  'https://support.zendesk.com@evil.example/',
  'http://evil.example/',
  'https:evil.example',
  'https://',
  '',
  'file:///etc/passwd',
] as const;

/** Patterns that backtrack for ever on a near-miss such as "aaaa…a!". */
export const CATASTROPHIC_PATTERNS = ['(a+)+$', '(a|a)*b', '(a|aa)+$', '(.*a){12}', '([a-zA-Z]+)*$', '(\\w+\\s?)*$', '(a*)*b'] as const;

const WEIRD_CHARS = [
  '\u202e', // right-to-left override
  '\u202d',
  '\u2066', // left-to-right isolate
  '\u200b', // zero-width space
  '\u200d',
  '\ufeff', // byte-order mark
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '\u2028',
  '\ud800', // lone surrogate
  '\udfff',
  'e\u0301\u0301\u0301\u0301', // stacked combining marks
  '👩‍👩‍👧‍👦',
  '\u0627\u0644\u0639\u0631\u0628\u064a\u0629',
  '\uffff',
] as const;

/** 100 000 characters of something: plain text, and the markup's special characters unclosed. */
const HUGE_STRINGS: [string, () => string][] = [
  ...['a', '[', '[a', '**a', '*', '`a', '\\', '[a](', '\n \n', 'é', '<b>', ' '].map(
    (unit): [string, () => string] => [`${JSON.stringify(unit)} × 100 000 chars`, () => unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000)],
  ),
  ['"[" × 50 000 + "a](" + "x" × 50 000', () => `${'['.repeat(50_000)}a](${'x'.repeat(50_000)}`],
  ['"[" × 50 000 + "a](https://a.example/" × …', () => `${'['.repeat(50_000)}a](${'https://a.example/'.repeat(2800)}`],
];

const ODD_NUMBERS = [NaN, Infinity, -Infinity, -0, -1, 0.5, 1e308, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE] as const;

const WRONG_VALUES: (() => unknown)[] = [
  () => null,
  () => true,
  () => false,
  () => 0,
  () => 42,
  () => -1.5,
  () => '',
  () => 'x',
  () => [],
  () => ['x'],
  () => ({}),
  () => ({ en: 'x' }),
  () => ({ value: 'x', label: 'x' }),
];

const UNKNOWN_KEYS = ['extra', 'onclick', 'innerHTML', 'Label', 'x-vendor', 'nämé', 'id\u200b', 'max length', '', '0', 'toString', 'hasOwnProperty'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const LANG_KEYS = ['EN', 'nb-NO', 'zz', 'x-klingon', 'en-', 'e', 'english', 'nb_NO', '__proto__', 'constructor', 'zh-Hant-TW', ''];
const ENUM_VALUES = ['text', 'secret', 'email', 'url', 'select', 'radio', 'checkbox', 'hidden', 'Text', 'text ', 'register', 'lookup', 'oauth', 'apiKey', 'credentials', 'oauth2', 'grant', 'clients', ''];

/** Languages the widget is mounted in (its `lang`). */
export const LANGS = ['', 'en', 'nb', 'nb-NO', 'NO', 'zz', '__proto__', 'constructor', 'toString', 'en-\u202e'] as const;

// ——— where things are ———

export interface Place {
  path: Path;
  value: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every value in a document, with its path, the root first (own keys only; holes skipped). */
export function places(root: unknown, path: Path = [], out: Place[] = []): Place[] {
  out.push({ path, value: root });
  if (Array.isArray(root)) root.forEach((v, i) => places(v, [...path, i], out));
  else if (isObject(root)) for (const k of Object.keys(root)) places(root[k], [...path, k], out);
  return out;
}

/** `steps[0].fields[1].label`, `(root)`, `name["nb NO"]`: the validator's way of writing a path. */
export function formatPath(path: Path): string {
  if (!path.length) return '(root)';
  return path
    .map((k, i) =>
      typeof k === 'number' ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? (i ? `.${k}` : k) : `[${JSON.stringify(k)}]`,
    )
    .join('');
}

function parentOf(doc: Doc, path: Path): { parent: Record<string | number, unknown>; key: string | number } | undefined {
  if (!path.length) return undefined;
  let parent: unknown = doc.root;
  for (const k of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[k];
  return { parent: parent as Record<string | number, unknown>, key: path[path.length - 1] };
}

function setAt(doc: Doc, path: Path, value: unknown) {
  const at = parentOf(doc, path);
  if (!at) doc.root = value;
  // defineProperty, so that "__proto__" becomes an own key (as JSON.parse makes it), not the prototype
  else Object.defineProperty(at.parent, at.key, { value, writable: true, enumerable: true, configurable: true });
}

/** A short, printable account of a value for the log of mutations. */
export function show(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value.length > 40 ? value.slice(0, 40) : value);
    return value.length > 40 ? `${quoted}…(${value.length} chars)` : quoted;
  }
  const json = JSON.stringify(value, (_k, v) => (typeof v === 'string' && v.length > 40 ? `${v.slice(0, 40)}…` : v));
  return json.length > 80 ? `${json.slice(0, 80)}…` : json;
}

/** Keys whose strings (or whose maps' strings) people read: HTML belongs in none of them. */
const TEXT_KEYS = new Set(['title', 'label', 'help', 'placeholder', 'patternMessage', 'prefix', 'suffix', 'description', 'text', 'path', 'alt']);

function isTextSlot(path: Path): boolean {
  if (path.length === 1 && path[0] === 'name') return true; // the vendor's name (a field's `name` is an identifier)
  if (path.length >= 2 && path[0] === 'name') return true; // a localized vendor name
  const keys = path.filter((k): k is string => typeof k === 'string');
  const last = keys[keys.length - 1];
  const before = keys[keys.length - 2];
  return TEXT_KEYS.has(last) || (TEXT_KEYS.has(before) && !['fields', 'options', 'instructions', 'steps'].includes(last));
}

const strings = (doc: Doc) => places(doc.root).filter(p => typeof p.value === 'string');
const objects = (doc: Doc) => places(doc.root).filter(p => isObject(p.value));
const arrays = (doc: Doc) => places(doc.root).filter(p => Array.isArray(p.value));
const fields = (doc: Doc) => places(doc.root).filter(p => p.path.length === 4 && p.path[2] === 'fields' && isObject(p.value));

// ——— the mutations ———

export interface Doc {
  root: unknown;
}

export interface Mutation {
  name: string;
  /** Changes the document and says what it did, or returns undefined when it has nowhere to act. */
  apply(doc: Doc, rng: Rng): string | undefined;
}

export const MUTATIONS: Mutation[] = [
  {
    name: 'wrong-type',
    apply(doc, rng) {
      const target = rng.pick(places(doc.root).filter(p => p.path.length));
      const value = rng.pick(WRONG_VALUES)();
      setAt(doc, target.path, value);
      return `${formatPath(target.path)}: ${show(target.value)} → ${show(value)}`;
    },
  },
  {
    name: 'delete-key',
    apply(doc, rng) {
      const owners = objects(doc).filter(p => Object.keys(p.value as object).length);
      if (!owners.length) return undefined;
      const owner = rng.pick(owners);
      const key = rng.pick(Object.keys(owner.value as object));
      delete (owner.value as Record<string, unknown>)[key];
      return `deleted ${formatPath([...owner.path, key])}`;
    },
  },
  {
    name: 'unknown-key',
    apply(doc, rng) {
      const owners = objects(doc);
      if (!owners.length) return undefined;
      const owner = rng.pick(owners);
      const key = rng.pick(UNKNOWN_KEYS);
      const value = rng.pick(WRONG_VALUES)();
      setAt(doc, [...owner.path, key], value);
      return `${formatPath([...owner.path, key])} = ${show(value)}`;
    },
  },
  {
    name: 'proto-key',
    apply(doc, rng) {
      const owners = objects(doc);
      if (!owners.length) return undefined;
      const owner = rng.pick(owners);
      const key = rng.pick(PROTO_KEYS);
      const value = rng.pick([() => 'x', () => ({ polluted: true }), () => ({ en: 'x' }), () => ['x'], () => null])();
      setAt(doc, [...owner.path, key], value);
      return `own key ${formatPath([...owner.path, key])} = ${show(value)}`;
    },
  },
  {
    name: 'huge-string',
    apply(doc, rng) {
      const targets = strings(doc);
      if (!targets.length) return undefined;
      const target = rng.pick(targets);
      const [what, make] = rng.pick(HUGE_STRINGS);
      setAt(doc, target.path, make());
      return `${formatPath(target.path)} = ${what}`;
    },
  },
  {
    name: 'deep-nesting',
    apply(doc, rng) {
      const target = rng.pick(places(doc.root).filter(p => p.path.length));
      const asArray = rng.chance(0.5);
      let value: unknown = 'bottom';
      for (let i = 0; i < 200; i++) value = asArray ? [value] : { en: value };
      setAt(doc, target.path, value);
      return `${formatPath(target.path)} = ${asArray ? '[[[…]]]' : '{"en": {"en": …}}'} 200 deep`;
    },
  },
  {
    name: 'unicode',
    apply(doc, rng) {
      const targets = strings(doc);
      if (!targets.length) return undefined;
      const target = rng.pick(targets);
      const text = target.value as string;
      const char = rng.pick(WEIRD_CHARS);
      const at = rng.int(text.length + 1);
      const value = text.slice(0, at) + char + text.slice(at);
      setAt(doc, target.path, value);
      return `${formatPath(target.path)}: inserted ${JSON.stringify(char)} at ${at}`;
    },
  },
  {
    name: 'html-everywhere',
    apply(doc, rng) {
      const payload = rng.pick(PWNED_PAYLOADS);
      const replace = rng.chance(0.5);
      for (const p of strings(doc)) setAt(doc, p.path, replace ? payload : `${p.value as string}${payload}`);
      return `${replace ? 'every string is' : 'every string ends with'} ${JSON.stringify(payload)}`;
    },
  },
  {
    name: 'html-in-text',
    apply(doc, rng) {
      const payload = rng.pick(PWNED_PAYLOADS);
      const targets = strings(doc).filter(p => isTextSlot(p.path));
      if (!targets.length) return undefined;
      for (const p of targets) setAt(doc, p.path, `${p.value as string} ${payload}`);
      return `every text (${targets.length}) ends with ${JSON.stringify(payload)}`;
    },
  },
  {
    name: 'hostile-url',
    apply(doc, rng) {
      const url = rng.pick(HOSTILE_URLS);
      const slots = places(doc.root).filter(
        p => (p.path.length === 1 && (p.path[0] === 'logo' || p.path[0] === 'helpUrl')) || p.path[p.path.length - 1] === 'src',
      );
      const inMarkup = strings(doc).filter(p => p.path.includes('text') || p.path.includes('help'));
      const where = rng.int(3);
      if (where === 0 && slots.length) {
        const slot = rng.pick(slots);
        setAt(doc, slot.path, url);
        return `${formatPath(slot.path)} = ${JSON.stringify(url)}`;
      }
      if (where === 1 && inMarkup.length) {
        const slot = rng.pick(inMarkup);
        setAt(doc, slot.path, `${slot.value as string} [a link](${url})`);
        return `${formatPath(slot.path)} += [a link](${JSON.stringify(url)})`;
      }
      const key = rng.pick(['logo', 'helpUrl']);
      setAt(doc, [key], url);
      return `${key} = ${JSON.stringify(url)}`;
    },
  },
  {
    name: 'catastrophic-pattern',
    apply(doc, rng) {
      const targets = fields(doc);
      if (!targets.length) return undefined;
      const target = rng.pick(targets);
      const pattern = rng.pick(CATASTROPHIC_PATTERNS);
      setAt(doc, [...target.path, 'pattern'], pattern);
      return `${formatPath([...target.path, 'pattern'])} = ${JSON.stringify(pattern)}`;
    },
  },
  {
    name: 'sparse-array',
    apply(doc, rng) {
      const targets = arrays(doc);
      if (!targets.length) return undefined;
      const target = rng.pick(targets);
      const list = target.value as unknown[];
      if (list.length && rng.chance(0.6)) {
        const i = rng.int(list.length);
        delete list[i];
        return `hole at ${formatPath([...target.path, i])}`;
      }
      list.length += 1;
      return `hole at ${formatPath([...target.path, list.length - 1])} (length + 1)`;
    },
  },
  {
    name: 'odd-number',
    apply(doc, rng) {
      const value = rng.pick(ODD_NUMBERS);
      const numbers = places(doc.root).filter(p => typeof p.value === 'number');
      const targets = fields(doc);
      if (numbers.length && rng.chance(0.4)) {
        const target = rng.pick(numbers);
        setAt(doc, target.path, value);
        return `${formatPath(target.path)} = ${show(value)}`;
      }
      if (!targets.length) return undefined;
      const path = [...rng.pick(targets).path, rng.pick(['minLength', 'maxLength'])];
      setAt(doc, path, value);
      return `${formatPath(path)} = ${show(value)}`;
    },
  },
  {
    name: 'enum-swap',
    apply(doc, rng) {
      const targets = places(doc.root).filter(p =>
        ['type', 'method', 'kind', 'lookup', 'optionsFrom'].includes(String(p.path[p.path.length - 1])),
      );
      if (!targets.length) return undefined;
      const target = rng.pick(targets);
      const value = rng.pick(ENUM_VALUES);
      setAt(doc, target.path, value);
      return `${formatPath(target.path)}: ${show(target.value)} → ${show(value)}`;
    },
  },
  {
    name: 'empty',
    apply(doc, rng) {
      const target = rng.pick(places(doc.root).filter(p => p.path.length && typeof p.value !== 'number' && typeof p.value !== 'boolean'));
      if (!target) return undefined;
      const value = typeof target.value === 'string' ? rng.pick(['', ' ', '\n\t', '\u200b']) : Array.isArray(target.value) ? [] : {};
      setAt(doc, target.path, value);
      return `${formatPath(target.path)} = ${show(value)}`;
    },
  },
  {
    name: 'huge-array',
    apply(doc, rng) {
      // once is enough: 300 steps of 300 fields each is a 70 MB descriptor, a test of patience only
      if (places(doc.root).length > 2000) return undefined;
      const targets = arrays(doc).filter(p => (p.value as unknown[]).length);
      if (!targets.length) return undefined;
      const target = rng.pick(targets);
      const list = target.value as unknown[];
      const item = list[rng.int(list.length)];
      const copies = Array.from({ length: 300 }, () => structuredClone(item));
      setAt(doc, target.path, [...list, ...copies]);
      return `${formatPath(target.path)}: 300 more copies of one item`;
    },
  },
  {
    name: 'reorder',
    apply(doc, rng) {
      const targets = arrays(doc).filter(p => (p.value as unknown[]).length > 1);
      if (!targets.length) return undefined;
      const target = rng.pick(targets);
      (target.value as unknown[]).reverse();
      return `${formatPath(target.path)} reversed`;
    },
  },
  {
    name: 'lang-keys',
    apply(doc, rng) {
      const maps = objects(doc).filter(p => isTextSlot(p.path) && Object.values(p.value as object).every(v => typeof v === 'string'));
      if (!maps.length) return undefined;
      const map = rng.pick(maps);
      const key = rng.pick(LANG_KEYS);
      setAt(doc, [...map.path, key], 'text in some language');
      return `${formatPath([...map.path, key])} = "text in some language"`;
    },
  },
];

export interface FuzzCase {
  seed: number;
  index: number;
  base: string;
  lang: string;
  /** What was done, in order: "name: detail". */
  mutations: string[];
  descriptor: unknown;
}

/** Case `index` of the run with `seed`: a copy of one of `bases` with 1–4 mutations. */
export function makeCase(seed: number, index: number, bases: Record<string, unknown>): FuzzCase {
  const rng = new Rng(caseSeed(seed, index));
  const names = Object.keys(bases).sort();
  const base = rng.pick(names);
  const lang = rng.pick(LANGS);
  const doc: Doc = { root: structuredClone(bases[base]) };
  const mutations: string[] = [];
  const count = 1 + rng.int(4);
  for (let tries = 0; mutations.length < count && tries < 20; tries++) {
    const mutation = rng.pick(MUTATIONS);
    const done = mutation.apply(doc, rng);
    if (done) mutations.push(`${mutation.name}: ${done}`);
  }
  return { seed, index, base, lang, mutations, descriptor: doc.root };
}

/** How to see this case again, for failure messages. */
export function describeCase(c: FuzzCase): string {
  return [
    `fuzz seed ${c.seed}, case ${c.index} (base ${c.base}, lang ${JSON.stringify(c.lang)})`,
    ...c.mutations.map(m => `  - ${m}`),
    `  replay: npm run fuzz -- --seed ${c.seed} --case ${c.index}`,
  ].join('\n');
}
