/**
 * The entry of the CDN file, dist/cma-register-app.js: defines the tags (define.ts) and exports what
 * index.ts does but `validateDescriptor`. That one says every problem at once, so it would bring the
 * validator's messages into this file, which loads them only when a descriptor is invalid (a host
 * that validates descriptors imports dist/index.js). Whatever index.ts gains, list it here too.
 */
import './define.js';

export { CmaRegisterApp, type CmaRegisterAppProperties } from './components/register-app/register-app.js';
export { CmaField } from './components/field/field.js';
export * from './events/index.js';
export type * from './descriptor/types.js';
export { formatProblems, type DescriptorProblem } from './descriptor/problems.js';
export { localize } from './descriptor/localize.js';
export { ERROR_CODES, type ErrorCode } from './errors.js';
export type { Translation } from './i18n/translation.js';
export { translations } from './i18n/index.js';
