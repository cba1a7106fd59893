/**
 * Polling a flow the server holds (a pending grant, an OAuth flow) until it ends: one loop for both,
 * with a wall-clock deadline that is checked again whenever the tab comes back, since hidden tabs'
 * timers may run as rarely as once a minute.
 */
import { ApiError } from './errors.js';
import type { ApiClient, FlowStatusResult } from './client.js';

/** A wait that the caller can cut short, and that the tab's return to view cuts short too. */
export class Waker {
  #wake?: () => void;

  /** Ends the current wait now (a callback message came, the popup closed). */
  nudge() {
    this.#wake?.();
  }

  /** Waits `ms`, or less when nudged or when the tab is shown or focused again; rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const listening = new AbortController(); // ends every listener of this wait at once
      const done = (abort?: boolean) => {
        clearTimeout(timer);
        listening.abort();
        if (this.#wake === woken) this.#wake = undefined;
        abort ? reject(signal.reason) : resolve();
      };
      const woken = () => done();
      const timer = setTimeout(woken, ms); // a delay below 0 is 0
      const options = { signal: listening.signal };
      signal.addEventListener('abort', () => done(true), options);
      document.addEventListener('visibilitychange', woken, options);
      addEventListener('focus', woken, options);
      this.#wake = woken;
    });
  }
}

export interface PollOptions {
  signal: AbortSignal;
  /** Wall-clock deadline (epoch ms); passing it ends the poll with `timeout`. */
  deadline: number;
  /** Milliseconds to wait before the next request, or `null` to ask nothing until nudged. */
  delay: () => number | null;
  /** Checked after every wait; throws to end the poll (a callback that failed its checks). */
  check?: () => void;
  /** Called after each answer that is still pending, with it. */
  onPending?: (answer: FlowStatusResult) => void;
  waker?: Waker;
}

/** Asks the server about a flow until it is no longer pending; throws `timeout` past the deadline. */
export async function pollFlow(api: ApiClient, flowId: string, options: PollOptions): Promise<FlowStatusResult> {
  const { signal, deadline, delay, check, onPending, waker = new Waker() } = options;
  for (;;) {
    const wait = delay();
    const left = deadline - Date.now();
    if (wait !== 0) await waker.sleep(wait === null ? left : Math.min(wait, left), signal);
    check?.();
    if (Date.now() >= deadline) throw new ApiError('timeout');
    if (delay() === null) continue; // woken, but nothing yet to ask the server about
    const answer = await api.getFlow(flowId, signal);
    if (signal.aborted) throw signal.reason; // superseded while the answer was on its way
    if (answer.status !== 'pending') return answer;
    onPending?.(answer);
  }
}

/** A flow whose `expiresAt` is missing or not a date gets this long; none gets more than the cap. */
const DEFAULT_LIFETIME_MS = 10 * 60_000;
const MAX_LIFETIME_MS = 60 * 60_000;

/** The wall-clock deadline (epoch ms) of a flow that expires at `expiresAt` (ISO 8601). */
export function deadlineOf(expiresAt?: string): number {
  const at = Date.parse(expiresAt ?? '');
  const now = Date.now();
  return Number.isNaN(at) ? now + DEFAULT_LIFETIME_MS : Math.min(at, now + MAX_LIFETIME_MS);
}

/** A server's retry hint in seconds, clamped to 1–30 s. */
export const retryDelay = (seconds: number | undefined, fallback = 2) =>
  Math.min(30, Math.max(1, Number.isFinite(seconds) ? seconds! : fallback)) * 1000;
