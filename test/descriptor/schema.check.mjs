// Checks src/descriptor/descriptor.schema.json with Ajv (draft 2020-12) against the same descriptors
// as test/descriptor/validate.test.ts, so that the schema and the widget's validator do not drift.
// A Node script, not a browser test: ajv ships CommonJS only, which @web/test-runner cannot import.
// usage: node test/descriptor/schema.check.mjs   (last line: "schema: N passed, N failed")
import Ajv2020Module from 'ajv/dist/2020.js';
import { assert, build, cases, read, runner, seeds } from './harness.mjs';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const schema = read('../../src/descriptor/descriptor.schema.json');

/** The validator's path (`steps[0].fields[1]["max length"]`, `(root)`) as a JSON pointer. */
function pointer(path) {
  if (path === '(root)') return '';
  const parts = [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)];
  return parts.map(m => `/${m[1] ?? m[2] ?? JSON.parse(m[3])}`).join('');
}

const { check, done } = runner('schema');
const errorsText = errors => (errors ?? []).map(e => `${e.instancePath || '/'} ${e.message}`).join('\n');

// strict: an unknown keyword or a type mistake in the schema fails the compile instead of being ignored.
// (strictRequired off: `required` inside if/not/oneOf names properties declared beside them, as intended.)
const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
let validate;
check('the schema compiles under Ajv 2020 in strict mode', () => {
  validate = ajv.compile(schema);
});
check('the schema is draft 2020-12 with the published $id', () => {
  assert(schema.$schema === 'https://json-schema.org/draft/2020-12/schema', `$schema is ${schema.$schema}`);
  assert(schema.$id === 'https://connectmyapps.com/schemas/descriptor.schema.json', `$id is ${schema.$id}`);
});

/** Every property schema that an editor completes has a description; every object is closed. */
function walk(node, path, problems) {
  if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`, problems));
  if (typeof node !== 'object' || node === null) return;
  if (node.properties) {
    for (const [key, sub] of Object.entries(node.properties)) {
      const inCondition = /\/(if|then|else|not|contains|oneOf|anyOf)(\/|$)/.test(path);
      if (!inCondition && !sub.description) problems.push(`${path}/properties/${key} has no description`);
    }
    const inCondition = /\/(if|then|else|not|contains|oneOf|anyOf|allOf)(\/|$)/.test(path);
    if (!inCondition && node.additionalProperties !== false) problems.push(`${path} is not closed (additionalProperties: false)`);
  }
  for (const [key, sub] of Object.entries(node)) walk(sub, `${path}/${key}`, problems);
}
check('every key has a description and every object rejects unknown keys', () => {
  const problems = [];
  walk(schema, '#', problems);
  assert(problems.length === 0, problems.join('\n'));
});

/** Every key the schema declares, and every key an instance uses. */
const declared = (node, keys = new Set()) => {
  if (typeof node !== 'object' || node === null) return keys;
  if (node.properties) Object.keys(node.properties).forEach(k => keys.add(k));
  Object.values(node).forEach(sub => declared(sub, keys));
  return keys;
};
const used = (value, keys = new Set()) => {
  if (Array.isArray(value)) value.forEach(v => used(v, keys));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) keys.add(k), used(v, keys);
  }
  return keys;
};
check("cases.json's valid descriptors use every key the schema declares (so the validator is tried on each)", () => {
  const inValid = used(Object.values(cases.valid));
  const missing = [...declared(schema)].filter(k => !inValid.has(k));
  assert(missing.length === 0, `not in cases.json's valid descriptors: ${missing.join(', ')}`);
});

if (validate) {
  for (const [name, seed] of Object.entries(seeds)) {
    check(`accepts the ${name} descriptor`, () => assert(validate(seed), errorsText(validate.errors)));
  }
  check('accepts a relative logo and language tags in any case', () => {
    const d = structuredClone(seeds.mailchimp);
    d.logo = '../logos/mailchimp.svg?v=2';
    d.steps[0].title = { EN: 'Key', 'nb-NO': 'Nøkkel', 'zh-Hant-TW': '鑰匙' };
    assert(validate(d), errorsText(validate.errors));
  });

  for (const c of cases.invalid) {
    const where = c.problems.map(p => p[0]).join(', ');
    if (c.schema) {
      check(`rejects ${c.title} (validator: ${where})`, () => {
        assert(!validate(build(c)), 'the schema accepted it');
        // ...at the validator's place or above it (an object's unknown key, a step list's rule),
        // not for some unrelated reason.
        const want = pointer(c.problems[0][0]);
        const at = validate.errors.map(e => e.instancePath);
        assert(at.some(p => want === p || want.startsWith(`${p}/`)), `errors at ${at.join(', ')}, none at or above ${want}`);
      });
    } else {
      // Only the widget's validator catches these (cross-field rules); the schema documents them.
      check(`leaves ${c.title} to the validator (${where})`, () => {
        assert(validate(build(c)), `the schema rejects it, so set "schema": true in cases.json:\n${errorsText(validate.errors)}`);
      });
    }
  }
}

done();
