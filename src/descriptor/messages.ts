/**
 * What the validator's problems say (problems.ts finds them, by key). Apart from the checking because
 * only an invalid descriptor needs it: the widget loads this module on demand, as its own chunk.
 * It must import nothing at run time, or that chunk would reach back into the widget's bundle.
 */
import type { DescriptorProblem, Finding } from './problems.js';

/** A value as a message shows it: a string quoted and cut at 40 characters, anything else by its kind. */
const describe = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `"${v.slice(0, 40)}"` : typeof v;
const got = (what: string) => (v: unknown) => `expected ${what}, got ${describe(v)}`;

const MESSAGES = {
  unknownKey: () => 'unknown key',
  required: () => 'required',
  empty: () => 'must not be empty',
  localized: got('a string or a map of language to string'),
  lang: () => 'not a language tag (such as "en" or "nb")',
  string: got('a string'),
  bool: got('true or false'),
  count: got('a whole number ≥ 0'),
  array: got('an array'),
  notDescriptor: got('a descriptor object'),
  notWay: got('a way object'),
  notStep: got('a step object'),
  notInstruction: got('an instruction object'),
  notField: got('a field object'),
  notObject: got('an object'),
  version: (v: unknown) => (v === undefined ? 'required (1)' : 'expected 1'),
  id: got('lower-case letters, digits and "-" (such as "acme-crm")'),
  duplicateId: (what: string, id: string) => `duplicate ${what} id ${describe(id)}`,
  urlOrPath: () => 'expected an https URL or a path relative to the descriptor',
  https: () => 'expected an https URL',
  oneOf: (list: readonly string[], v: unknown) => `expected one of ${list.join(', ')}, got ${describe(v)}`,
  noSteps: () => 'required (at least one step)',
  emptySteps: () => 'expected at least one step',
  waysAndSteps: () => 'give "ways", or "method" and "steps", not both',
  emptyWays: () => 'expected at least one way',
  notImage: () => 'expected {"src", "alt"}',
  noSubmit: () => 'required: every step needs a submit ({"kind": "register" | "lookup" | "oauth"})',
  lookupName: () => 'required for a lookup: its name (lower-case letters, digits and "-")',
  onlyLookup: () => 'only allowed with "kind": "lookup"',
  onlyOAuth: () => 'only allowed with "kind": "oauth"',
  notPopup: () => 'expected {"width", "height"}',
  pixels: () => 'expected a whole number of pixels from 200 to 2000',
  lastLookup: () => 'a lookup feeds later steps, so it cannot be on the last step',
  endsFlow: (kind: unknown) => `"${kind}" ends the flow, so only the last step may have it`,
  name: got('letters, digits and "_" (such as "apiKey")'),
  duplicateName: (name: string, at: string) => `duplicate field name ${describe(name)} (also at ${at})`,
  hiddenDefault: () => 'required for a hidden field: the value it sends',
  multiline: () => 'only allowed on text and secret fields',
  minOverMax: () => 'greater than maxLength',
  backtracks: () => 'exponential time: a repeated group holds a repetition or alternation, like (a+)+',
  // the reason only ("Unterminated group"), not the message's copy of a pattern of any length
  regExp: (e: Error) => `not a valid regular expression with the u flag (${e.message.split(': ').pop()})`,
  notString: () => 'expected a string',
  notOption: () => 'expected {"value", "label"}',
  optionValue: () => 'required (a string)',
  emptyOptions: () => 'expected at least one option',
  lookupRef: () => 'expected the name of a lookup',
  noLookup: (name: string) => `names no lookup on an earlier step (${describe(name)})`,
  needsOptions: (type: string) => `a ${type} field needs "options" or "optionsFrom"`,
  optionsAndFrom: () => 'give "options" or "optionsFrom", not both',
  notChoice: () => '"options" and "optionsFrom" are only for select and radio fields',
  defaultType: (want: string, type: string) => `expected a ${want} for a ${type} field`,
  notAnOption: () => 'is not one of the options',
  notShowIf: () => 'expected {"field", "equals"}',
  noField: (target: unknown) => `names no field before this one (${describe(target)})`,
  equals: () => 'expected a string or true/false',
  // the widget's own check of a fetched descriptor (descriptor-controller)
  vendor: (id: string, vendor: string) => `"${id}" is not the vendor "${vendor}" it was loaded for`,
};

export type Messages = typeof MESSAGES;

/** The findings as problems with today's messages. */
export function explain(found: Finding[]): DescriptorProblem[] {
  return found.map(({ path, key, args }) => ({ path, message: (MESSAGES[key] as (...a: unknown[]) => string)(...args) }));
}
