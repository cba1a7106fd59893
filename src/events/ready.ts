import type { AuthMethod } from '../descriptor/types.js';
import { eventInit, type AttemptDetail } from './base.js';

export interface CmaReadyDetail extends AttemptDetail {
  method: AuthMethod;
  /** The ids of the descriptor's steps, in order. */
  steps: string[];
}

/** The descriptor loaded and the first step is shown. */
export class CmaReadyEvent extends CustomEvent<CmaReadyDetail> {
  constructor(detail: CmaReadyDetail) {
    super('cma-ready', eventInit(detail));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cma-ready': CmaReadyEvent;
  }
}
