/**
 * The ConnectMyApps API client: the only place in the widget that talks to the network.
 * Maps every failure to an ApiError with a contract code; secrets go only in POST bodies.
 */
import type { Option, Values } from '../descriptor/types.js';
import { ApiError, isErrorCode, type ErrorCode } from './errors.js';

export interface ApiClientOptions {
  /** Base URL of the ConnectMyApps API, such as `https://api.example.com/v1`. */
  apiBase: string;
  /** Short-lived token from the host's backend, sent as `Authorization: Bearer` under `apiBase`. */
  sessionToken?: string;
  /** Milliseconds before a call is given up as a `network_error`. */
  timeoutMs?: number;
}

export type RegisterResult =
  | { status: 'registered'; connectionId: string; displayName?: string }
  | { status: 'pending'; flowId: string; retryAfter: number };

export interface OAuthFlow {
  flowId: string;
  authorizeUrl: string;
  expiresAt: string;
}

export interface FlowStatusResult {
  status: 'pending' | 'succeeded' | 'failed';
  connectionId?: string;
  error?: { code: ErrorCode; message: string };
  retryAfter?: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'session_expired';
  if (status === 403) return 'origin_not_allowed';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'unknown_error';
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

const shapeError = () => new ApiError('server_error', '');

export class ApiClient {
  readonly apiBase: string;
  private readonly sessionToken?: string;
  private readonly timeoutMs: number;

  constructor(options: ApiClientOptions) {
    this.apiBase = new URL(options.apiBase, document.baseURI).href.replace(/\/+$/, '');
    this.sessionToken = options.sessionToken || undefined;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** The descriptor as parsed JSON (validated by the caller). */
  async getDescriptor(url: string, signal?: AbortSignal): Promise<unknown> {
    const response = await this.send(url, { method: 'GET' }, signal);
    if (response.status === 404) throw new ApiError('descriptor_not_found');
    if (!response.ok) throw await this.failure(response);
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new ApiError('descriptor_invalid', `(root): not JSON (${(e as Error).message})`);
    }
  }

  async register(vendor: string, values: Values, signal?: AbortSignal): Promise<RegisterResult> {
    const body = await this.post(`/apps/${encodeURIComponent(vendor)}/registrations`, { values }, signal);
    if (isString(body.connectionId)) {
      return { status: 'registered', connectionId: body.connectionId, displayName: isString(body.displayName) ? body.displayName : undefined };
    }
    if (body.status === 'pending' && isString(body.flowId)) {
      return { status: 'pending', flowId: body.flowId, retryAfter: typeof body.retryAfter === 'number' ? body.retryAfter : 2 };
    }
    throw shapeError();
  }

  async lookup(vendor: string, lookup: string, values: Values, signal?: AbortSignal): Promise<Option[]> {
    const body = await this.post(`/apps/${encodeURIComponent(vendor)}/lookups/${encodeURIComponent(lookup)}`, { values }, signal);
    const options = body.options;
    if (!Array.isArray(options) || !options.every(o => isObject(o) && typeof o.value === 'string' && typeof o.label === 'string')) {
      throw shapeError();
    }
    return options.map(o => ({
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
    const body = await this.post(`/apps/${encodeURIComponent(vendor)}/oauth/flows`, request, signal);
    if (!isString(body.flowId) || !isString(body.authorizeUrl) || !isString(body.expiresAt)) throw shapeError();
    return { flowId: body.flowId, authorizeUrl: body.authorizeUrl, expiresAt: body.expiresAt };
  }

  async getFlow(flowId: string, signal?: AbortSignal): Promise<FlowStatusResult> {
    const response = await this.send(`${this.apiBase}/flows/${encodeURIComponent(flowId)}`, { method: 'GET' }, signal);
    const body = await this.json(response);
    if (!['pending', 'succeeded', 'failed'].includes(body.status as string)) throw shapeError();
    const result: FlowStatusResult = { status: body.status as FlowStatusResult['status'] };
    if (isString(body.connectionId)) result.connectionId = body.connectionId;
    if (typeof body.retryAfter === 'number') result.retryAfter = body.retryAfter;
    if (body.status === 'succeeded' && !result.connectionId) throw shapeError();
    if (body.status === 'failed') {
      const error = isObject(body.error) ? body.error : {};
      result.error = {
        code: isErrorCode(error.code) ? error.code : 'provider_error',
        message: typeof error.message === 'string' ? error.message : '',
      };
    }
    return result;
  }

  /** Cancels a flow on the server; best effort, never throws. */
  async cancelFlow(flowId: string): Promise<void> {
    try {
      await this.send(`${this.apiBase}/flows/${encodeURIComponent(flowId)}`, { method: 'DELETE' });
    } catch {
      // best effort: the server lets the flow expire anyway
    }
  }

  private async post(path: string, body: unknown, signal?: AbortSignal): Promise<Json> {
    const response = await this.send(
      `${this.apiBase}${path}`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      signal,
    );
    return this.json(response);
  }

  private async json(response: Response): Promise<Json> {
    if (!response.ok) throw await this.failure(response);
    try {
      const body = await response.json();
      if (isObject(body)) return body;
    } catch {
      // falls through: an answer that is not JSON breaks the contract
    }
    throw shapeError();
  }

  /** Maps an error answer: the body's contract code wins, else the HTTP status decides. */
  private async failure(response: Response): Promise<ApiError> {
    let error: Json = {};
    try {
      const body = await response.json();
      if (isObject(body) && isObject(body.error)) error = body.error;
    } catch {
      // not JSON: the status alone decides
    }
    const code = isErrorCode(error.code) ? error.code : codeForStatus(response.status);
    const fields = isObject(error.fields)
      ? Object.fromEntries(Object.entries(error.fields).filter((e): e is [string, string] => typeof e[1] === 'string'))
      : undefined;
    const message = typeof error.message === 'string' ? error.message : '';
    return new ApiError(code, message, { fields, retryAfter: retryAfterSeconds(response.headers.get('Retry-After')) });
  }

  /** fetch with a timeout, the caller's abort signal, and the session token under `apiBase`. */
  private async send(url: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    const underApi = url === this.apiBase || url.startsWith(`${this.apiBase}/`);
    if (this.sessionToken && underApi) headers.set('Authorization', `Bearer ${this.sessionToken}`);

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const forwardAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) forwardAbort();
    signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      return await fetch(url, { ...init, headers, signal: controller.signal, credentials: 'omit', referrerPolicy: 'origin' });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new ApiError('network_error', '', { timedOut });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }
}
