import { provide } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiClient } from '../../api/client.js';
import { ApiError, isRetryable, type ErrorCode } from '../../api/errors.js';
import type { Descriptor, Field } from '../../descriptor/types.js';
import { formatProblems, validateDescriptor, type DescriptorProblem } from '../../descriptor/validate.js';
import { CmaCancelEvent } from '../../events/cancel.js';
import { CmaErrorEvent } from '../../events/error.js';
import { CmaReadyEvent } from '../../events/ready.js';
import { CmaRegisteredEvent } from '../../events/registered.js';
import { CmaStepEvent } from '../../events/step.js';
import {
  canSubmit,
  currentStep,
  emptyChoices,
  isOpen,
  optionsOf,
  start,
  submitRequest,
  transition,
  visibleFields,
  type FieldProblem,
  type FlowState,
  type SubmitRequest,
} from '../../flow/engine.js';
import { fieldStyles } from '../field/field.styles.js';
import type { CmaField, FieldChangeEvent } from '../field/field.js';
import { localeContext, makeLocale, type Locale } from '../locale.js';
import { sharedStyles } from '../shared.styles.js';
import { registerAppStyles } from './register-app.styles.js';

const VENDOR_ID = /^[a-z0-9][a-z0-9-]*$/;
/** How long a pending grant is polled before it is given up as a `timeout`. */
const PENDING_DEADLINE_MS = 10 * 60_000;

type View =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'failed'; code: ErrorCode; message: string; problems?: DescriptorProblem[]; retryable: boolean }
  | { kind: 'flow' };

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), b => b.toString(16).padStart(2, '0')).join('');
}

/** Waits `ms`, or rejects when `signal` aborts; the listener goes when the wait ends, so polls do not pile them up. */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const stop = () => (clearTimeout(timer), reject(signal.reason));
    const timer = setTimeout(() => (signal.removeEventListener('abort', stop), resolve()), ms);
    signal.addEventListener('abort', stop, { once: true });
  });

/**
 * The "Register new app" step of ConnectMyApps: loads a vendor's descriptor and walks the user
 * through authenticating the app, step by step.
 *
 * @summary Registers an app in ConnectMyApps.
 *
 * @fires cma-ready - The descriptor loaded and the first step is shown.
 * @fires cma-step - A step became current.
 * @fires cma-registered - The app is registered; `detail.connectionId` names the connection.
 * @fires cma-error - An error was shown to the user; `detail.code` is a contract error code.
 * @fires cma-cancel - The user gave up.
 *
 * @csspart base - the widget's frame
 * @csspart header - logo and heading
 * @csspart logo - the vendor's logo
 * @csspart form - the current step's form
 * @csspart submit - the submit button
 * @csspart status - loading, waiting and result messages
 *
 * @cssproperty --cma-color-primary - Buttons, links and focus ring.
 * @cssproperty --cma-color-on-primary - Text on primary buttons.
 * @cssproperty --cma-color-text - Body text.
 * @cssproperty --cma-color-muted - Secondary text.
 * @cssproperty --cma-color-border - Borders of inputs and of the frame.
 * @cssproperty --cma-color-surface - Background.
 * @cssproperty --cma-color-error - Error text and marks.
 * @cssproperty --cma-color-success - Success heading.
 * @cssproperty --cma-radius - Corner radius.
 * @cssproperty --cma-spacing - Base spacing.
 * @cssproperty --cma-font-family - Font family.
 * @cssproperty --cma-max-width - Largest width of the widget.
 *
 * @tagname cma-register-app
 */
export class CmaRegisterApp extends LitElement {
  static override styles = [sharedStyles, fieldStyles, registerAppStyles];

  static override get observedAttributes() {
    return [...super.observedAttributes, 'lang', 'session-token'];
  }

  /** Vendor id (`[a-z0-9][a-z0-9-]*`). Changing it starts over with the new vendor. */
  @property() vendor = '';

  /** Base URL of the ConnectMyApps API. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** Where descriptors live; default `${apiBase}/vendors`. */
  @property({ attribute: 'descriptor-base' }) descriptorBase = '';

  /** A descriptor given inline (property only); nothing is fetched then. */
  @property({ attribute: false }) descriptor?: unknown;

  /**
   * Short-lived token minted by the host's backend, sent as `Authorization: Bearer` to the API.
   * The `session-token` attribute is accepted and then removed, so the token does not linger in the DOM.
   */
  @property({ attribute: false }) sessionToken = '';

  /** How OAuth runs: in a popup (default) or by redirecting this tab. */
  @property() mode: 'popup' | 'redirect' = 'popup';

  /** Origin of the backend's OAuth callback page; default the origin of `api-base`. */
  @property({ attribute: 'callback-origin' }) callbackOrigin = '';

  @provide({ context: localeContext })
  @state()
  private locale: Locale = makeLocale('en');

  @state() private view: View = { kind: 'idle' };
  @state() private flow?: FlowState;
  /** Until when a rate limit holds the submit back (epoch ms). */
  @state() private retryAt = 0;

  private loaded?: { descriptor: Descriptor; baseUrl: string };
  private attemptId = randomId();
  /** Bumped on every start-over, so that a late answer for an old attempt never lands. */
  private generation = 0;
  private inflight?: AbortController;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private wasDisconnected = false;

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    if (name === 'session-token') {
      if (value === null) return;
      this.sessionToken = value;
      this.removeAttribute('session-token');
    } else if (name === 'lang') {
      this.requestUpdate();
    } else {
      super.attributeChangedCallback(name, old, value);
    }
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.wasDisconnected) {
      this.wasDisconnected = false;
      this.restart(true);
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    // Nothing of the attempt outlives the element on the page: requests, timers, typed secrets.
    this.wasDisconnected = true;
    this.stopWork();
    this.generation++;
    this.flow = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const lang = this.lang || this.parentElement?.closest<HTMLElement>('[lang]')?.lang || document.documentElement.lang || 'en';
    if (lang !== this.locale.lang) this.locale = makeLocale(lang);
    if (changed.has('vendor') || changed.has('apiBase') || changed.has('descriptorBase') || changed.has('descriptor')) {
      this.loaded = undefined;
      this.restart(false);
    }
  }

  /** Starts over: a new attempt, from the first step. */
  reset() {
    this.restart(true);
  }

  /** Ends the flow in progress and fires `cma-cancel`. */
  cancel() {
    const flow = this.flow;
    if (!flow || !isOpen(flow)) return;
    this.stopWork();
    if (flow.flowId) void this.api().cancelFlow(flow.flowId);
    this.flow = transition(flow, { type: 'cancel' });
    this.dispatchEvent(new CmaCancelEvent({ ...this.base(), step: currentStep(flow).id, reason: 'user' }));
  }

  // ——— loading ———

  private get vendorId(): string {
    return this.vendor || this.loaded?.descriptor.id || '';
  }

  private base() {
    return { vendor: this.vendorId, attemptId: this.attemptId };
  }

  private api() {
    return new ApiClient({ apiBase: this.apiBase, sessionToken: this.sessionToken });
  }

  private stopWork() {
    this.inflight?.abort();
    this.inflight = undefined;
    clearTimeout(this.retryTimer);
    this.retryAt = 0;
  }

  private restart(reuseDescriptor: boolean) {
    this.stopWork();
    this.generation++;
    this.attemptId = randomId();
    this.flow = undefined;
    if (reuseDescriptor && this.loaded) this.begin();
    else void this.load();
  }

  private async load() {
    const { t } = this.locale;
    if (this.descriptor !== undefined) return this.accept(this.descriptor, this.descriptorBase || document.baseURI);
    if (!this.vendor) {
      this.view = { kind: 'idle' };
      return;
    }
    if (!VENDOR_ID.test(this.vendor)) return this.failLoad('descriptor_not_found', t.errors.descriptor_not_found(this.vendor));
    if (!this.apiBase && !this.descriptorBase) return this.failLoad('unknown_error', t.noApiBase);

    const base = this.descriptorBase || `${this.apiBase.replace(/\/+$/, '')}/vendors`;
    let url: string;
    let api: ApiClient;
    try {
      url = new URL(`${base.replace(/\/+$/, '')}/${this.vendor}.json`, document.baseURI).href;
      api = this.api();
    } catch {
      return this.failLoad('unknown_error', t.noApiBase);
    }
    const generation = this.generation;
    const controller = (this.inflight = new AbortController());
    this.view = { kind: 'loading' };
    try {
      const json = await api.getDescriptor(url, controller.signal);
      if (generation === this.generation) this.accept(json, url);
    } catch (e) {
      if (generation !== this.generation || controller.signal.aborted) return;
      const error = e instanceof ApiError ? e : new ApiError('unknown_error');
      if (error.code === 'descriptor_invalid') this.failLoad('descriptor_invalid', '', [{ path: '(root)', message: error.message.replace(/^\(root\): /, '') }]);
      else this.failLoad(error.code, this.messageFor(error));
    }
  }

  private accept(json: unknown, baseUrl: string) {
    const result = validateDescriptor(json);
    if (!result.ok) return this.failLoad('descriptor_invalid', '', result.problems);
    const { descriptor } = result;
    if (this.vendor && this.descriptor === undefined && descriptor.id !== this.vendor) {
      return this.failLoad('descriptor_invalid', '', [{ path: 'id', message: `"${descriptor.id}" is not the vendor "${this.vendor}" it was loaded for` }]);
    }
    this.loaded = { descriptor, baseUrl };
    this.begin();
  }

  private failLoad(code: ErrorCode, message: string, problems?: DescriptorProblem[]) {
    const { t } = this.locale;
    const retryable = isRetryable(code);
    if (problems) message = `${t.descriptorProblems(this.vendorId)}\n${formatProblems(problems)}`;
    this.view = { kind: 'failed', code, message, problems, retryable };
    this.emitError(code, message, retryable);
  }

  private async begin() {
    const { descriptor } = this.loaded!;
    const generation = this.generation;
    this.flow = start(descriptor);
    this.view = { kind: 'flow' };
    await this.updateComplete;
    if (generation !== this.generation) return;
    this.dispatchEvent(new CmaReadyEvent({ ...this.base(), method: descriptor.method, steps: descriptor.steps.map(s => s.id) }));
    this.dispatchEvent(new CmaStepEvent({ ...this.base(), step: descriptor.steps[0].id, index: 0, previous: null }));
  }

  // ——— the flow ———

  private handleFieldChange(e: FieldChangeEvent) {
    if (this.flow) this.flow = transition(this.flow, { type: 'input', name: e.name, value: e.value });
  }

  private async handleSubmit(e: SubmitEvent) {
    e.preventDefault();
    const before = this.flow;
    if (!before || Date.now() < this.retryAt) return;
    const after = transition(before, { type: 'submit' });
    if (after === before) return; // already submitting: a second click sends nothing
    this.flow = after;
    if (after.status === 'submitting') return this.perform(submitRequest(after));
    const fields = Object.keys(after.fieldErrors);
    this.emitError('invalid_input', this.locale.t.invalidInput(fields.length), true, fields);
    await this.updateComplete;
    this.focusField(fields[0]);
  }

  private async perform(request: SubmitRequest) {
    const generation = this.generation;
    const controller = (this.inflight = new AbortController());
    const { signal } = controller;
    const stale = () => signal.aborted || generation !== this.generation;
    try {
      const api = this.api();
      if (request.kind === 'lookup') {
        const options = await api.lookup(this.vendorId, request.lookup, request.values, signal);
        if (!stale()) this.moveTo(transition(this.flow!, { type: 'lookupSucceeded', lookup: request.lookup, options }));
      } else if (request.kind === 'register') {
        const result = await api.register(this.vendorId, request.values, signal);
        if (stale()) return;
        if (result.status === 'registered') return this.finish(result.connectionId, result.displayName);
        this.flow = transition(this.flow!, { type: 'flowStarted', flowId: result.flowId, status: 'pending' });
        await this.pollPending(api, result.flowId, result.retryAfter, signal);
      } else {
        throw new ApiError('unknown_error', this.locale.t.unsupported);
      }
    } catch (e) {
      if (!stale()) this.fail(e);
    } finally {
      if (this.inflight === controller) this.inflight = undefined;
    }
  }

  /** Polls a flow the server holds as pending until it ends, honouring its `retryAfter`. */
  private async pollPending(api: ApiClient, flowId: string, retryAfter: number, signal: AbortSignal) {
    const deadline = Date.now() + PENDING_DEADLINE_MS;
    for (;;) {
      await sleep(Math.max(1, retryAfter) * 1000, signal);
      const flow = await api.getFlow(flowId, signal);
      if (signal.aborted) return; // superseded while the answer was on its way
      if (flow.status === 'succeeded') return this.finish(flow.connectionId!);
      if (flow.status === 'failed') throw new ApiError(flow.error!.code, flow.error!.message);
      if (Date.now() > deadline) {
        void api.cancelFlow(flowId);
        throw new ApiError('timeout');
      }
      retryAfter = flow.retryAfter ?? retryAfter;
    }
  }

  private async finish(connectionId: string, displayName?: string) {
    const method = this.flow!.descriptor.method;
    this.flow = transition(this.flow!, { type: 'registered', connectionId, displayName });
    this.dispatchEvent(
      new CmaRegisteredEvent({ ...this.base(), method, connectionId, ...(displayName ? { displayName } : {}) }),
    );
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#result')?.focus();
  }

  private async fail(e: unknown) {
    const error = e instanceof ApiError ? e : new ApiError('unknown_error');
    const message = this.messageFor(error);
    const fields = Object.fromEntries(Object.entries(error.fields ?? {}).map(([k, v]) => [k, this.redact(v)]));
    if (error.retryAfter) {
      this.retryAt = Date.now() + error.retryAfter * 1000;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => (this.retryAt = 0), error.retryAfter * 1000);
    }
    this.flow = transition(this.flow!, {
      type: 'failed',
      error: { code: error.code, message, retryable: error.retryable, retryAfter: error.retryAfter },
      fields,
    });
    const fieldNames = Object.keys(this.flow.fieldErrors);
    this.emitError(error.code, message, error.retryable, fieldNames.length ? fieldNames : undefined);
    await this.updateComplete;
    if (fieldNames.length) this.focusField(fieldNames[0]);
  }

  private handleBack() {
    const flow = this.flow;
    if (!flow) return;
    const next = transition(flow, { type: 'back' });
    if (next === flow) return;
    this.stopWork();
    this.moveTo(next);
  }

  private async moveTo(next: FlowState) {
    const previous = this.flow ? currentStep(this.flow).id : null;
    this.flow = next;
    const step = currentStep(next);
    this.dispatchEvent(new CmaStepEvent({ ...this.base(), step: step.id, index: next.stepIndex, previous }));
    await this.updateComplete;
    const first = visibleFields(next)[0];
    const notice = this.renderRoot.querySelector<HTMLElement>('.notice');
    if (notice) notice.focus();
    else if (first) this.focusField(first.name);
    else this.renderRoot.querySelector<HTMLElement>('#step-title')?.focus();
  }

  // ——— words, errors, focus ———

  private messageFor(error: ApiError): string {
    const { t, text } = this.locale;
    const vendor = this.loaded ? text(this.loaded.descriptor.name) : this.vendorId;
    let message = error.message || (error.timedOut ? t.timedOut : t.errors[error.code](vendor));
    if (error.retryAfter) message += ` ${t.retryIn(error.retryAfter)}`;
    return this.redact(message);
  }

  /** Masks any secret the user typed, should a server ever echo one back in a message. */
  private redact(message: string): string {
    const flow = this.flow;
    if (!flow) return message;
    const secretFields = flow.descriptor.steps.flatMap(s => s.fields ?? []).filter(f => f.type === 'secret');
    for (const f of secretFields) {
      const value = flow.values[f.name];
      if (typeof value === 'string' && value.trim().length >= 4) message = message.split(value.trim()).join('•••');
    }
    return message;
  }

  private emitError(code: ErrorCode, message: string, retryable: boolean, fields?: string[]) {
    const step = this.flow ? currentStep(this.flow).id : undefined;
    this.dispatchEvent(
      new CmaErrorEvent({ ...this.base(), code, message, retryable, ...(step ? { step } : {}), ...(fields?.length ? { fields } : {}) }),
    );
  }

  private focusField(name: string | undefined) {
    if (!name) return;
    const fields = this.renderRoot.querySelectorAll<CmaField>('cma-field');
    [...fields].find(f => f.field.name === name)?.focus();
  }

  private problemText(field: Field, problem: FieldProblem): string {
    const { t, text } = this.locale;
    const label = text(field.label);
    switch (problem.rule) {
      case 'server':
        return problem.message;
      case 'required':
        return t.field.required(label, field.type);
      case 'pattern':
        return field.patternMessage ? text(field.patternMessage) : t.field.pattern(label);
      case 'minLength':
      case 'maxLength':
        return t.field[problem.rule](label, problem.limit);
      default:
        return t.field[problem.rule];
    }
  }

  // ——— rendering ———

  override render() {
    const { view } = this;
    const descriptor = this.loaded?.descriptor;
    const name = descriptor ? this.locale.text(descriptor.name) : '';
    return html`<section part="base" aria-labelledby=${descriptor ? 'heading' : nothing}>
      ${descriptor && view.kind === 'flow' ? this.renderHeader(descriptor, name) : nothing}
      ${view.kind === 'idle'
        ? html`<p part="status" class="status">${this.locale.t.noVendor}</p>`
        : view.kind === 'loading'
          ? html`<p part="status" class="status" role="status"><span class="spinner"></span>${this.locale.t.loading}</p>`
          : view.kind === 'failed'
            ? this.renderLoadFailure(view)
            : this.renderFlow(name)}
    </section>`;
  }

  private renderHeader(descriptor: Descriptor, name: string) {
    const logo = descriptor.logo ? new URL(descriptor.logo, this.loaded!.baseUrl).href : '';
    return html`<header part="header">
      ${logo
        ? html`<img part="logo" src=${logo} alt="" width="40" height="40" @error=${(e: Event) => ((e.target as HTMLElement).hidden = true)} />`
        : nothing}
      <h2 id="heading">${this.locale.t.heading(name)}</h2>
    </header>`;
  }

  private renderLoadFailure(view: Extract<View, { kind: 'failed' }>) {
    const { t } = this.locale;
    const lead = view.problems ? view.message.split('\n')[0] : view.message;
    return html`<div class="alert" role="alert">
        <p><strong>${t.errorTitle}</strong></p>
        <p>${lead}</p>
        ${view.problems
          ? html`<ul class="problems">
              ${view.problems.map(p => html`<li>${p.path}: ${p.message}</li>`)}
            </ul>`
          : nothing}
      </div>
      ${view.retryable ? html`<button type="button" @click=${() => this.restart(false)}>${t.tryAgain}</button>` : nothing}`;
  }

  private renderFlow(name: string) {
    const flow = this.flow;
    if (!flow) return nothing;
    const { t } = this.locale;
    switch (flow.status) {
      case 'registered':
        return html`<div part="status" class="success">
          <h3 id="result" tabindex="-1">${t.registered(name)}</h3>
          ${flow.displayName ? html`<p>${t.registeredAs(flow.displayName)}</p>` : nothing}
        </div>`;
      case 'cancelled':
        return html`<p part="status" class="status">${t.cancelled}</p>
          <button type="button" @click=${this.reset}>${t.startAgain}</button>`;
      case 'pending':
      case 'authorizing':
        return html`<p part="status" class="status" role="status"><span class="spinner"></span>${t.waiting(name)}</p>
          <div class="actions"><button type="button" @click=${this.cancel}>${t.cancel}</button></div>`;
      default:
        return this.renderStep(flow, name);
    }
  }

  private renderStep(flow: FlowState, name: string) {
    const { t, text } = this.locale;
    const step = currentStep(flow);
    const total = flow.descriptor.steps.length;
    const submitting = flow.status === 'submitting';
    const waiting = this.retryAt > Date.now();
    const empty = emptyChoices(flow);
    const title = step.title ? text(step.title) : '';
    const submitLabel =
      text(step.submit.label) ||
      (step.submit.kind === 'oauth' ? t.submit.oauth(name) : t.submit[step.submit.kind]);
    const error = flow.error;
    return html`
      ${total > 1 ? html`<p class="progress">${t.stepOf(flow.stepIndex + 1, total)}</p>` : nothing}
      ${title ? html`<h3 id="step-title" tabindex="-1">${title}</h3>` : nothing}
      ${step.instructions?.length
        ? html`<cma-instructions .instructions=${step.instructions} .baseUrl=${this.loaded!.baseUrl}></cma-instructions>`
        : nothing}
      <form part="form" novalidate aria-labelledby=${title ? 'step-title' : 'heading'} @submit=${this.handleSubmit} @field-change=${this.handleFieldChange}>
        ${visibleFields(flow).map(
          f => {
            // a choice its lookup left empty: say so instead of showing an empty list
            if (empty.includes(f)) return html`<p class="notice" tabindex="-1">${t.noOptions(text(f.label))}</p>`;
            const problem = flow.fieldErrors[f.name];
            return html`<cma-field
              .field=${f}
              .value=${flow.values[f.name]}
              .options=${optionsOf(flow, f)}
              .error=${problem ? this.problemText(f, problem) : ''}
            ></cma-field>`;
          },
        )}
        <div role="alert" class=${error && !submitting ? 'alert' : ''}>
          ${error && !submitting
            ? html`<p>${error.code === 'invalid_input' ? t.invalidInput(Object.keys(flow.fieldErrors).length) : error.message}</p>`
            : nothing}
        </div>
        <div class="actions">
          ${flow.stepIndex > 0 ? html`<button type="button" @click=${this.handleBack}>${t.back}</button>` : nothing}
          <button type="button" @click=${this.cancel}>${t.cancel}</button>
          ${canSubmit(flow) || submitting
            ? html`<button part="submit" type="submit" class="primary" aria-disabled=${submitting || waiting ? 'true' : 'false'}>
                ${submitting ? html`<span class="spinner"></span>` : nothing}${submitLabel}
              </button>`
            : nothing}
        </div>
      </form>
      <p class="visually-hidden" role="status">${submitting ? t.submitting : ''}</p>
      ${flow.descriptor.helpUrl
        ? html`<footer>
            <a href=${flow.descriptor.helpUrl} target="_blank" rel="noopener noreferrer"
              >${t.help(name)}<span class="visually-hidden"> ${t.newTab}</span></a
            >
          </footer>`
        : nothing}
    `;
  }
}
