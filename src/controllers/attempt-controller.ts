import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The attempt's async work, one job at a time: starting a job aborts the one before, and so do
 * `stop()` and the element's removal from the page. It also holds a rate limit's pause.
 *
 * @example
 * ```ts
 * private work = new AttemptController(this);
 * this.work.run(async signal => { const options = await api.lookup(…, signal); if (!signal.aborted) … }, e => this.fail(e));
 * ```
 */
export class AttemptController implements ReactiveController {
  /** Until when a rate limit holds the submit back (epoch ms). */
  retryAt = 0;
  #inflight?: AbortController;
  #retryTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected() {
    this.stop();
  }

  /** Whether a job is running. */
  get busy() {
    return this.#inflight !== undefined;
  }

  /** True while a rate limit holds the submit back. */
  get holding() {
    return this.retryAt > Date.now();
  }

  /**
   * Runs `job` as the current work. Its failure goes to `onError` only while it is still current:
   * a superseded or stopped job ends without a word.
   */
  async run(job: (signal: AbortSignal) => Promise<void>, onError: (e: unknown) => void) {
    this.#inflight?.abort();
    const controller = (this.#inflight = new AbortController());
    try {
      await job(controller.signal);
    } catch (e) {
      if (!controller.signal.aborted) onError(e);
    } finally {
      if (this.#inflight === controller) this.#inflight = undefined;
    }
  }

  /** Aborts the current job and lifts any pause. */
  stop() {
    this.#inflight?.abort();
    this.#inflight = undefined;
    clearTimeout(this.#retryTimer);
    this.retryAt = 0;
  }

  /** Holds the submit back for `seconds` (a rate limit's Retry-After). */
  holdFor(seconds: number) {
    clearTimeout(this.#retryTimer);
    this.retryAt = Date.now() + seconds * 1000;
    this.#retryTimer = setTimeout(() => {
      this.retryAt = 0;
      this.host.requestUpdate();
    }, seconds * 1000);
    this.host.requestUpdate();
  }
}
