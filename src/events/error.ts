import type { ErrorCode } from '../errors.js';
import { eventInit, type AttemptDetail } from './base.js';

export interface CmaErrorDetail extends AttemptDetail {
  /** A contract error code; treat codes you do not know as `unknown_error`. */
  code: ErrorCode;
  /** The message shown to the user. */
  message: string;
  /** Whether trying again can help. */
  retryable: boolean;
  /** The step it happened on, when a step was shown. */
  step?: string;
  /** Names (never values) of the fields concerned. */
  fields?: string[];
}

/** An error was shown to the user. */
export class CmaErrorEvent extends CustomEvent<CmaErrorDetail> {
  constructor(detail: CmaErrorDetail) {
    super('cma-error', eventInit(detail));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cma-error': CmaErrorEvent;
  }
}
