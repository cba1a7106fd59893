export type { AttemptDetail } from './base.js';
export { CmaReadyEvent, type CmaReadyDetail } from './ready.js';
export { CmaStepEvent, type CmaStepDetail } from './step.js';
export { CmaRegisteredEvent, type CmaRegisteredDetail } from './registered.js';
export { CmaErrorEvent, type CmaErrorDetail } from './error.js';
export { CmaCancelEvent, type CmaCancelDetail } from './cancel.js';

import type { CmaCancelEvent } from './cancel.js';
import type { CmaErrorEvent } from './error.js';
import type { CmaReadyEvent } from './ready.js';
import type { CmaRegisteredEvent } from './registered.js';
import type { CmaStepEvent } from './step.js';

/** The events `<cma-register-app>` fires, by name (the typings for React and Vue are made from it). */
export interface CmaRegisterAppEventMap {
  'cma-ready': CmaReadyEvent;
  'cma-step': CmaStepEvent;
  'cma-registered': CmaRegisteredEvent;
  'cma-error': CmaErrorEvent;
  'cma-cancel': CmaCancelEvent;
}
