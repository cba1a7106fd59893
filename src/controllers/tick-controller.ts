import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Renders its host again every second while on, so that a time left on screen stays true.
 *
 * @example
 * ```ts
 * private tick = new TickController(this);
 * updated() { this.tick.run(this.showsTimeLeft); }
 * ```
 */
export class TickController implements ReactiveController {
  #timer?: ReturnType<typeof setInterval>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected() {
    this.run(false);
  }

  /** Ticks while `on`; stops otherwise. */
  run(on: boolean) {
    if (on) this.#timer ??= setInterval(() => this.host.requestUpdate(), 1000);
    else {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }
}
