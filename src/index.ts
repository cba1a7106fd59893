/**
 * Side-effect-free exports: the element classes, event types, descriptor types and validator.
 * Import `define.js` (or load `cma-register-app.js`) to register the `cma-*` tags.
 */
export { CmaRegisterApp, type CmaRegisterAppProperties } from './components/register-app/register-app.js';
export { CmaField } from './components/field/field.js';
export * from './events/index.js';
export type * from './descriptor/types.js';
export { validateDescriptor, formatProblems, type DescriptorProblem, type ValidationResult } from './descriptor/validate.js';
export { localize } from './descriptor/localize.js';
export { ERROR_CODES, type ErrorCode } from './errors.js';
export type { Translation } from './i18n/translation.js';
export { translations } from './i18n/index.js';
