/**
 * The step engine: a pure state machine over a descriptor's steps. No DOM, no fetch.
 * Elements ask it what to show (`currentStep`, `visibleFields`, `submitRequest`) and tell it
 * what happened (`transition`); it decides which step is current and what comes next.
 */
import { compilePattern } from '../descriptor/problems.js';
import { forWay, waysOf, type Descriptor, type Field, type FieldValue, type LocalizedString, type Option, type Step, type Submit, type Values, type Way, type WayDescriptor } from '../descriptor/types.js';
import type { ErrorCode } from '../errors.js';
import { isWebUrl, parseUrl } from '../url.js';

export type FlowStatus =
  /** The user is filling in the current step. */
  | 'editing'
  /** The current step's submit is in flight. */
  | 'submitting'
  /** An OAuth flow is open (popup or redirect) and not yet confirmed by the server. */
  | 'authorizing'
  /** The server accepted the request but waits for the vendor to grant access. */
  | 'pending'
  | 'registered'
  | 'cancelled';

/** Why a field is not accepted. `server` carries the API's message; the rest are localized by the view. */
export type FieldProblem =
  | { rule: 'required' | 'email' | 'url' | 'option' }
  | { rule: 'pattern' }
  | { rule: 'minLength' | 'maxLength'; limit: number }
  | { rule: 'server'; message: string };

export interface FlowError {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  /** Seconds to wait before trying again (rate limits). */
  retryAfter?: number;
}

export interface FlowState {
  /** The descriptor, narrowed to the way the user goes. */
  readonly descriptor: WayDescriptor;
  readonly stepIndex: number;
  /** Everything the user typed or chose, on every step, kept when going back. */
  readonly values: Values;
  /** Options each lookup answered with, by lookup name. */
  readonly lookups: Readonly<Record<string, Option[]>>;
  readonly status: FlowStatus;
  /** Whether the current step has been submitted once (field errors then update as the user types). */
  readonly submitted: boolean;
  readonly fieldErrors: Readonly<Record<string, FieldProblem>>;
  readonly error?: FlowError;
  /** The OAuth or pending-grant flow in progress. */
  readonly flowId?: string;
  readonly connectionId?: string;
  readonly displayName?: string;
}

export type FlowAction =
  /** `left`: the user has left the field (or picked a choice), so it is checked now. */
  | { type: 'input'; name: string; value: FieldValue; left?: boolean }
  | { type: 'submit' }
  | { type: 'lookupSucceeded'; lookup: string; options: Option[] }
  | { type: 'flowStarted'; flowId: string; status: 'authorizing' | 'pending' }
  | { type: 'registered'; connectionId: string; displayName?: string }
  | { type: 'failed'; error: FlowError; fields?: Record<string, string> }
  | { type: 'back' }
  | { type: 'cancel' }
  /** A new OAuth window for the flow under way (the last one was closed): back to submitting it. */
  | { type: 'reopen' }
  /** Back from the vendor in redirect mode: the OAuth step's flow is under way again. */
  | { type: 'resume'; flowId: string };

/** What the current step's submit asks the API to do, with the values collected so far. */
export type SubmitRequest =
  | { kind: 'register'; values: Values }
  | { kind: 'lookup'; lookup: string; values: Values }
  | { kind: 'oauth'; values: Values; popup: { width: number; height: number } };

const DEFAULT_POPUP = { width: 600, height: 700 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The fields of `steps`, in order. */
const fieldsOf = (steps: Step[]) => steps.flatMap(s => s.fields ?? []);

/**
 * A new flow through one of the descriptor's ways (the first, if not named). `typed`: what the user
 * typed on another way, kept for fields of the same name (a subdomain) except secrets.
 */
export function start(whole: Descriptor, way: Way = waysOf(whole)[0], typed: Values = {}): FlowState {
  const descriptor = forWay(whole, way);
  const values: Values = {};
  for (const field of fieldsOf(descriptor.steps)) {
    const kept = field.type !== 'secret' && field.type !== 'hidden' && Object.hasOwn(typed, field.name);
    if (kept) values[field.name] = typed[field.name];
    else if (field.default !== undefined) values[field.name] = field.default;
    else if (field.type === 'checkbox') values[field.name] = false;
  }
  return { descriptor, stepIndex: 0, values, lookups: {}, status: 'editing', submitted: false, fieldErrors: {} };
}

export function currentStep(state: FlowState): Step {
  return state.descriptor.steps[state.stepIndex];
}

export const isLastStep = (state: FlowState) => state.stepIndex === state.descriptor.steps.length - 1;

/** True while the flow can still take input or requests (not finished, not cancelled). */
export const isOpen = (state: FlowState) => state.status !== 'registered' && state.status !== 'cancelled';

function isVisible(field: Field, values: Values): boolean {
  return !field.showIf || values[field.showIf.field] === field.showIf.equals;
}

/** Fields of the current step that are shown for the values so far (`showIf`). */
export function visibleFields(state: FlowState, step = currentStep(state)): Field[] {
  return (step.fields ?? []).filter(f => isVisible(f, state.values));
}

/** The options of a select or radio field: its own, or those its lookup answered with. */
export function optionsOf(state: FlowState, field: Field): Option[] {
  return field.optionsFrom ? (state.lookups[field.optionsFrom] ?? NONE) : (field.options ?? NONE);
}
/** No options: always the same array, so that a field without any is not rendered again at every keystroke. */
const NONE: Option[] = [];

/** Fields of the current step that must be chosen from a lookup that answered with nothing. */
export function emptyChoices(state: FlowState): Field[] {
  return visibleFields(state).filter(f => f.optionsFrom && optionsOf(state, f).length === 0);
}

/** Whether the current step can be submitted now (an empty lookup leaves nothing to submit). */
export function canSubmit(state: FlowState): boolean {
  return state.status === 'editing' && emptyChoices(state).every(f => !f.required);
}

/**
 * The value as it is checked and sent. Passwords are taken as typed; other single-line values lose
 * the spaces a paste brings along, and a field with a prefix or suffix keeps only the part between
 * them (`reduceToFrame`).
 */
export function normalize(field: Field, value: FieldValue | undefined): FieldValue | undefined {
  if (typeof value !== 'string') return value;
  const password = field.type === 'secret' && /password/.test(field.autocomplete ?? '');
  return password || field.multiline ? value : reduceToFrame(field, value);
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Text that reads as a host name, with an optional port, alone or followed by a path, query or fragment. */
const HOST_LIKE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d*)?(?:[/?#]|$)/i;
/** A suffix that ends a host name (`.example.com`): what comes before it is the start of a host name. */
const DOMAIN_SUFFIX = /^\.[a-z0-9-]+(?:\.[a-z0-9-]+)*$/i;
/** A prefix that can start a host name: a scheme (`https://`), the start of a host (`eu-`), or both. */
const HOST_PREFIX = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[a-z0-9.-]*$/i;

/** Every language's version of a prefix or suffix, longest first. */
const variants = (text: LocalizedString | undefined): string[] =>
  (text === undefined ? [] : typeof text === 'string' ? [text] : Object.values(text))
    .map(s => s.trim())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);

const startsWith = (text: string, start: string) => text.slice(0, start.length).toLowerCase() === start.toLowerCase();
/** (`end` is never empty, nor longer than `text`.) */
const endsWith = (text: string, end: string) => text.slice(-end.length).toLowerCase() === end.toLowerCase();

/** `text` without the first of `starts` it begins with and the first of `ends` it ends with (any case), trimmed. */
function strip(text: string, starts: string[], ends: string[]): string {
  const start = starts.find(s => s && startsWith(text, s)) ?? '';
  const rest = text.slice(start.length);
  const end = ends.find(e => e && rest.length > e.length && endsWith(rest, e)) ?? '';
  return rest.slice(0, rest.length - end.length).trim();
}

/**
 * The part of a pasted or typed value that a field's `prefix` and `suffix` frame, trimmed: what the
 * user means when the value arrives carrying the text shown around the input.
 *
 * - With a domain suffix (`.example.com`, and no prefix or one such as `https://`), the value is the
 *   start of a host name: a URL or host name (`https://acme.example.com/admin`) is reduced to its
 *   host without the suffix (`acme`), and the result is lower-case, as host names are. A URL with a
 *   user name, password or port, another scheme than http(s), or a host the suffix does not end is
 *   left as it is, so the field's checks refuse it instead of sending a part of it.
 * - Otherwise a leading prefix and a trailing suffix are removed, compared in any case, and the
 *   rest keeps the user's case (`HTTPS://Example.com/Acme` with prefix `https://example.com/` is
 *   `Acme`); a value without a scheme may omit the prefix's scheme (`example.com/Acme`).
 *
 * Every language's version of the prefix and suffix counts. Pure: the engine checks and sends the
 * result, and the field shows it once the user leaves the input.
 */
export function reduceToFrame(field: Pick<Field, 'prefix' | 'suffix'>, value: string): string {
  const text = value.trim();
  const prefixes = variants(field.prefix);
  const suffixes = variants(field.suffix);
  if (!prefixes.length && !suffixes.length) return text;
  // the prefixes without their scheme: the rest of a URL prefix (`example.com/` of `https://example.com/`),
  // or the start of a host name (`eu-` of `https://eu-`)
  const schemeless = prefixes.map(p => p.replace(SCHEME, '')).filter(Boolean);

  const hostFrame = suffixes.length > 0 && suffixes.every(s => DOMAIN_SUFFIX.test(s)) && prefixes.every(p => HOST_PREFIX.test(p));
  if (!hostFrame) {
    // a value without a scheme may still carry the rest of a prefix that has one
    return strip(text, SCHEME.test(text) ? prefixes : [...prefixes, ...schemeless], suffixes);
  }

  // the start of the host the prefix gives, if any: `schemeless`
  if (SCHEME.test(text) || HOST_LIKE.test(text)) {
    const url = parseUrl(SCHEME.test(text) ? text : `https://${text}`);
    if (!url) return text;
    const plain = isWebUrl(url) && !url.username && !url.password && !url.port;
    const host = url.hostname; // lower-case, as the URL parser gives it
    const framed =
      suffixes.some(s => host.length > s.length && endsWith(host, s)) && (!schemeless.length || schemeless.some(p => startsWith(host, p)));
    if (!plain || !framed) return text;
    return strip(host, schemeless, suffixes);
  }
  return strip(text, schemeless, suffixes).toLowerCase();
}

/** The values of every visible field on the steps up to and including the current one. */
export function collectedValues(state: FlowState): Values {
  const values: Values = {};
  for (const step of state.descriptor.steps.slice(0, state.stepIndex + 1)) {
    for (const field of visibleFields(state, step)) {
      const value = normalize(field, state.values[field.name]);
      if (value !== undefined && value !== '') values[field.name] = value;
    }
  }
  return values;
}

/** What the current step's submit does. */
export function submitRequest(state: FlowState): SubmitRequest {
  const submit: Submit = currentStep(state).submit;
  const values = collectedValues(state);
  switch (submit.kind) {
    case 'lookup':
      return { kind: 'lookup', lookup: submit.lookup, values };
    case 'oauth':
      return { kind: 'oauth', values, popup: { ...DEFAULT_POPUP, ...submit.popup } };
    default:
      return { kind: 'register', values };
  }
}

/** Checks one field's value; undefined when it is fine. */
export function checkField(state: FlowState, field: Field): FieldProblem | undefined {
  const value = normalize(field, state.values[field.name]);
  if (field.type === 'checkbox') return field.required && value !== true ? { rule: 'required' } : undefined;
  const text = typeof value === 'string' ? value : '';
  if (!text) return field.required ? { rule: 'required' } : undefined;
  if (field.type === 'select' || field.type === 'radio') {
    return optionsOf(state, field).some(o => o.value === text) ? undefined : { rule: 'option' };
  }
  if (field.minLength !== undefined && text.length < field.minLength) return { rule: 'minLength', limit: field.minLength };
  if (field.maxLength !== undefined && text.length > field.maxLength) return { rule: 'maxLength', limit: field.maxLength };
  if (field.type === 'email' && !EMAIL.test(text)) return { rule: 'email' };
  if (field.type === 'url' && !isWebUrl(parseUrl(text))) return { rule: 'url' };
  if (field.pattern && !compilePattern(field.pattern).test(text)) return { rule: 'pattern' };
  return undefined;
}

function checkStep(state: FlowState): Record<string, FieldProblem> {
  const errors: Record<string, FieldProblem> = {};
  for (const field of visibleFields(state)) {
    const problem = checkField(state, field);
    if (problem) errors[field.name] = problem;
  }
  return errors;
}

/** Values with every secret removed: what is kept once the app is registered. */
function withoutSecrets(state: FlowState): Values {
  const secret = new Set(fieldsOf(state.descriptor.steps).filter(f => f.type === 'secret').map(f => f.name));
  return Object.fromEntries(Object.entries(state.values).filter(([name]) => !secret.has(name)));
}

/** `state` on step `stepIndex`, as it is before anything is submitted there. */
const atStep = (state: FlowState, stepIndex: number): FlowState => ({
  ...state,
  stepIndex,
  status: 'editing',
  submitted: false,
  fieldErrors: {},
  error: undefined,
});

/** The next state, given what happened. Actions that do not fit the current status change nothing. */
export function transition(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'input': {
      if (state.status !== 'editing') return state;
      const next = { ...state, values: { ...state.values, [action.name]: action.value } };
      // keep the errors of the other fields still shown (a showIf may have hidden some)
      const shown = visibleFields(next);
      const fieldErrors = Object.fromEntries(
        Object.entries(state.fieldErrors).filter(([name]) => name !== action.name && shown.some(f => f.name === name)),
      );
      const field = shown.find(f => f.name === action.name);
      // checked once the user has left it or submitted, then as they type until it is right again
      const problem = field && (state.submitted || action.left || action.name in state.fieldErrors) ? checkField(next, field) : undefined;
      if (problem) fieldErrors[action.name] = problem;
      return { ...next, fieldErrors };
    }
    case 'submit': {
      if (!canSubmit(state)) return state;
      const fieldErrors = checkStep(state);
      const invalid = Object.keys(fieldErrors);
      if (invalid.length) {
        return {
          ...state,
          submitted: true,
          fieldErrors,
          error: { code: 'invalid_input', message: '', retryable: true },
        };
      }
      return { ...state, submitted: true, fieldErrors: {}, error: undefined, status: 'submitting' };
    }
    case 'lookupSucceeded': {
      const submit = currentStep(state).submit;
      if (state.status !== 'submitting' || submit.kind !== 'lookup' || submit.lookup !== action.lookup) return state;
      const values = { ...state.values };
      const later = fieldsOf(state.descriptor.steps.slice(state.stepIndex + 1));
      for (const field of later.filter(f => f.optionsFrom === action.lookup)) {
        const current = values[field.name];
        if (action.options.length === 1) values[field.name] = action.options[0].value;
        else if (!action.options.some(o => o.value === current)) delete values[field.name];
      }
      return { ...atStep(state, state.stepIndex + 1), values, lookups: { ...state.lookups, [action.lookup]: action.options } };
    }
    case 'flowStarted':
      if (state.status !== 'submitting') return state;
      return { ...state, status: action.status, flowId: action.flowId };
    case 'registered':
      if (!isOpen(state) || state.status === 'editing') return state;
      return {
        ...state,
        values: withoutSecrets(state),
        status: 'registered',
        connectionId: action.connectionId,
        displayName: action.displayName,
        flowId: undefined,
        error: undefined,
      };
    case 'failed': {
      if (!isOpen(state)) return state;
      const fieldErrors: Record<string, FieldProblem> = {};
      const here = new Set(visibleFields(state).map(f => f.name));
      for (const [name, message] of Object.entries(action.fields ?? {})) {
        if (here.has(name)) fieldErrors[name] = { rule: 'server', message };
      }
      return { ...state, status: 'editing', flowId: undefined, fieldErrors, error: action.error };
    }
    case 'back':
      // from the first step only to the choice of ways, when there is one: the same step, at rest
      if (state.stepIndex === 0 && waysOf(state.descriptor).length < 2) return state;
      if (state.status !== 'editing' && state.status !== 'submitting') return state;
      return atStep(state, Math.max(0, state.stepIndex - 1));
    case 'cancel':
      if (!isOpen(state)) return state;
      // the attempt is over: what was typed as a secret goes (nothing can be sent any more)
      return { ...state, values: withoutSecrets(state), status: 'cancelled', flowId: undefined };
    case 'reopen':
      if (state.status !== 'authorizing' || currentStep(state).submit.kind !== 'oauth') return state;
      return { ...state, status: 'submitting', flowId: undefined, error: undefined };
    case 'resume': {
      const stepIndex = state.descriptor.steps.findIndex(s => s.submit.kind === 'oauth');
      if (state.status !== 'editing' || stepIndex < 0) return state;
      return { ...state, stepIndex, status: 'authorizing', flowId: action.flowId, error: undefined, fieldErrors: {} };
    }
  }
}
