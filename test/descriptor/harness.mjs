// What the Node check scripts of test/descriptor/ share (schema.check.mjs, checker.check.mjs): the
// cases of cases.json built on the shipped descriptors, and a small runner that counts checks.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const here = path => fileURLToPath(new URL(path, import.meta.url));
export const read = path => JSON.parse(readFileSync(here(path), 'utf8'));

export const SHIPPED = here('../../mocks/descriptors');
export const cases = read('./cases.json');
/** Every shipped descriptor by id, and cases.json's valid ones by name: what a case's `base` names. */
export const seeds = {
  ...Object.fromEntries(readdirSync(SHIPPED).map(f => [f.replace(/\.json$/, ''), read(`../../mocks/descriptors/${f}`)])),
  ...cases.valid,
};

/** A deep copy of a seed with the case's edits made (as in validate.test.ts). */
export function build(c) {
  if (!c.base) return c.descriptor;
  const copy = structuredClone(seeds[c.base]);
  for (const edit of c.edits ?? []) {
    const keys = edit.at.split('.');
    const last = keys.pop();
    let target = copy;
    for (const key of keys) target = target[key];
    if (edit.delete) delete target[last];
    else target[last] = edit.value;
  }
  return copy;
}

/** Named checks, counted; `done()` prints "<name>: N passed, N failed" last and sets the exit code. */
export function runner(name) {
  let passed = 0;
  let failed = 0;
  return {
    check(title, fn) {
      try {
        fn();
        passed++;
        console.log(`  ✓ ${title}`);
      } catch (e) {
        failed++;
        console.log(`  ✗ ${title}\n      ${String(e.message).replace(/\n/g, '\n      ')}`);
      }
    },
    done() {
      console.log(`\n${name}: ${passed} passed, ${failed} failed`);
      process.exitCode = failed ? 1 : 0;
    },
  };
}

export const assert = (ok, message) => {
  if (!ok) throw new Error(message);
};
