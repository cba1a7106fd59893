import { eventInit, type AttemptDetail } from './base.js';

export interface CmaCancelDetail extends AttemptDetail {
  /** The step the user gave up on. */
  step: string;
  reason: 'user' | 'popup_closed';
}

/** The user gave up: pressed Cancel, closed the popup and confirmed, or the host called `cancel()`. */
export class CmaCancelEvent extends CustomEvent<CmaCancelDetail> {
  constructor(detail: CmaCancelDetail) {
    super('cma-cancel', eventInit(detail));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cma-cancel': CmaCancelEvent;
  }
}
