import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ApiClient, type FlowStatusResult, type GrantInfo } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import { deadlineOf, pollFlow, retryDelay } from '../../api/poll.js';
import { AttemptController } from '../../controllers/attempt-controller.js';
import { DescriptorController, type DescriptorState } from '../../controllers/descriptor-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { TickController } from '../../controllers/tick-controller.js';
import { waysOf, type Descriptor, type Field, type Way } from '../../descriptor/types.js';
import type { ErrorCode } from '../../errors.js';
import type { AttemptDetail } from '../../events/base.js';
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
import { OAuthController } from '../../oauth/oauth-controller.js';
import { FLOW_PARAM, VENDOR_PARAM } from '../../oauth/protocol.js';
import { fieldStyles } from '../field/field.styles.js';
import { renderInstructions } from '../instructions/instructions.js';
import { instructionsStyles } from '../instructions/instructions.styles.js';
import type { CmaField, FieldChangeEvent } from '../field/field.js';
import { english, type Locale } from '../locale.js';
import { sharedStyles } from '../shared.styles.js';
import { registerAppStyles } from './register-app.styles.js';

/** The most characters of a server's message that are shown (and put in an event). */
const MAX_MESSAGE = 300;

/** The fields of the current step the user sees: the visible ones, less any `hidden` constant. */
const shownFields = (flow: FlowState) => visibleFields(flow).filter(f => f.type !== 'hidden');

/**
 * `seconds` as a clock in a language ("09:59", "75:00"), through Intl.DurationFormat (not in
 * TypeScript's types yet); by hand as m:ss where the browser has none (Firefox before 136).
 */
const clock = (seconds: number) => (lang: string) => {
  const minutes = (seconds / 60) | 0;
  const Format = (Intl as unknown as { DurationFormat?: new (lang: string, options: object) => { format(duration: object): string } }).DurationFormat;
  seconds %= 60;
  return Format
    ? new Format(lang, { style: 'digital', hoursDisplay: 'auto' }).format({ minutes, seconds })
    : `${minutes}:${String(seconds).padStart(2, '0')}`;
};

/** 96 random bits, as digits (an attempt's id, a popup's name). */
const randomId = () => crypto.getRandomValues(new Uint32Array(3)).join('');

/**
 * The "Register new app" step of ConnectMyApps: loads a vendor's descriptor and walks the user
 * through authenticating the app, step by step.
 *
 * Every event is a `CustomEvent` that bubbles and is composed; its `detail` is plain JSON with
 * `vendor` and `attemptId` (new after `reset()` or a vendor change), and never holds a secret.
 *
 * @summary Registers an app in ConnectMyApps.
 *
 * @attr lang - Language of the widget's words and of the vendor's text (`en`, `nb`); else the nearest ancestor's `lang`, else the document's, else `en`. Followed at once when it changes.
 * @attr session-token - Accepted once for `sessionToken`, then removed from the element so that the token does not linger in the DOM. Prefer the property.
 *
 * @fires {CmaReadyEvent} cma-ready - The descriptor loaded and the first step is shown. `detail`: `method`, `steps` (ids); with several ways, the first way's until one is picked.
 * @fires {CmaStepEvent} cma-step - A step became current (also the first, with `previous: null`, and a step the user goes back to). `detail`: `step`, `index`, `previous`.
 * @fires {CmaRegisteredEvent} cma-registered - The app is registered. `detail`: `method` (the way used), `connectionId`, `displayName?`. Verify `connectionId` on your server: any script on the page can forge DOM events.
 * @fires {CmaErrorEvent} cma-error - An error was shown to the user, including a submit that validation stopped (`invalid_input`). `detail`: `code`, `message`, `retryable`, `step?`, `fields?` (names only). Treat an unknown `code` as `unknown_error`.
 * @fires {CmaCancelEvent} cma-cancel - The user gave up (Cancel, a closed login window then Cancel, or `cancel()`). `detail`: `step`, `reason` (`user` | `popup_closed`).
 *
 * @csspart base - the widget's frame
 * @csspart header - logo and heading
 * @csspart logo - the vendor's logo
 * @csspart form - the current step's form
 * @csspart submit - the submit button
 * @csspart status - loading, waiting and result messages
 * @csspart instructions - the vendor's numbered instructions
 * @csspart path - a menu path in the instructions (Settings › Integrations)
 * @csspart image - a screenshot in the instructions
 * @csspart field - one field's wrapper (label, help, input, error); the fields render in the widget's shadow root, so their parts are the widget's
 * @csspart label - a field's label
 * @csspart info - a field's "More about …" button, which opens its help
 * @csspart hint - a field's help popover
 * @csspart input - a field's input, textarea, select, radio button or checkbox
 * @csspart error - a field's error message
 *
 * @cssproperty [--cma-color-primary=light-dark(#1d4ed8, #93c5fd)] - Buttons, links and focus ring.
 * @cssproperty [--cma-color-on-primary=light-dark(#fff, #111827)] - Text on primary buttons.
 * @cssproperty [--cma-color-text=light-dark(#1f2937, #e5e7eb)] - Body text.
 * @cssproperty [--cma-color-muted=light-dark(#4b5563, #9ca3af)] - Secondary text.
 * @cssproperty [--cma-color-border=light-dark(#889, #6b7280)] - Borders of inputs, buttons and the frame (whose own default is `light-dark(#d1d5db, #4b5563)`).
 * @cssproperty [--cma-color-surface=light-dark(#fff, #111827)] - Background.
 * @cssproperty [--cma-color-subtle=light-dark(#f3f4f6, #1f2937)] - Background of code, menu paths, notices and the Show button (set it with a dark surface).
 * @cssproperty [--cma-color-error=light-dark(#b91c1c, #fca5a5)] - Error text and marks.
 * @cssproperty [--cma-color-success=light-dark(#047857, #6ee7b7)] - Success heading.
 * @cssproperty [--cma-radius=6px] - Corner radius.
 * @cssproperty [--cma-spacing=1rem] - Base spacing.
 * @cssproperty --cma-font-family - Font family (default: the page's, inherited).
 * @cssproperty [--cma-font-size=1rem] - Base font size.
 * @cssproperty [--cma-border=1px solid var(--cma-color-border, light-dark(#d1d5db, #4b5563))] - The frame's border (a whole `border` value).
 * @cssproperty [--cma-focus-ring=2px solid var(--cma-color-primary)] - The focus indicator (a whole `outline` value).
 * @cssproperty [--cma-max-width=32rem] - Largest width of the widget.
 *
 * @tagname cma-register-app
 */
export class CmaRegisterApp extends LitElement {
  static override styles = [sharedStyles, fieldStyles, instructionsStyles, registerAppStyles];

  // Declared here rather than with decorators: the decorator helpers cost the bundle more than the lines they save.
  static override properties: PropertyDeclarations = {
    vendor: {},
    apiBase: { attribute: 'api-base' },
    descriptorBase: { attribute: 'descriptor-base' },
    descriptor: { attribute: false },
    sessionToken: { attribute: false },
    mode: {},
    callbackOrigin: { attribute: 'callback-origin' },
    locale: { state: true },
    flow: { state: true },
    grant: { state: true },
    copied: { state: true },
    choosing: { state: true },
  };

  static override get observedAttributes() {
    return [...super.observedAttributes, 'lang', 'session-token'];
  }

  /** Vendor id (`[a-z0-9][a-z0-9-]*`). Changing it starts over with the new vendor. */
  vendor = '';

  /** Base URL of the ConnectMyApps API. */
  apiBase = '';

  /** Where descriptors live; default `${apiBase}/vendors`. */
  descriptorBase = '';

  /** A descriptor given inline (property only); nothing is fetched then. */
  descriptor?: unknown;

  /**
   * Short-lived token minted by the host's backend, sent as `Authorization: Bearer` to the API.
   * The `session-token` attribute is accepted and then removed, so the token does not linger in the DOM.
   */
  sessionToken = '';

  /** How OAuth runs: in a popup (default) or by redirecting this tab. */
  mode: 'popup' | 'redirect' = 'popup';

  /** Origin of the backend's OAuth callback page; default the origin of `api-base`. */
  callbackOrigin = '';

  /** The language in force, handed to the elements inside. */
  private locale: Locale = english;

  private flow?: FlowState;
  /** OAuth in this tab after the user chose so when the popup was blocked, whatever `mode` says. */
  #redirectChosen?: boolean;
  /** What the backend gave this attempt for granting access in the vendor's system. */
  private grant?: GrantInfo;
  /** Whether the user code is on the clipboard. */
  private copied?: boolean;
  /** Whether the user is to pick one of the descriptor's ways (the flow then holds the first way, untouched). */
  private choosing?: boolean;

  readonly #loader = new DescriptorController(this, { source: () => this, onSettled: s => this.#handleLoaded(s) });
  readonly #work = new AttemptController(this);
  readonly #tick = new TickController(this);
  readonly #i18n = new LocaleController(this, locale => (this.locale = locale));
  readonly #oauth = new OAuthController(this, {
    callbackOrigin: () => this.callbackOrigin || new URL(this.apiBase, document.baseURI).origin,
    onPopupClosed: () => this.#handlePopupClosed(),
  });
  #attemptId = randomId();
  #wasDisconnected?: boolean;
  /** Whether focus was inside before this render, so that a view replacing the focused control can pass it on. */
  #hadFocus?: boolean;

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    if (name === 'session-token') {
      if (value === null) return;
      this.sessionToken = value;
      this.removeAttribute('session-token');
    } else if (name === 'lang') {
      this.#i18n.update(); // also inside another shadow root, where no observer of the document sees it
    } else {
      super.attributeChangedCallback(name, old, value);
    }
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.#wasDisconnected) {
      this.#wasDisconnected = false;
      this.#restart(true);
    }
  }

  override disconnectedCallback() {
    // the controllers stop their requests, timers and popup; the flow on the server goes too
    super.disconnectedCallback();
    this.#wasDisconnected = true;
    this.#abandonFlow();
    this.#attemptId = randomId();
    this.flow = undefined; // nothing typed outlives the element on the page
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    this.#hadFocus = this.matches(':focus-within');
    if (changed.has('vendor') || changed.has('apiBase') || changed.has('descriptorBase') || changed.has('descriptor')) {
      this.#restart(false);
    }
  }

  protected override updated() {
    // a time left on screen: a grant's, or a rate limit's
    this.#tick.run((this.flow?.status === 'pending' && !!this.grant?.expiresAt) || this.#work.holding);
    // the control that had focus is gone (the submit button of a step now waiting on a popup, Reopen):
    // hand focus to what replaced it rather than drop it to the page
    // (a field focuses its input once it has rendered it)
    if (this.#hadFocus && !this.matches(':focus-within')) {
      const to = this.#first('#waiting', '#result', 'cma-field', '#step-title', '.primary', 'button') as CmaField | undefined;
      void Promise.resolve(to?.updateComplete).then(() => to?.focus());
    }
  }

  /** The first of these elements the view has, in this order (a selector list would take the first in the page, such as Cancel). */
  #first(...selectors: string[]) {
    return selectors.map(s => this.renderRoot.querySelector<HTMLElement>(s)).find(Boolean);
  }

  /** Starts over: a new attempt, from the first step. */
  reset() {
    this.#restart(true);
  }

  /** Moves focus into the widget: to the first field of the step, else to its first button. */
  override focus(options?: FocusOptions) {
    this.#first('cma-field', 'button')?.focus(options);
  }

  /** Ends the flow in progress and fires `cma-cancel`. */
  cancel() {
    const flow = this.flow;
    if (!flow || !isOpen(flow)) return;
    const reason = this.#oauth.phase === 'closed' ? 'popup_closed' : 'user';
    this.#abandonFlow();
    this.#work.stop();
    this.#oauth.closePopup(); // at once, not when the stopped job gets round to it
    this.flow = transition(flow, { type: 'cancel' });
    this.#fire(CmaCancelEvent, { step: currentStep(flow).id, reason });
  }

  // ——— loading ———

  get #loaded(): Extract<DescriptorState, { kind: 'ready' }> | undefined {
    const state = this.#loader.state;
    return state.kind === 'ready' ? state : undefined;
  }

  get #vendorId(): string {
    return this.vendor || this.#loaded?.descriptor.id || '';
  }

  /** Fires one of our events; its detail starts with the attempt's vendor and id. */
  #fire<D extends AttemptDetail>(Type: new (detail: D) => Event, detail: Omit<D, keyof AttemptDetail>) {
    this.dispatchEvent(new Type({ vendor: this.#vendorId, attemptId: this.#attemptId, ...detail } as D));
  }

  #api() {
    return new ApiClient({ apiBase: this.apiBase, sessionToken: this.sessionToken });
  }

  /** Fires `cma-step`: the step of `flow` became current. */
  #fireStep(flow: FlowState, previous: string | null) {
    this.#fire(CmaStepEvent, { step: currentStep(flow).id, index: flow.stepIndex, previous });
  }

  /** DELETEs the flow the server holds for this attempt, if any (best effort). */
  #abandonFlow() {
    const flowId = this.flow?.flowId;
    if (!flowId) return;
    try {
      void this.#api().cancelFlow(flowId);
    } catch {
      // no usable api-base: there is nothing to tell
    }
  }

  #restart(reuseDescriptor: boolean) {
    this.#abandonFlow();
    this.#work.stop();
    this.#oauth.closePopup();
    this.#attemptId = randomId();
    this.flow = undefined;
    this.#redirectChosen = false;
    this.grant = undefined;
    if (reuseDescriptor && this.#loaded) this.#begin();
    else void this.#loader.load();
  }

  async #handleLoaded(state: Extract<DescriptorState, { kind: 'ready' | 'failed' }>) {
    if (state.kind === 'ready') return this.#begin();
    await this.#i18n.ready; // the message in the page's language
    if (state !== this.#loader.state) return;
    const { error, problems = [] } = state;
    // what the page says first, then a descriptor's problems, one a line
    this.#emitError(error.code, [this.#loadFailureMessage(state), ...problems.map(p => `${p.path}: ${p.message}`)].join('\n'), error.retryable);
  }

  /** What a failed load says first (a descriptor's problems follow it). */
  #loadFailureMessage({ problems, noApiBase, error }: Extract<DescriptorState, { kind: 'failed' }>): string {
    const { t } = this.locale;
    return problems ? t.descriptorProblems(this.#vendorId) : noApiBase ? t.noApiBase : this.#messageFor(error);
  }

  async #begin() {
    const attemptId = this.#attemptId;
    const flow = (this.flow = start(this.#loaded!.descriptor));
    this.choosing = waysOf(flow.descriptor).length > 1;
    await this.#i18n.ready;
    await this.updateComplete;
    if (attemptId !== this.#attemptId) return;
    const { method, steps } = flow.descriptor;
    this.#fire(CmaReadyEvent, { method, steps: steps.map(s => s.id) });
    if (!this.choosing) this.#fireStep(flow, null);
    this.#resumeRedirect();
  }

  /** Back from the vendor in redirect mode: finish the flow named in the URL, and take it out of the URL. */
  #resumeRedirect() {
    const url = new URL(location.href);
    const params = url.searchParams;
    const flowId = params.get(FLOW_PARAM);
    if (!flowId || params.get(VENDOR_PARAM) !== this.#vendorId || !this.flow) return;
    params.delete(FLOW_PARAM);
    params.delete(VENDOR_PARAM);
    history.replaceState(history.state, '', url.href);
    if (this.choosing) {
      // the way the user went to the vendor by: the one that logs in there
      const way = waysOf(this.flow.descriptor).find(w => w.steps.some(s => s.submit.kind === 'oauth'));
      if (!way) return;
      this.flow = start(this.#loaded!.descriptor, way);
      this.choosing = false;
    }
    const before = this.flow;
    const after = transition(before, { type: 'resume', flowId });
    if (after === before) return;
    this.flow = after;
    if (after.stepIndex !== before.stepIndex) this.#fireStep(after, currentStep(before).id);
    this.#work.run(
      async signal => this.#settleFlow(await this.#oauth.resume(this.#api(), flowId, signal), signal),
      e => this.#fail(e),
    );
  }

  // ——— the flow ———

  /** The user picked a way: its first step, with what they typed there before if they come back to it. */
  #handlePickWay(way: Way) {
    const flow = this.flow!;
    this.choosing = false;
    this.#moveTo(flow.descriptor.way === way.id ? flow : start(this.#loaded!.descriptor, way, flow.values), null);
  }

  #handleFieldChange(e: FieldChangeEvent) {
    if (this.flow) this.flow = transition(this.flow, { type: 'input', ...e.detail });
  }

  #handleSubmit(e: SubmitEvent) {
    e.preventDefault();
    const before = this.flow;
    if (!before || this.#work.holding) return;
    const after = transition(before, { type: 'submit' });
    if (after === before) return this.#oauth.focus(); // already under way: bring its window back, send nothing twice
    this.flow = after;
    if (after.status === 'submitting') {
      const request = submitRequest(after);
      if (request.kind === 'oauth') return this.#authorize(request);
      return this.#work.run(signal => this.#perform(request, signal), e => this.#fail(e));
    }
    const fields = Object.keys(after.fieldErrors);
    this.#emitError('invalid_input', this.#invalidText(after), true, fields);
  }

  /**
   * Starts an OAuth flow. Runs synchronously up to `window.open`, inside the user's click: a popup
   * opened after an `await` is blocked by Safari and others.
   */
  #authorize(request: Extract<SubmitRequest, { kind: 'oauth' }>) {
    const mode = this.#redirectChosen ? 'redirect' : this.mode;
    if (mode !== 'redirect' && !this.#oauth.open(`cma-oauth-${randomId()}`, request.popup)) {
      return this.#fail(new ApiError('popup_blocked')); // no window, so no flow either
    }
    this.#work.run(
      async signal => {
        const answer = await this.#oauth.authorize({
          api: this.#api(),
          vendor: this.#vendorId,
          values: request.values,
          mode,
          signal,
          onStarted: flowId => (this.flow = transition(this.flow!, { type: 'flowStarted', flowId, status: 'authorizing' })),
        });
        this.#settleFlow(answer, signal);
      },
      e => this.#fail(e),
    );
  }

  /** Reopen after the popup was closed: the old flow goes, a new one starts in a new window. */
  #handleReopen() {
    const flow = this.flow;
    if (!flow) return;
    this.#abandonFlow();
    this.#work.stop();
    this.flow = transition(flow, { type: 'reopen' });
    if (this.flow !== flow) this.#authorize(submitRequest(this.flow) as Extract<SubmitRequest, { kind: 'oauth' }>);
  }

  /** The popup was blocked, and the user chose to go to the vendor in this tab instead. */
  #handleContinueHere() {
    this.#redirectChosen = true;
    this.renderRoot.querySelector('form')?.requestSubmit();
  }

  /**
   * The dialog or popover of the page that the widget is shown in, if any (through shadow roots):
   * Done closes it, which fires the page's own `close` or `toggle` event, and nothing of ours.
   */
  get #frame(): Element | null | undefined {
    let frame: Element | null = null;
    for (let el: Element | undefined = this; el && !(frame = el.closest('dialog, [popover]')); el = (el.getRootNode() as ShadowRoot).host);
    return frame;
  }

  #handleDone() {
    const frame = this.#frame as HTMLDialogElement;
    frame.close ? frame.close() : frame.hidePopover();
  }

  /** Puts the user code on the clipboard; where the page may not, selects it for the user to copy. */
  async #handleCopy() {
    const code = this.grant?.userCode ?? '';
    try {
      await navigator.clipboard.writeText(code);
      this.copied = true;
    } catch {
      getSelection()?.selectAllChildren(this.renderRoot.querySelector('#user-code')!);
    }
  }

  #handlePopupClosed() {
    this.#emitError('popup_closed', this.locale.t.errors.popup_closed(this.#vendorName), true);
  }

  async #perform(request: Exclude<SubmitRequest, { kind: 'oauth' }>, signal: AbortSignal) {
    const api = this.#api();
    if (request.kind === 'lookup') {
      const options = await api.lookup(this.#vendorId, request.lookup, request.values, signal);
      for (const o of options) {
        // a lookup's options are plain strings (the client checks)
        o.label = this.#redact(o.label as string);
        o.description &&= this.#redact(o.description as string);
      }
      if (!signal.aborted) this.#moveTo(transition(this.flow!, { type: 'lookupSucceeded', lookup: request.lookup, options }));
      return;
    }
    // not aborted with the attempt: a grant's flow the server creates after all is dropped below
    const result = await api.register(this.#vendorId, request.values);
    if (signal.aborted) {
      if (result.status === 'pending') void api.cancelFlow(result.flowId);
      return;
    }
    if (result.status === 'registered') return this.#finish(result.connectionId, result.displayName && this.#redact(result.displayName));
    this.flow = transition(this.flow!, { type: 'flowStarted', flowId: result.flowId, status: 'pending' });
    this.grant = undefined;
    this.#keepGrant(result);
    let retryAfter = result.retryAfter;
    const answer = await pollFlow(api, result.flowId, {
      signal,
      deadline: deadlineOf(result.expiresAt),
      delay: () => retryDelay(retryAfter),
      onPending: a => {
        retryAfter = a.retryAfter ?? retryAfter;
        // the backend may hand out a code or a link once the vendor has one
        this.#keepGrant({ ...this.grant, ...a });
      },
    });
    this.#settleFlow(answer, signal);
  }

  /** A grant's code and link to show: a code that echoes a secret is masked, a link that holds one goes. */
  #keepGrant({ userCode, verificationUri, expiresAt }: GrantInfo) {
    userCode &&= this.#redact(userCode);
    if (userCode !== this.grant?.userCode) this.copied = false;
    this.grant = { userCode, verificationUri: verificationUri && this.#redact(verificationUri) === verificationUri ? verificationUri : undefined, expiresAt };
  }

  /** The server's final word on a flow: registered, or the error it names. */
  #settleFlow(answer: FlowStatusResult, signal: AbortSignal) {
    if (signal.aborted) return;
    if (answer.status === 'succeeded') return this.#finish(answer.connectionId!);
    this.#fail(new ApiError(answer.error!.code, answer.error!.message), false);
  }

  async #finish(id: string, displayName?: string) {
    const method = this.flow!.descriptor.method;
    const connectionId = this.#redact(id); // a server that echoes a secret back puts it nowhere
    this.flow = transition(this.flow!, { type: 'registered', connectionId, displayName });
    this.#fire(CmaRegisteredEvent, { method, connectionId, ...(displayName ? { displayName } : {}) });
    await this.updateComplete;
    this.#first('#result')?.focus();
  }

  /** Shows an error; `abandon`: the server still holds the flow, so tell it to drop it (a deadline, a bad callback). */
  #fail(e: unknown, abandon = true) {
    if (!this.flow) return;
    const error = e instanceof ApiError ? e : new ApiError('unknown_error');
    if (abandon) this.#abandonFlow();
    this.#oauth.closePopup();
    const message = this.#messageFor(error);
    const fields = Object.fromEntries(Object.entries(error.fields ?? {}).map(([k, v]) => [k, this.#redact(v)]));
    if (error.retryAfter) this.#work.holdFor(error.retryAfter);
    this.flow = transition(this.flow, {
      type: 'failed',
      error: { code: error.code, message, retryable: error.retryable, retryAfter: error.retryAfter },
      fields,
    });
    // the event says how long to wait; the screen counts it down (see #renderStep)
    const wait = error.retryAfter ? ` ${this.locale.t.retryIn(error.retryAfter)}` : '';
    this.#emitError(error.code, message + wait, error.retryable, Object.keys(this.flow.fieldErrors));
  }

  #handleBack() {
    const flow = this.flow;
    if (!flow) return;
    const next = transition(flow, { type: 'back' });
    if (next === flow) return;
    this.#work.stop();
    if (flow.stepIndex) return this.#moveTo(next);
    // back from a way's first step: to the choice of ways
    this.flow = next;
    this.choosing = true;
  }

  async #moveTo(next: FlowState, previous = this.flow ? currentStep(this.flow).id : null) {
    this.flow = next;
    this.#fireStep(next, previous);
    await this.updateComplete;
    // a choice left empty (it says so), else the first field, else the step's title
    this.#first('.notice', 'cma-field', '#step-title')?.focus();
  }

  // ——— words, errors, focus ———

  /** The vendor's name in words, else its id (no descriptor loaded). */
  get #vendorName(): string {
    return this.#loaded ? this.locale.text(this.#loaded.descriptor.name) : this.#vendorId;
  }

  #messageFor(error: ApiError): string {
    const { t } = this.locale;
    return this.#redact(error.message) || (error.timedOut ? t.timedOut : t.errors[error.code](this.#vendorName));
  }

  /**
   * What a server says, made fit to show: every secret the user typed and the session token masked
   * (as typed, in any case, or URL-encoded, whole or any stretch of 6 characters or more of it), and
   * no longer than a person reads.
   */
  #redact(message: string): string {
    message = message.slice(0, MAX_MESSAGE * 9); // a huge answer is cut before it is searched
    const flow = this.flow;
    const typed = flow ? flow.descriptor.steps.flatMap(s => s.fields ?? []).filter(f => f.type === 'secret').map(f => flow.values[f.name]) : [];
    for (const secret of [this.sessionToken, ...typed]) {
      const value = typeof secret === 'string' ? secret.trim() : '';
      if (value.length < 4) continue;
      // whole (as typed or URL-encoded) first, then any stretch of 6 characters of either
      const forms = [value, encodeURIComponent(value)];
      const parts = [...forms, ...forms.flatMap(f => Array.from({ length: f.length - 5 }, (_, i) => f.slice(i, i + 6)))];
      message = message.replace(new RegExp(`(?:${parts.map(p => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})+`, 'gi'), '•••');
    }
    return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
  }


  /** Fires `cma-error`; focus goes to the first of the fields it names once they show what is wrong. */
  async #emitError(code: ErrorCode, message: string, retryable: boolean, fields: string[] = []) {
    const step = this.flow ? currentStep(this.flow).id : undefined;
    this.#fire(CmaErrorEvent, { code, message, retryable, ...(step ? { step } : {}), ...(fields.length ? { fields } : {}) });
    if (!fields.length) return;
    await this.updateComplete;
    // its input (a radio group's first button), which its cma-field gives the id `cma-field-<name>`
    this.#first(`#cma-field-${fields[0]}`)?.focus();
  }

  /** What the fields to fix are, in words: their labels, listed. */
  #invalidText(flow: FlowState) {
    const { t, text } = this.locale;
    return t.invalidInput(shownFields(flow).filter(f => flow.fieldErrors[f.name]).map(f => text(f.label)));
  }

  #problemText(field: Field, problem: FieldProblem): string {
    const { t, text } = this.locale;
    if (problem.rule === 'server') return problem.message;
    // a message, or a function of the label (and of the field's type for required, of the limit for minLength and maxLength)
    const message = t.field[problem.rule] as string | ((label: string, detail: unknown) => string);
    return (
      (problem.rule === 'pattern' && text(field.patternMessage)) ||
      (typeof message === 'string' ? message : message(text(field.label), 'limit' in problem ? problem.limit : field.type))
    );
  }

  // ——— rendering ———

  /**
   * What the status line says in this render. One live region for every status (loading, working,
   * waiting, the OAuth window's phases, the result): it is on the page from the first render, so
   * screen readers hear each change without focus moving; the visible lines are not live regions too.
   */
  #said = '';

  /** Shows `text` as the status, and says it. */
  #say(text: string) {
    return (this.#said = text);
  }

  override render() {
    this.#said = '';
    const state = this.#loader.state;
    const { t } = this.locale;
    // the page's language first: nothing in English while its strings load (in parallel with the descriptor)
    const settled = this.#i18n.settled;
    const descriptor = settled ? this.#loaded?.descriptor : undefined;
    const name = descriptor ? this.locale.text(descriptor.name) : '';
    return html`<section part="base" aria-labelledby=${descriptor ? 'heading' : nothing}>
      ${descriptor ? this.#renderHeader(descriptor, name) : nothing}
      ${state.kind === 'idle'
        ? html`<p part="status" class="status">${t.noVendor}</p>`
        : state.kind === 'loading' || !settled
          ? html`<p part="status" class="status"><span class="spinner"></span>${settled ? this.#say(t.loading) : ''}</p>
              <div class="skeleton" aria-hidden="true"><i></i><i></i><i></i><i></i></div>`
          : state.kind === 'failed'
            ? this.#renderLoadFailure(state)
            : this.#renderFlow(name)}
      <p class="visually-hidden" role="status">${this.#said}</p>
    </section>`;
  }

  /** The logo and the heading: "Authenticate <vendor>" while there is something to do, then the vendor's name alone. */
  #renderHeader(descriptor: Descriptor, name: string) {
    return html`<header part="header">
      ${descriptor.logo
        ? html`<img part="logo" src=${descriptor.logo} alt="" width="40" height="40" referrerpolicy="no-referrer" @error=${(e: Event) => ((e.target as HTMLElement).hidden = true)} />`
        : nothing}
      <h2 id="heading">${this.flow && !isOpen(this.flow) ? name : this.locale.t.heading(name)}</h2>
    </header>`;
  }

  #renderLoadFailure(state: Extract<DescriptorState, { kind: 'failed' }>) {
    const { t } = this.locale;
    const { problems, error } = state;
    return html`<div class="alert" role="alert">
        <p><strong>${t.errorTitle}</strong></p>
        <p>${this.#loadFailureMessage(state)}</p>
        ${problems
          ? html`<ul class="problems">
              ${problems.map(p => html`<li>${p.path}: ${p.message}</li>`)}
            </ul>`
          : nothing}
      </div>
      ${error.retryable ? html`<button type="button" @click=${() => this.#restart(false)}>${t.tryAgain}</button>` : nothing}`;
  }

  #renderFlow(name: string) {
    const flow = this.flow;
    if (!flow) return nothing;
    const { t } = this.locale;
    if (this.#oauth.phase !== 'idle' && isOpen(flow)) return this.#renderOAuth(name);
    if (this.choosing && flow.status === 'editing') return this.#renderChoice(flow, name);
    switch (flow.status) {
      case 'registered':
        return html`<div part="status" class="success">
          <h3 id="result" tabindex="-1">${this.#say(t.registered(name))}</h3>
          ${flow.displayName ? html`<p>${t.registeredAs(flow.displayName)}</p>` : nothing}
          <p>${t.nextStep(name)}</p>
          ${this.#frame ? html`<button type="button" class="primary" @click=${this.#handleDone}>${t.done}</button>` : nothing}
        </div>`;
      case 'cancelled':
        return html`<p part="status" class="status">${this.#say(t.cancelled)}</p>
          <button type="button" @click=${this.reset}>${t.startAgain}</button>`;
      case 'pending':
        return this.#renderPending(flow, name);
      default:
        return this.#renderStep(flow, name);
    }
  }

  /** While the vendor is to grant access: the step's instructions still, the attempt's code, link and time left. */
  #renderPending(flow: FlowState, name: string) {
    const { t } = this.locale;
    const { userCode, verificationUri, expiresAt } = this.grant ?? {};
    const left = Math.max(0, Math.ceil((Date.parse(expiresAt ?? '') - Date.now()) / 1000));
    return html`${renderInstructions(currentStep(flow).instructions, this.locale)}
      <p part="status" class="status" id="waiting" tabindex="-1"><span class="spinner"></span>${this.#say(t.waiting(name))}</p>
      ${userCode
        ? html`<div class="grant">
            <p id="user-code-label">${t.grant.enterCode(name)}</p>
            <code id="user-code" aria-labelledby="user-code-label">${userCode}</code>
            <button type="button" @click=${this.#handleCopy}>${this.copied ? t.grant.copied : t.grant.copy}</button>
          </div>`
        : nothing}
      ${verificationUri
        ? html`<p>
            <a href=${verificationUri} target="_blank" rel="noopener noreferrer">${t.grant.open(name)}<span class="visually-hidden"> ${t.newTab}</span></a>
          </p>`
        : nothing}
      ${expiresAt && !Number.isNaN(left) ? html`<p class="progress">${t.grant.timeLeft(clock(left))}</p>` : nothing}
      ${this.#renderActions()}`;
  }

  /** While an OAuth flow is open: what is happening in the vendor's window, and the ways out. */
  #renderOAuth(name: string) {
    const { t } = this.locale;
    const phase = this.#oauth.phase;
    if (phase === 'closed') {
      return html`<div class="alert" role="alert">
          <p>${t.errors.popup_closed(name)}</p>
          <p>${t.oauth.closedHint}</p>
        </div>
        ${this.#renderActions(html`<button type="button" class="primary" @click=${this.#handleReopen}>${t.oauth.reopen}</button>`)}`;
    }
    // opening, open, redirecting, checking: each has its words; confirming (after the window) says "checking" too
    const message = t.oauth[phase === 'confirming' || phase === 'idle' ? 'checking' : phase](name);
    return html`<p part="status" class="status" id="waiting" tabindex="-1">
        ${phase === 'open' ? nothing : html`<span class="spinner"></span>`}${this.#say(message)}
      </p>
      ${this.#renderActions(
        phase === 'open' ? html`<button type="button" class="primary" @click=${() => this.#oauth.focus()}>${t.oauth.bringBack}</button>` : nothing,
      )}`;
  }

  /** The ways the vendor offers, one button each. */
  #renderChoice(flow: FlowState, name: string) {
    const { t, text } = this.locale;
    return html`<h3 id="step-title" tabindex="-1">${t.chooseWay(name)}</h3>
      <ul class="ways">
        ${waysOf(flow.descriptor).map(
          (w, i) =>
            html`<li>
              <button type="button" aria-describedby=${w.description ? `way-${i}` : nothing} @click=${() => this.#handlePickWay(w)}>${text(w.label)}</button>
              ${w.description ? html`<p id="way-${i}">${text(w.description)}</p>` : nothing}
            </li>`,
        )}
      </ul>
      ${this.#renderActions()}`;
  }

  /** The buttons under a view: Back first if there is one, Cancel, and the primary button last (on the right). */
  #renderActions(primary: unknown = nothing, back: unknown = nothing) {
    return html`<div class="actions">${back}<button type="button" @click=${this.cancel}>${this.locale.t.cancel}</button>${primary}</div>`;
  }

  #renderStep(flow: FlowState, name: string) {
    const { t, text } = this.locale;
    const step = currentStep(flow);
    const total = flow.descriptor.steps.length;
    const submitting = flow.status === 'submitting';
    if (submitting) this.#say(t.submitting); // the button's spinner, in words
    const waiting = this.#work.holding;
    const empty = emptyChoices(flow);
    const title = text(step.title);
    const submitLabel =
      text(step.submit.label) ||
      (step.submit.kind === 'oauth' ? t.submit.oauth(name) : t.submit[step.submit.kind]);
    const error = flow.error;
    const invalid = Object.keys(flow.fieldErrors).length;
    const checks = error?.code === 'invalid_input';
    // fields to fix: said above the buttons when there are several; one field's own message says it all
    const alert = error && !submitting && (!checks || invalid > 1);
    // after a flow failed (OAuth, or a grant), the same button starts a new one: say so
    const flowFailed = error && !checks && (step.submit.kind === 'oauth' || flow.descriptor.method === 'grant');
    return html`
      ${total > 1 ? html`<p class="progress">${t.stepOf(flow.stepIndex + 1, total)}</p>` : nothing}
      ${title ? html`<h3 id="step-title" tabindex="-1">${title}</h3>` : nothing}
      ${renderInstructions(step.instructions, this.locale)}
      <form part="form" novalidate aria-labelledby=${title ? 'step-title' : 'heading'} @submit=${this.#handleSubmit} @field-change=${this.#handleFieldChange}>
        ${shownFields(flow).map(
          f => {
            // a choice its lookup left empty: say so instead of showing an empty list
            if (empty.includes(f)) return html`<p class="notice" tabindex="-1">${t.noOptions(text(f.label))}</p>`;
            const problem = flow.fieldErrors[f.name];
            return html`<cma-field
              .locale=${this.locale}
              .field=${f}
              .value=${flow.values[f.name]}
              .options=${optionsOf(flow, f)}
              .error=${problem ? this.#problemText(f, problem) : ''}></cma-field>`;
          },
        )}
        <div role="alert" class=${alert ? 'alert' : ''}>
          ${alert ? html`<p>${checks ? this.#invalidText(flow) : error.message}</p>` : nothing}
          ${error?.code === 'popup_blocked' && !submitting
            ? html`<button type="button" @click=${this.#handleContinueHere}>${t.oauth.continueHere}</button>`
            : nothing}
        </div>
        ${waiting
          ? html`<p class="progress">${t.retryIn(Math.ceil((this.#work.retryAt - Date.now()) / 1000))}</p>`
          : nothing}
        ${this.#renderActions(
          canSubmit(flow) || submitting
            ? html`<button part="submit" type="submit" class="primary" aria-disabled=${submitting || waiting}>
                ${submitting ? html`<span class="spinner"></span>` : nothing}${flowFailed ? t.tryAgain : submitLabel}
              </button>`
            : nothing,
          flow.stepIndex > 0 || waysOf(flow.descriptor).length > 1 ? html`<button type="button" @click=${this.#handleBack}>${t.back}</button>` : nothing,
        )}
      </form>
      ${flow.descriptor.helpUrl
        ? html`<footer>
            <a href=${flow.descriptor.helpUrl} target="_blank" rel="noopener noreferrer">${t.help(name)}<span class="visually-hidden"> ${t.newTab}</span></a>
          </footer>`
        : nothing}
    `;
  }
}

/** The properties a host page sets on `<cma-register-app>` (the typings for React and Vue are made from them). */
export type CmaRegisterAppProperties = Pick<
  CmaRegisterApp,
  'vendor' | 'apiBase' | 'descriptorBase' | 'descriptor' | 'sessionToken' | 'mode' | 'callbackOrigin' | 'lang'
>;

declare global {
  interface HTMLElementTagNameMap {
    'cma-register-app': CmaRegisterApp;
  }
}
