import { eventInit, type AttemptDetail } from './base.js';

export interface CmaStepDetail extends AttemptDetail {
  /** Id of the step that became current. */
  step: string;
  index: number;
  /** Id of the step before it, or null for the first step of an attempt. */
  previous: string | null;
}

/** A step became current (the first one, a next one, or one the user went back to). */
export class CmaStepEvent extends CustomEvent<CmaStepDetail> {
  constructor(detail: CmaStepDetail) {
    super('cma-step', eventInit(detail));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cma-step': CmaStepEvent;
  }
}
