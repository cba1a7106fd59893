import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiClient, isApiBase } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import type { Descriptor } from '../descriptor/types.js';
import { validateDescriptor, type DescriptorProblem } from '../descriptor/validate.js';

const VENDOR_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Where the descriptor comes from: the element's inputs. */
export interface DescriptorSource {
  vendor: string;
  apiBase: string;
  descriptorBase: string;
  /** A descriptor given inline: nothing is fetched. */
  descriptor?: unknown;
  sessionToken: string;
}

export type DescriptorState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  /** `noApiBase`: the host gave no usable `api-base`, so nothing was asked. */
  | { kind: 'failed'; error: ApiError; problems?: DescriptorProblem[]; noApiBase?: boolean }
  | { kind: 'ready'; descriptor: Descriptor; baseUrl: string };

export interface DescriptorControllerOptions {
  source: () => DescriptorSource;
  /** Called once per load, when it has settled (ready or failed), unless a newer load superseded it. */
  onSettled: (state: Extract<DescriptorState, { kind: 'ready' | 'failed' }>) => void;
}

/**
 * Loads and validates the vendor's descriptor (fetched, or given inline), one load at a time:
 * a new load aborts the one before, and removal from the page aborts it too.
 *
 * @example
 * ```ts
 * private descriptor = new DescriptorController(this, { source: () => this, onSettled: s => this.begin(s) });
 * willUpdate(changed) { if (changed.has('vendor')) this.descriptor.load(); }
 * ```
 */
export class DescriptorController implements ReactiveController {
  state: DescriptorState = { kind: 'idle' };
  #inflight?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DescriptorControllerOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    this.#inflight?.abort();
  }

  async load() {
    this.#inflight?.abort();
    const controller = (this.#inflight = new AbortController());
    const { vendor, apiBase, descriptorBase, descriptor, sessionToken } = this.options.source();
    if (!vendor && descriptor === undefined) return this.#set({ kind: 'idle' });
    // without an API it may send secrets to, the widget sends nothing, even with an inline descriptor
    if (!isApiBase(apiBase)) return this.#fail(new ApiError('unknown_error'), { noApiBase: true });
    if (descriptor !== undefined) return this.#accept(descriptor, descriptorBase || document.baseURI, '');
    if (!VENDOR_ID.test(vendor)) return this.#fail(new ApiError('descriptor_not_found'));

    const base = (descriptorBase || `${apiBase.replace(/\/+$/, '')}/vendors`).replace(/\/+$/, '');
    let url: string;
    let api: ApiClient;
    try {
      url = new URL(`${base}/${vendor}.json`, document.baseURI).href;
      api = new ApiClient({ apiBase, sessionToken });
    } catch {
      return this.#fail(new ApiError('unknown_error'), { noApiBase: true });
    }
    this.#set({ kind: 'loading' });
    try {
      const json = await api.getDescriptor(url, controller.signal);
      if (!controller.signal.aborted) this.#accept(json, url, vendor);
    } catch (e) {
      if (controller.signal.aborted) return;
      const error = e instanceof ApiError ? e : new ApiError('unknown_error');
      if (error.code !== 'descriptor_invalid') return this.#fail(error);
      this.#fail(error, { problems: [{ path: '(root)', message: error.message.replace(/^\(root\): /, '') }] });
    }
  }

  #accept(json: unknown, baseUrl: string, vendor: string) {
    const result = validateDescriptor(json);
    if (!result.ok) return this.#fail(new ApiError('descriptor_invalid'), { problems: result.problems });
    if (vendor && result.descriptor.id !== vendor) {
      const message = `"${result.descriptor.id}" is not the vendor "${vendor}" it was loaded for`;
      return this.#fail(new ApiError('descriptor_invalid'), { problems: [{ path: 'id', message }] });
    }
    this.#settle({ kind: 'ready', descriptor: result.descriptor, baseUrl });
  }

  #fail(error: ApiError, extra: { problems?: DescriptorProblem[]; noApiBase?: boolean } = {}) {
    this.#settle({ kind: 'failed', error, ...extra });
  }

  #settle(state: Extract<DescriptorState, { kind: 'ready' | 'failed' }>) {
    this.#set(state);
    this.options.onSettled(state);
  }

  #set(state: DescriptorState) {
    this.state = state;
    this.host.requestUpdate();
  }
}
