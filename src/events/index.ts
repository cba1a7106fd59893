export type { AttemptDetail } from './base.js';
export { CmaReadyEvent, type CmaReadyDetail } from './ready.js';
export { CmaStepEvent, type CmaStepDetail } from './step.js';
export { CmaRegisteredEvent, type CmaRegisteredDetail } from './registered.js';
export { CmaErrorEvent, type CmaErrorDetail } from './error.js';
export { CmaCancelEvent, type CmaCancelDetail } from './cancel.js';
