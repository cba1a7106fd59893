import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient, FlowStatusResult } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import { deadlineOf, pollFlow, Waker } from '../api/poll.js';
import type { PopupSize, Values } from '../descriptor/types.js';
import { readCallbackMessage, VENDOR_PARAM } from './protocol.js';

/**
 * Where an OAuth flow stands, for the view:
 * - `opening`: the popup is open and the flow is being created;
 * - `open`: the popup shows the vendor's login;
 * - `checking`: the popup reads as closed, and the server is asked whether the login finished;
 * - `closed`: the grace period passed with the flow still pending (the server is still asked, more slowly);
 * - `confirming`: the callback page reported, and the server is asked to confirm;
 * - `redirecting`: this tab is on its way to the vendor.
 */
export type OAuthPhase = 'idle' | 'opening' | 'open' | 'checking' | 'closed' | 'confirming' | 'redirecting';

export interface OAuthControllerOptions {
  /** The origin callback messages must come from (exactly). */
  callbackOrigin: () => string;
  /** The popup stayed closed through the grace period while the flow is still pending on the server. */
  onPopupClosed: () => void;
}

export interface AuthorizeRequest {
  api: ApiClient;
  vendor: string;
  values: Values;
  mode: 'popup' | 'redirect';
  signal: AbortSignal;
  /** Called as soon as the server has created the flow. */
  onStarted: (flowId: string) => void;
}

/** How long a closed popup's flow is still asked about before the user is told (contract: ≥ 10 s). */
export const CLOSED_GRACE_MS = 10_000;
/** Polls while confirming or within the grace period (contract: ≤ 2 s apart), and after it. */
const CONFIRM_POLL_MS = 1_000;
const CLOSED_POLL_MS = 3_000;
const CLOSED_WATCH_MS = 500;
/**
 * Closes a window we opened. Chromium now and then ignores close() while the window is still on
 * about:blank with its first page on the way, and the window stays open; so close() again every
 * quarter second for 10 s (on a closed window it does nothing), whatever `closed` reads meanwhile.
 */
function closeWindow(popup: Window | null | undefined, tries = 40) {
  popup?.close();
  if (popup && tries) setTimeout(closeWindow, 250, popup, tries - 1);
}

/** The page to come back to in redirect mode: this one, marked with the vendor it is for. */
function returnUrl(vendor: string): string {
  const url = new URL(location.href);
  url.hash = '';
  url.searchParams.set(VENDOR_PARAM, vendor);
  return url.href;
}

/**
 * Runs OAuth flows in a popup (or this tab): opens the window synchronously in the click, sends it to
 * the vendor once the server has created the flow, takes the callback page's message only after the
 * protocol's checks, treats a closed popup as "ask the server" rather than as a cancel (a vendor page
 * with COOP makes `closed` read true while the window is open), and never believes a message the
 * server has not confirmed. One flow at a time; everything is cleaned up when the element goes.
 *
 * @example
 * ```ts
 * private oauth = new OAuthController(this, { callbackOrigin: () => origin, onPopupClosed: () => … });
 * handleClick() {
 *   if (!this.oauth.open('cma-oauth', { width: 600, height: 700 })) return this.showBlocked();
 *   const answer = await this.oauth.authorize({ api, vendor, values, mode: 'popup', signal, onStarted });
 * }
 * ```
 */
export class OAuthController implements ReactiveController {
  phase: OAuthPhase = 'idle';
  #popup?: Window | null;
  readonly #waker = new Waker();
  /** Counts runs, so that only the newest one resets the phase when it ends. */
  #runs = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: OAuthControllerOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    this.closePopup();
  }

  /**
   * Opens an empty popup. Call it synchronously in the click handler, before any `await`: browsers
   * allow a popup only while the click's user activation lasts. False when the browser blocked it.
   */
  open(name: string, size: Required<PopupSize>): boolean {
    this.closePopup();
    this.#runs++; // a run still winding down must leave the new window alone
    // centred on this window (browsers keep a popup on the screen themselves)
    const left = (screenX + (outerWidth - size.width) / 2) | 0;
    const top = (screenY + (outerHeight - size.height) / 2) | 0;
    try {
      this.#popup = window.open('', name, `popup,width=${size.width},height=${size.height},left=${left},top=${top}`);
    } catch {
      // no window (closePopup left this.#popup null)
    }
    return this.#popup !== null;
  }

  /** Brings the popup to the front (a second click while it is open lands here too). */
  focus() {
    // focus() and close() are open to a window of any origin, and do nothing to a closed one: they do not throw
    this.#popup?.focus();
  }

  /**
   * Creates the flow and waits until the server ends it: resolves with the server's final answer
   * (succeeded or failed), or rejects with `timeout`, `invalid_callback` or an API error.
   */
  async authorize(request: AuthorizeRequest): Promise<FlowStatusResult> {
    const { api, vendor, values, mode, signal } = request;
    // this run's window: a newer run (Reopen, Try again) may already have opened its own
    const popup = this.#popup;
    const run = ++this.#runs;
    this.#setPhase(mode === 'redirect' ? 'redirecting' : 'opening');
    try {
      // not aborted with the attempt: the server may create the flow anyway, so wait for its id and DELETE it
      const flow = await api.startOAuth(vendor, { values, origin: location.origin, mode, ...(mode === 'redirect' ? { returnTo: returnUrl(vendor) } : {}) });
      if (signal.aborted) {
        void api.cancelFlow(flow.flowId);
        throw signal.reason;
      }
      request.onStarted(flow.flowId);
      const deadline = deadlineOf(flow.expiresAt);
      if (mode === 'redirect') {
        location.assign(flow.authorizeUrl);
        // the page unloads; should it not (a download, a blocked navigation), the deadline still ends the wait
        return await pollFlow(api, flow.flowId, { signal, deadline, delay: () => null, waker: this.#waker });
      }
      // in the popup: the vendor's login, watched for a close, and the callback page's message
      const origin = this.options.callbackOrigin();
      let invalid = false;
      let closedAt = 0;
      const onMessage = (event: MessageEvent) => {
        if (this.phase === 'confirming' || invalid) return; // the first valid message counts, once
        const result = readCallbackMessage(event, { origin, flowId: flow.flowId, source: popup });
        if (result === 'ignore') return;
        if (result === 'invalid') invalid = true;
        else this.#setPhase('confirming');
        this.#waker.nudge();
      };
      const watch = setInterval(() => {
        if (this.phase === 'open' && (!popup || popup.closed)) {
          closedAt = Date.now();
          this.#setPhase('checking');
          this.#waker.nudge();
        }
      }, CLOSED_WATCH_MS);
      window.addEventListener('message', onMessage);
      try {
        try {
          if (popup && !popup.closed) popup.location.href = flow.authorizeUrl;
        } catch {
          // the window is no longer ours to steer: the close watch takes over
        }
        this.#setPhase('open');
        return await pollFlow(api, flow.flowId, {
          signal,
          deadline,
          waker: this.#waker,
          delay: () => (this.phase === 'open' ? null : this.phase === 'closed' ? CLOSED_POLL_MS : CONFIRM_POLL_MS),
          check: () => {
            if (invalid) throw new ApiError('invalid_callback');
          },
          onPending: () => {
            if (this.phase === 'checking' && Date.now() - closedAt >= CLOSED_GRACE_MS) {
              this.#setPhase('closed');
              this.options.onPopupClosed();
            }
          },
        });
      } finally {
        clearInterval(watch);
        window.removeEventListener('message', onMessage);
      }
    } finally {
      closeWindow(popup);
      if (run === this.#runs) {
        this.#popup = null;
        this.#setPhase('idle');
      }
    }
  }

  /** Finishes a flow this page was sent back to in redirect mode: the server's word is final. */
  async resume(api: ApiClient, flowId: string, signal: AbortSignal): Promise<FlowStatusResult> {
    this.#setPhase('confirming');
    try {
      return await pollFlow(api, flowId, {
        signal,
        deadline: deadlineOf(),
        delay: () => CONFIRM_POLL_MS,
        waker: this.#waker,
      });
    } finally {
      this.#setPhase('idle');
    }
  }

  #setPhase(phase: OAuthPhase) {
    this.phase = phase;
    this.host.requestUpdate();
  }

  /**
   * Closes the popup, if one is open, and leaves its flow behind: the view is no longer about it,
   * even while a run still waits for the server to create that flow (and then deletes it).
   */
  closePopup() {
    closeWindow(this.#popup);
    this.#popup = null;
    this.phase = 'idle';
  }
}
