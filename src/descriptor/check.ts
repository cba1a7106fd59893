/**
 * The descriptor checker's rules (`npx cma-descriptor check`, bin/cma-descriptor.js): the widget's
 * own validator, then what an author's CI can also check and the widget does not need to, so that
 * its bundle stays small. Pure: no DOM, no network; runs in Node from dist/descriptor-check.js.
 */
import { waysOf } from './types.js';
import { formatProblems, validateDescriptor, type DescriptorProblem } from './validate.js';

export { formatProblems, type DescriptorProblem };

/** Every problem of `json` as a descriptor, each with its JSON path; none when the widget will show it as meant. */
export function checkDescriptor(json: unknown): DescriptorProblem[] {
  const result = validateDescriptor(json);
  if (!result.ok) return result.problems;
  const problems: DescriptorProblem[] = [];
  const { descriptor } = result;
  waysOf(descriptor).forEach((way, i) => {
    const path = descriptor.ways ? `ways[${i}].method` : 'method';
    const last = way.steps[way.steps.length - 1].submit.kind;
    // the method is what events report to the host: it must say what the steps do
    if (way.method === 'oauth2' && last !== 'oauth') {
      problems.push({ path, message: `"oauth2", but the last step's submit is "${last}", not "oauth": the user would never log in at the vendor` });
    } else if (way.method !== 'oauth2' && last === 'oauth') {
      problems.push({ path, message: `"${way.method}", but the last step's submit is "oauth": use "oauth2"` });
    }
  });
  return problems;
}
