/**
 * The ConnectMyApps API client: the only place in the widget that talks to the network.
 * Maps every failure to an ApiError with a contract code; secrets go only in POST bodies.
 */
import type { Option, Values } from '../descriptor/types.js';
import { isErrorCode, type ErrorCode } from '../errors.js';
import { isObject, type Json } from '../json.js';
import { parseUrl } from '../url.js';
import { ApiError } from './errors.js';

export interface ApiClientOptions {
  /** Base URL of the ConnectMyApps API, such as `https://api.example.com/v1`. */
  apiBase: string;
  /** Short-lived token from the host's backend, sent as `Authorization: Bearer` under `apiBase`. */
  sessionToken?: string;
  /** Milliseconds before a call is given up as a `network_error`. */
  timeoutMs?: number;
}

/**
 * What the user needs to grant access in the vendor's system, when the backend gives the attempt its
 * own (as in OAuth's device flow, RFC 8628): a code to enter there, the page where to do it, and
 * when the attempt expires.
 */
export interface GrantInfo {
  userCode?: string;
  /** An https URL. */
  verificationUri?: string;
  /** ISO 8601. */
  expiresAt?: string;
}

export type RegisterResult =
  | { status: 'registered'; connectionId: string; displayName?: string }
  | ({ status: 'pending'; flowId: string; retryAfter: number } & GrantInfo);

export interface OAuthFlow {
  flowId: string;
  authorizeUrl: string;
  expiresAt: string;
}

export interface FlowStatusResult extends GrantInfo {
  status: 'pending' | 'succeeded' | 'failed';
  connectionId?: string;
  error?: { code: ErrorCode; message: string };
  retryAfter?: number;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
/** A message from the server: the string given, else none. */
const messageOf = (v: unknown) => (typeof v === 'string' && !/<[!/a-z]/i.test(v) ? v : '');

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'session_expired';
  if (status === 403) return 'origin_not_allowed';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'unknown_error';
}

/** The longest pause a server can ask for, in seconds: more is a broken or hostile answer. */
export const MAX_RETRY_AFTER = 300;

/** `Retry-After` as seconds, as RFC 9110 defines it (delta-seconds or an HTTP date), clamped to 0–300 s. */
export function retryAfterSeconds(header: string | null): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  // an HTTP date ends in GMT; anything else that is not digits ("0x10", "1e3", "-5") is no answer
  const seconds = /^\d+$/.test(value) ? +value : / GMT$/.test(value) ? (Date.parse(value) - Date.now()) / 1000 : NaN;
  return Number.isNaN(seconds) ? undefined : Math.min(MAX_RETRY_AFTER, Math.max(0, Math.ceil(seconds)));
}

/** `url` resolved, when it is an API base the widget may send secrets to: https, or http on this machine (development). */
function apiBaseUrl(url: string): URL | undefined {
  const parsed = url.trim() ? parseUrl(url, document.baseURI) : undefined;
  if (!parsed) return undefined;
  const { protocol, hostname, username, password } = parsed;
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
  return !username && !password && (protocol === 'https:' || (protocol === 'http:' && local)) ? parsed : undefined;
}

const shapeError = () => new ApiError('server_error', '');

/** The grant data of an answer, each piece only when it has the contract's shape. */
function grantInfo(body: Json): GrantInfo {
  const info: GrantInfo = {};
  if (isString(body.userCode) && body.userCode.length <= 64) info.userCode = body.userCode;
  if (isString(body.verificationUri) && /^https:\/\//i.test(body.verificationUri)) info.verificationUri = body.verificationUri;
  if (isString(body.expiresAt)) info.expiresAt = body.expiresAt;
  return info;
}

/** An HTTP answer with its body read in full (within the call's timeout). */
interface Answer {
  status: number;
  ok: boolean;
  headers: Headers;
  body: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class ApiClient {
  readonly apiBase: string;
  readonly #sessionToken?: string;
  readonly #timeoutMs: number;

  /** Throws when `apiBase` is not one the widget may send secrets to (see `apiBaseUrl`). */
  constructor(options: ApiClientOptions) {
    const apiBase = apiBaseUrl(options.apiBase);
    if (!apiBase) throw new ApiError('unknown_error');
    this.apiBase = apiBase.href.replace(/\/+$/, '');
    this.#sessionToken = options.sessionToken || undefined;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** The descriptor as parsed JSON (validated by the caller). */
  async getDescriptor(url: string, signal?: AbortSignal): Promise<unknown> {
    const answer = await this.#send(url, 'GET', signal);
    if (answer.status === 404) throw new ApiError('descriptor_not_found');
    if (!answer.ok) throw this.#failure(answer);
    try {
      return JSON.parse(answer.body);
    } catch (e) {
      throw new ApiError('descriptor_invalid', `(root): not JSON (${(e as Error).message})`);
    }
  }

  async register(vendor: string, values: Values, signal?: AbortSignal): Promise<RegisterResult> {
    const body = await this.#post(vendor, 'registrations', { values }, signal);
    if (isString(body.connectionId)) {
      return { status: 'registered', connectionId: body.connectionId, displayName: isString(body.displayName) ? body.displayName : undefined };
    }
    if (body.status === 'pending' && isString(body.flowId)) {
      return { status: 'pending', flowId: body.flowId, retryAfter: typeof body.retryAfter === 'number' ? body.retryAfter : 2, ...grantInfo(body) };
    }
    throw shapeError();
  }

  async lookup(vendor: string, lookup: string, values: Values, signal?: AbortSignal): Promise<Option[]> {
    const body = await this.#post(vendor, `lookups/${encodeURIComponent(lookup)}`, { values }, signal);
    const options = body.options;
    if (!Array.isArray(options) || !options.every(o => isObject(o) && typeof o.value === 'string' && typeof o.label === 'string')) {
      throw shapeError();
    }
    // an empty value would hide "Choose…", and a repeated one make the choice jump: neither is kept
    return options.filter((o, i) => o.value && options.findIndex(p => p.value === o.value) === i).map(o => ({
      value: o.value as string,
      label: o.label as string,
      ...(typeof o.description === 'string' ? { description: o.description } : {}),
    }));
  }

  async startOAuth(
    vendor: string,
    request: { values: Values; origin: string; mode: 'popup' | 'redirect'; returnTo?: string },
    signal?: AbortSignal,
  ): Promise<OAuthFlow> {
    const body = await this.#post(vendor, 'oauth/flows', request, signal);
    if (!isString(body.flowId) || !isString(body.authorizeUrl) || !apiBaseUrl(body.authorizeUrl) || !isString(body.expiresAt)) throw shapeError();
    return { flowId: body.flowId, authorizeUrl: body.authorizeUrl, expiresAt: body.expiresAt };
  }

  async getFlow(flowId: string, signal?: AbortSignal): Promise<FlowStatusResult> {
    const body = this.#json(await this.#send(this.#flowUrl(flowId), 'GET', signal));
    if (!['pending', 'succeeded', 'failed'].includes(body.status as string)) throw shapeError();
    const result: FlowStatusResult = { status: body.status as FlowStatusResult['status'], ...grantInfo(body) };
    if (isString(body.connectionId)) result.connectionId = body.connectionId;
    if (typeof body.retryAfter === 'number') result.retryAfter = body.retryAfter;
    if (body.status === 'succeeded' && !result.connectionId) throw shapeError();
    if (body.status === 'failed') {
      const error = isObject(body.error) ? body.error : {};
      result.error = {
        code: isErrorCode(error.code) ? error.code : 'provider_error',
        message: messageOf(error.message),
      };
    }
    return result;
  }

  /** Cancels a flow on the server; best effort, never throws. */
  async cancelFlow(flowId: string): Promise<void> {
    try {
      await this.#send(this.#flowUrl(flowId), 'DELETE');
    } catch {
      // best effort: the server lets the flow expire anyway
    }
  }

  #flowUrl(flowId: string) {
    return `${this.apiBase}/flows/${encodeURIComponent(flowId)}`;
  }

  /** POSTs `body` as JSON to `path` under the vendor's URL (`/apps/{vendor}/`). */
  async #post(vendor: string, path: string, body: unknown, signal?: AbortSignal): Promise<Json> {
    const url = `${this.apiBase}/apps/${encodeURIComponent(vendor)}/${path}`;
    return this.#json(await this.#send(url, 'POST', signal, JSON.stringify(body)));
  }

  /** The body of a successful answer; an answer that is not a JSON object breaks the contract. */
  #json(answer: Answer): Json {
    if (!answer.ok) throw this.#failure(answer);
    const body = parseJson(answer.body);
    if (isObject(body)) return body;
    throw shapeError();
  }

  /** Maps an error answer: the body's contract code wins, else the HTTP status decides. */
  #failure(answer: Answer): ApiError {
    const body = parseJson(answer.body); // not JSON: the status alone decides
    const error: Json = isObject(body) && isObject(body.error) ? body.error : {};
    const code = isErrorCode(error.code) ? error.code : codeForStatus(answer.status);
    const fields = isObject(error.fields)
      ? Object.fromEntries(Object.entries(error.fields).filter((e): e is [string, string] => !!messageOf(e[1])))
      : undefined;
    return new ApiError(code, messageOf(error.message), { fields, retryAfter: retryAfterSeconds(answer.headers.get('Retry-After')) });
  }

  /**
   * fetch with a timeout, the caller's abort signal, and the session token under `apiBase`.
   * The body is read before the timer stops, so an answer whose body stalls also times out.
   */
  async #send(url: string, method: string, signal?: AbortSignal, json?: string): Promise<Answer> {
    const headers = new Headers({ Accept: 'application/json' });
    if (json !== undefined) headers.set('Content-Type', 'application/json');
    // Compared as the URL fetch will request: "/v1/../evil", "%2e%2e", a relative URL, "HTTPS://API…"
    // and ":443" are resolved first, so the token goes exactly where apiBase's paths go.
    const target = parseUrl(url, document.baseURI)?.href;
    if (target === undefined) throw new ApiError('network_error'); // what fetch itself rejects such a URL with
    const underApi = target === this.apiBase || target.startsWith(`${this.apiBase}/`);
    if (this.#sessionToken && underApi) headers.set('Authorization', `Bearer ${this.#sessionToken}`);

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    const forwardAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) forwardAbort();
    signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      // never follow a redirect: it would carry the values (and the token) somewhere else
      const response = await fetch(target, {
        method,
        headers,
        body: json,
        signal: controller.signal,
        // a GET in fetch's default mode (no cookies to another origin) can use the page's
        // <link rel="preload" as="fetch" crossorigin> of a descriptor; the rest send no cookies at all
        credentials: method == 'GET' ? 'same-origin' : 'omit',
        referrerPolicy: 'origin',
        redirect: 'manual',
      });
      if (response.type === 'opaqueredirect') {
        return { status: 502, ok: false, headers: new Headers(), body: '' };
      }
      const body = await response.text();
      return { status: response.status, ok: response.ok, headers: response.headers, body };
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new ApiError('network_error', '', { timedOut });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }
}
