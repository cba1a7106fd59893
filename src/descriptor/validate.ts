/**
 * The descriptor validator, whole: the checking (problems.ts) and its messages (messages.ts), at once.
 * For the checker, the Storybook playground and hosts (dist/index.js); the widget itself loads the
 * messages only when a descriptor is invalid (descriptor-controller).
 */
import { explain } from './messages.js';
import { findProblems, type DescriptorProblem } from './problems.js';
import type { Descriptor } from './types.js';

export { backtracks, compilePattern, formatProblems, type DescriptorProblem } from './problems.js';

export type ValidationResult =
  | { ok: true; descriptor: Descriptor; problems: [] }
  | { ok: false; problems: DescriptorProblem[] };

/**
 * Checks that `input` is a descriptor the widget can render, and lists every problem with its
 * JSON path. Pure: no DOM, no network.
 */
export function validateDescriptor(input: unknown): ValidationResult {
  const found = findProblems(input);
  return found.length ? { ok: false, problems: explain(found) } : { ok: true, descriptor: input as Descriptor, problems: [] };
}
