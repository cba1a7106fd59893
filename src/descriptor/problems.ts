/**
 * The descriptor validator's checking: what is wrong with a descriptor, by JSON path and message key.
 * The English text of the keys is in messages.ts, which the widget loads only when a descriptor is
 * invalid (an author's mistake): its bundle carries the checking alone. validate.ts joins the two.
 */
import { isObject, type Json } from '../json.js';
import { isHttpsUrl as isHttps } from './markup.js';
import type { Messages } from './messages.js';

/** One thing wrong with a descriptor, at a JSON path such as `steps[1].fields[0].type`. */
export interface DescriptorProblem {
  path: string;
  message: string;
}

/** A problem as found: messages.ts says `key` with `args` (the values the message shows). */
export interface Finding<K extends keyof Messages = keyof Messages> {
  path: string;
  key: K;
  args: Parameters<Messages[K]>;
}

export const FIELD_TYPES = ['text', 'secret', 'email', 'url', 'select', 'radio', 'checkbox', 'hidden'] as const;
export const METHODS = ['apiKey', 'credentials', 'oauth2', 'grant'] as const;
export const SUBMIT_KINDS = ['register', 'lookup', 'oauth'] as const;
/** A descriptor's id (the vendor it is loaded for), a way's or a step's id, a lookup's name. */
export const ID = /^[a-z0-9][a-z0-9-]*$/;
/** A field name is a key of the values sent: an identifier, and never one that reaches a prototype. */
const FIELD_NAME = /^(?!__proto__$)[A-Za-z_]\w*$/;
const LANG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

/** The keys each kind of object may have, space-separated (smaller in the bundle than lists). */
const KEYS = {
  root: '$schema schemaVersion id name logo helpUrl method steps ways',
  way: 'id label description method steps',
  step: 'id title instructions fields submit',
  submit: 'kind lookup popup label',
  popup: 'width height',
  field:
    'name type label help placeholder required multiline pattern patternMessage ' +
    'minLength maxLength prefix suffix options optionsFrom default autocomplete showIf',
  option: 'value label description',
  showIf: 'field equals',
  instruction: 'text path image',
  image: 'src alt',
};

/** Compiles a descriptor `pattern` the way the widget uses it: `u` flag, matched against the whole value. */
export function compilePattern(pattern: string): RegExp {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    // Compiled alone first: "a)|(b" only compiles inside the wrapping, where it would match any
    // value that starts with "a" or ends with "b" instead of the whole value.
    new RegExp(pattern, 'u');
    compiledPatterns.set(pattern, (compiled = new RegExp(`^(?:${pattern})$`, 'u')));
  }
  return compiled;
}
/** Patterns already compiled: each is compiled once, not at every check (every keystroke). */
const compiledPatterns = new Map<string, RegExp>();

/**
 * Whether a pattern can take exponential time on a few dozen characters, freezing the page: a group
 * repeated more than once that holds a repetition or an alternation ((a+)+, (a|aa)*, (\w+\s?)*).
 * Conservative: some such groups are harmless, and they are refused too.
 */
export function backtracks(pattern: string): boolean {
  // per open group: whether it holds a repetition or an alternation
  const holds = [false];
  // an escape, a character class, or one character
  const tokens = pattern.match(/\\.|\[(?:\\.|[^\]])*\]|[^]/g) ?? [];
  return tokens.some((token, i) => {
    if (token === '(') return !holds.push(false);
    if (token === '|') holds[holds.length - 1] = true;
    const held = token === ')' && holds.pop();
    const repeated = /^(?:[*+]|\{\d)/.test(tokens[i + 1] + tokens[i + 2]);
    if (held || repeated) holds[holds.length - 1] = true;
    return held && repeated;
  });
}

/** True for an absolute https URL, or a relative reference (resolved against the descriptor's URL). */
function isHttpsOrRelative(url: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return isHttps(url);
  // not empty, not "//host", no spaces or backslashes
  return /^(?!\/\/)[^\s\\]+$/.test(url);
}

/**
 * Checks that `input` is a descriptor the widget can render, and lists every problem with its
 * JSON path; none when it is one. Pure: no DOM, no network.
 */
export function findProblems(input: unknown): Finding[] {
  const problems: Finding[] = [];
  const fail = <K extends keyof Messages>(path: string, key: K, ...args: Parameters<Messages[K]>) =>
    problems.push({ path: path || '(root)', key, args } as Finding);

  const unknownKeys = (obj: Json, allowed: string, path: string) => {
    for (const key of Object.keys(obj)) {
      if (!allowed.split(' ').includes(key)) fail(join(path, key), 'unknownKey');
    }
  };
  /** A string for every language: plain, or a map of language to text. */
  const localizedText = (value: unknown, path: string, required = false) => {
    if (value === undefined) {
      if (required) fail(path, 'required');
      return;
    }
    if (typeof value === 'string') {
      if (required && !value.trim()) fail(path, 'empty');
      return;
    }
    if (!isObject(value) || Object.keys(value).length === 0) {
      fail(path, 'localized', value);
      return;
    }
    for (const [lang, text] of Object.entries(value)) {
      if (!LANG.test(lang)) fail(join(path, lang), 'lang');
      else if (typeof text !== 'string') fail(join(path, lang), 'string', text);
    }
  };
  // the checks of one member of an object: `obj[key]`, at `path` + `key`
  const localized = (obj: Json, key: string, path: string, required = false) => localizedText(obj[key], join(path, key), required);
  const bool = (obj: Json, key: string, path: string) => {
    const value = obj[key];
    if (value !== undefined && typeof value !== 'boolean') fail(join(path, key), 'bool', value);
  };
  const count = (obj: Json, key: string, path: string) => {
    const value = obj[key];
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0)) fail(join(path, key), 'count', value);
  };
  const array = (obj: Json, key: string, path: string): unknown[] | undefined => {
    const value = obj[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      fail(join(path, key), 'array', value);
      return undefined;
    }
    // a copy without holes ([a, , b] in JavaScript): each hole is an undefined item, refused as such
    return [...value];
  };
  /**
   * The array `obj[key]`, each of its items checked: an object of `kind` (no keys but its own) goes to
   * `check` with its path; any other item is a `notKind` problem.
   */
  const eachObject = (
    obj: Json,
    key: string,
    path: string,
    notKind: 'notWay' | 'notStep' | 'notInstruction' | 'notField' | 'notOption',
    kind: keyof typeof KEYS,
    check: (item: Json, path: string, i: number, items: unknown[]) => void,
  ) => {
    const items = array(obj, key, path);
    items?.forEach((item, i) => {
      const itemPath = `${join(path, key)}[${i}]`;
      if (!isObject(item)) return fail(itemPath, notKind, item);
      unknownKeys(item, KEYS[kind], itemPath);
      check(item, itemPath, i, items);
    });
    return items;
  };
  /** The object `obj[key]` when there is one (its keys checked); a `notKind` problem when it is something else. */
  const object = (obj: Json, key: string, path: string, notKind: 'notImage' | 'notPopup' | 'notShowIf', kind: keyof typeof KEYS) => {
    const value = obj[key];
    path = join(path, key);
    if (value === undefined) return undefined;
    if (!isObject(value)) return void fail(path, notKind);
    unknownKeys(value, KEYS[kind], path);
    return value;
  };

  if (!isObject(input)) {
    fail('', 'notDescriptor', input);
    return problems;
  }
  const d = input;
  unknownKeys(d, KEYS.root, '');
  if (d.schemaVersion !== 1) fail('schemaVersion', 'version', d.schemaVersion);
  if (typeof d.id !== 'string' || !ID.test(d.id)) fail('id', 'id', d.id);
  /** An id that follows the ID pattern and is not in `ids` yet (which it joins). */
  const uniqueId = (ids: Set<string>, id: unknown, path: string, what: string) => {
    if (typeof id !== 'string' || !ID.test(id)) fail(path, 'id', id);
    else if (ids.has(id)) fail(path, 'duplicateId', what, id);
    else ids.add(id);
  };
  localized(d, 'name', '', true);
  if (d.logo !== undefined && !(typeof d.logo === 'string' && isHttpsOrRelative(d.logo))) fail('logo', 'urlOrPath');
  if (d.helpUrl !== undefined && !(typeof d.helpUrl === 'string' && isHttps(d.helpUrl))) fail('helpUrl', 'https');

  // what one way's steps have so far: names are unique, and lookups feed later steps, within a way
  let fieldNames = new Map<string, string>();
  let lookupsBefore = new Set<string>();
  /** A way: its `method` and `steps`, at `path` (the root's, or one of `ways`). */
  const checkWay = (way: Json, path: string) => {
    if (!METHODS.includes(way.method as never)) fail(join(path, 'method'), 'oneOf', METHODS, way.method);
    if (way.steps === undefined) fail(join(path, 'steps'), 'noSteps');
    fieldNames = new Map();
    lookupsBefore = new Set();
    const stepIds = new Set<string>();
    const steps = eachObject(way, 'steps', path, 'notStep', 'step', (step, sp, i, steps) => {
      uniqueId(stepIds, step.id, `${sp}.id`, 'step');
      checkStep(step, sp, i === steps.length - 1);
    });
    if (steps?.length === 0) fail(join(path, 'steps'), 'emptySteps');
  };

  if (d.ways === undefined) checkWay(d, '');
  else {
    if (d.method !== undefined || d.steps !== undefined) fail('ways', 'waysAndSteps');
    const wayIds = new Set<string>();
    const ways = eachObject(d, 'ways', '', 'notWay', 'way', (way, wp) => {
      uniqueId(wayIds, way.id, `${wp}.id`, 'way');
      localized(way, 'label', wp, true);
      localized(way, 'description', wp);
      checkWay(way, wp);
    });
    if (ways?.length === 0) fail('ways', 'emptyWays');
  }

  function checkStep(step: Json, sp: string, last: boolean) {
    localized(step, 'title', sp);

    eachObject(step, 'instructions', sp, 'notInstruction', 'instruction', (ins, ip) => {
      localized(ins, 'text', ip, true);
      array(ins, 'path', ip)?.forEach((item, k) => localizedText(item, `${ip}.path[${k}]`, true));
      const image = object(ins, 'image', ip, 'notImage', 'image');
      if (image) {
        if (typeof image.src !== 'string' || !isHttpsOrRelative(image.src)) fail(`${ip}.image.src`, 'urlOrPath');
        localized(image, 'alt', `${ip}.image`, true);
      }
    });

    eachObject(step, 'fields', sp, 'notField', 'field', checkField);

    const submit = step.submit;
    const subp = `${sp}.submit`;
    if (submit === undefined) fail(subp, 'noSubmit');
    else if (!isObject(submit)) fail(subp, 'notObject', submit);
    else {
      unknownKeys(submit, KEYS.submit, subp);
      if (!SUBMIT_KINDS.includes(submit.kind as never)) fail(`${subp}.kind`, 'oneOf', SUBMIT_KINDS, submit.kind);
      if (submit.kind === 'lookup') {
        if (typeof submit.lookup !== 'string' || !ID.test(submit.lookup)) fail(`${subp}.lookup`, 'lookupName');
      } else if (submit.lookup !== undefined) fail(`${subp}.lookup`, 'onlyLookup');
      if (submit.popup !== undefined && submit.kind !== 'oauth') fail(`${subp}.popup`, 'onlyOAuth');
      else {
        const popup = object(submit, 'popup', subp, 'notPopup', 'popup');
        for (const k of ['width', 'height']) {
          const v = popup?.[k];
          if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 200 && (v as number) <= 2000)) fail(`${subp}.popup.${k}`, 'pixels');
        }
      }
      localized(submit, 'label', subp);
      if (submit.kind === 'lookup' && typeof submit.lookup === 'string') lookupsBefore.add(submit.lookup);
      if (last && submit.kind === 'lookup') fail(`${subp}.kind`, 'lastLookup');
      if (!last && (submit.kind === 'register' || submit.kind === 'oauth')) fail(`${subp}.kind`, 'endsFlow', submit.kind);
    }
  }

  function checkField(f: Json, fp: string) {
    if (typeof f.name !== 'string' || !FIELD_NAME.test(f.name)) fail(`${fp}.name`, 'name', f.name);
    else if (fieldNames.has(f.name)) fail(`${fp}.name`, 'duplicateName', f.name, fieldNames.get(f.name)!);
    else fieldNames.set(f.name, fp);
    const type = f.type as string;
    if (!FIELD_TYPES.includes(type as never)) fail(`${fp}.type`, 'oneOf', FIELD_TYPES, f.type);
    const hidden = type === 'hidden';
    localized(f, 'label', fp, !hidden);
    if (hidden && f.default === undefined) fail(`${fp}.default`, 'hiddenDefault');
    for (const k of ['help', 'placeholder', 'patternMessage', 'prefix', 'suffix']) localized(f, k, fp);
    bool(f, 'required', fp);
    bool(f, 'multiline', fp);
    if (f.multiline === true && type !== 'text' && type !== 'secret') fail(`${fp}.multiline`, 'multiline');
    count(f, 'minLength', fp);
    count(f, 'maxLength', fp);
    if (typeof f.minLength === 'number' && typeof f.maxLength === 'number' && f.minLength > f.maxLength) fail(`${fp}.minLength`, 'minOverMax');
    if (f.pattern !== undefined) {
      if (typeof f.pattern !== 'string') fail(`${fp}.pattern`, 'string', f.pattern);
      else {
        try {
          // run once: V8 compiles on first use, and only then finds a pattern "too large"
          compilePattern(f.pattern).test('');
          if (backtracks(f.pattern)) fail(`${fp}.pattern`, 'backtracks');
        } catch (e) {
          fail(`${fp}.pattern`, 'regExp', e as Error);
        }
      }
    }
    if (f.autocomplete !== undefined && typeof f.autocomplete !== 'string') fail(`${fp}.autocomplete`, 'notString');

    const choice = type === 'select' || type === 'radio';
    const options = eachObject(f, 'options', fp, 'notOption', 'option', (o, op) => {
      if (typeof o.value !== 'string') fail(`${op}.value`, 'optionValue');
      localized(o, 'label', op, true);
      localized(o, 'description', op);
    });
    // An empty list leaves nothing to choose: a required field could never be submitted.
    if (choice && options?.length === 0) fail(`${fp}.options`, 'emptyOptions');
    if (f.optionsFrom !== undefined) {
      if (typeof f.optionsFrom !== 'string') fail(`${fp}.optionsFrom`, 'lookupRef');
      else if (!lookupsBefore.has(f.optionsFrom)) fail(`${fp}.optionsFrom`, 'noLookup', f.optionsFrom);
    }
    if (choice && f.options === undefined && f.optionsFrom === undefined) fail(fp, 'needsOptions', type);
    if (f.options !== undefined && f.optionsFrom !== undefined) fail(fp, 'optionsAndFrom');
    if (!choice && (f.options !== undefined || f.optionsFrom !== undefined)) fail(fp, 'notChoice');

    if (f.default !== undefined) {
      const want = type === 'checkbox' ? 'boolean' : 'string';
      if (typeof f.default !== want) fail(`${fp}.default`, 'defaultType', want, type);
      else if (options && !options.some(o => isObject(o) && o.value === f.default)) fail(`${fp}.default`, 'notAnOption');
    }

    const showIf = object(f, 'showIf', fp, 'notShowIf', 'showIf');
    if (showIf) {
      const target = showIf.field;
      const known = typeof target === 'string' && fieldNames.has(target) && target !== f.name;
      if (!known) fail(`${fp}.showIf.field`, 'noField', target);
      const eq = showIf.equals;
      if (typeof eq !== 'string' && typeof eq !== 'boolean') fail(`${fp}.showIf.equals`, 'equals');
    }
  }

  return problems;
}

function join(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

/** One line per problem: `steps[1].fields[0].type: expected one of …`. */
export function formatProblems(problems: DescriptorProblem[]): string {
  return problems.map(p => `${p.path}: ${p.message}`).join('\n');
}
