import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiClient } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import type { Descriptor, Step } from '../descriptor/types.js';
import { findProblems, ID, type DescriptorProblem, type Finding } from '../descriptor/problems.js';

/**
 * Descriptor loads in flight, by URL, shared by every widget on the page: 50 widgets of one vendor
 * make one request and one validation. An entry goes once its answer is in, so a later load asks
 * again, and the browser's HTTP cache answers as the server's headers allow; a failure is never kept.
 */
const loading = new Map<string, Promise<Checked>>();

/** A descriptor as given, with what is wrong with it (nothing when it is valid). */
interface Checked {
  descriptor: Descriptor;
  found: Finding[];
}
const check = (input: unknown): Checked => ({ descriptor: input as Descriptor, found: findProblems(input) });

/**
 * The findings' messages, from a chunk loaded only now: an invalid descriptor is an author's mistake,
 * and the widget's bundle should not carry the text for it. Offline, each path says only "invalid".
 */
const explain = (found: Finding[]): Promise<DescriptorProblem[]> =>
  import('../descriptor/messages.js').then(
    m => m.explain(found),
    () => found.map(({ path }) => ({ path, message: 'invalid' })),
  );

/**
 * A copy of a valid descriptor with its logo and instruction images resolved against `base` (where
 * descriptors live), once, when it is accepted: rendering uses them as they are.
 */
function withUrls(d: Descriptor, base: string): Descriptor {
  const url = (src: string) => new URL(src, base).href;
  const resolve = (steps: Step[]) =>
    steps.map(s => ({ ...s, instructions: s.instructions?.map(i => (i.image ? { ...i, image: { ...i.image, src: url(i.image.src) } } : i)) }));
  return {
    ...d,
    ...(d.logo ? { logo: url(d.logo) } : {}),
    ...(d.steps ? { steps: resolve(d.steps) } : {}),
    ...(d.ways ? { ways: d.ways.map(w => ({ ...w, steps: resolve(w.steps) })) } : {}),
  };
}

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
  /** `descriptor`: with its logo and images as absolute URLs (see `withUrls`). */
  | { kind: 'ready'; descriptor: Descriptor };

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
    // without an API it may send secrets to (the client refuses any other), the widget sends
    // nothing, even with an inline descriptor
    let api: ApiClient;
    let url: string;
    try {
      api = new ApiClient({ apiBase, sessionToken });
      url = new URL(`${(descriptorBase || `${api.apiBase}/vendors`).replace(/\/+$/, '')}/${vendor}.json`, document.baseURI).href;
    } catch {
      return this.#fail(new ApiError('unknown_error'), { noApiBase: true });
    }
    // an inline descriptor's images resolve where descriptors live, as a fetched one's do; with a
    // vendor set, its id must be that vendor, as a fetched one's must (the API paths use the vendor)
    if (descriptor !== undefined) return this.#accept(check(descriptor), url, vendor, controller.signal);
    if (!ID.test(vendor)) return this.#fail(new ApiError('descriptor_not_found'));
    this.#set({ kind: 'loading' });
    try {
      // not aborted with this load: other widgets may wait on the same request
      let shared = loading.get(url);
      if (!shared) {
        loading.set(url, (shared = api.getDescriptor(url).then(check)));
        const forget = () => loading.delete(url);
        shared.then(forget, forget);
      }
      const result = await shared;
      if (!controller.signal.aborted) await this.#accept(result, url, vendor, controller.signal);
    } catch (e) {
      if (controller.signal.aborted) return;
      const error = e instanceof ApiError ? e : new ApiError('unknown_error');
      if (error.code !== 'descriptor_invalid') return this.#fail(error);
      this.#fail(error, { problems: [{ path: '(root)', message: error.message.replace(/^\(root\): /, '') }] });
    }
  }

  async #accept({ descriptor, found }: Checked, baseUrl: string, vendor: string, signal: AbortSignal) {
    if (!found.length && vendor && descriptor.id !== vendor) found = [{ path: 'id', key: 'vendor', args: [descriptor.id, vendor] }];
    if (!found.length) return this.#settle({ kind: 'ready', descriptor: withUrls(descriptor, baseUrl) });
    // an inline descriptor's problems are "loading" too while their messages come
    this.#set({ kind: 'loading' });
    const problems = await explain(found);
    if (!signal.aborted) this.#fail(new ApiError('descriptor_invalid'), { problems });
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
