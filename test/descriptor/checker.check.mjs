// Checks bin/cma-descriptor.js, the descriptor checker for authors and their CI, as they run it: a
// process over files, its output and its exit code. Run `npm run build` first (it loads dist/).
// usage: node test/descriptor/checker.check.mjs   (last line: "checker: N passed, N failed")
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHIPPED, assert, build, cases, here, runner, seeds } from './harness.mjs';

const BIN = here('../../bin/cma-descriptor.js');

const dir = mkdtempSync(join(tmpdir(), 'cma-descriptor-'));
let n = 0;
/** Writes `text` to a new file named `name` (in a directory of its own) and returns its path. */
function rawFile(text, name) {
  const sub = join(dir, String(n++));
  mkdirSync(sub);
  const path = join(sub, name);
  writeFileSync(path, text);
  return path;
}
/** Writes `json` to a new file, named after its id when it has one, and returns its path. */
const file = (json, name = typeof json?.id === 'string' && /^[a-z0-9-]+$/.test(json.id) ? `${json.id}.json` : 'descriptor.json') =>
  rawFile(JSON.stringify(json), name);
const check = (...args) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const { check: test, done } = runner('checker');

test('every shipped descriptor passes, checked together, with exit code 0', () => {
  const files = readdirSync(SHIPPED).map(f => join(SHIPPED, f));
  const r = check('check', ...files);
  assert(r.code === 0, `exit ${r.code}\n${r.out}${r.err}`);
  assert(r.out.includes(`${files.length} files checked, 0 problems`), r.out);
});

for (const c of cases.invalid) {
  test(`reports ${c.title} at ${c.problems.map(p => p[0]).join(', ')}, and exits 1`, () => {
    const path = file(build(c));
    const r = check('check', path);
    assert(r.code === 1, `exit ${r.code}\n${r.out}`);
    for (const [at, message] of c.problems) {
      assert(r.out.includes(`${path}: ${at}: ${message}`), `no line "${path}: ${at}: ${message}…" in\n${r.out}`);
    }
  });
}

const mismatches = [
  ['oauth2 whose last step registers', 'mailchimp', d => (d.method = 'oauth2'), 'method: "oauth2", but the last step\'s submit is "register"'],
  ['apiKey whose last step logs in with OAuth', 'salesforce', d => (d.method = 'apiKey'), 'method: "apiKey", but the last step\'s submit is "oauth": use "oauth2"'],
  ['a way whose method is not what its steps do', 'zendesk', d => (d.ways[1].method = 'oauth2'), 'ways[1].method: "oauth2", but the last step\'s submit is "register"'],
];
for (const [title, base, edit, line] of mismatches) {
  test(`reports a method that does not match the steps: ${title}`, () => {
    const d = structuredClone(seeds[base]);
    edit(d);
    const r = check('check', file(d));
    assert(r.code === 1 && r.out.includes(line), `exit ${r.code}, expected "${line}" in\n${r.out}`);
  });
}

test("reports an id that is not the file's name", () => {
  const path = file(seeds.mailchimp, 'mail-chimp.json');
  const r = check('check', path);
  assert(r.code === 1 && r.out.includes(`${path}: id: "mailchimp" is not the file's name ("mail-chimp.json")`), r.out);
});

test('reports a file that is not JSON, and one that is missing', () => {
  const bad = rawFile('{"schemaVersion": 1,', 'acme.json');
  const r = check('check', bad, join(dir, 'nope.json'));
  assert(r.code === 1, `exit ${r.code}`);
  assert(r.out.includes(`${bad}: (root): not JSON (`), r.out);
  assert(r.out.includes(`${join(dir, 'nope.json')}: (root): no such file`), r.out);
  assert(r.out.includes('2 files checked, 2 problems'), r.out);
});

test('with --files, a relative logo or image must be a file beside the descriptor', () => {
  const path = file(seeds.mailchimp);
  const missing = check('check', '--files', path);
  assert(missing.code === 1 && missing.out.includes(`${path}: logo: "logos/mailchimp.svg" is not a file beside the descriptor`), missing.out);
  assert(missing.out.includes('steps[0].instructions[1].image.src'), missing.out);
  const base = join(path, '..');
  mkdirSync(join(base, 'logos'));
  mkdirSync(join(base, 'images'), { recursive: true });
  writeFileSync(join(base, 'logos', 'mailchimp.svg'), '<svg/>');
  for (const img of seeds.mailchimp.steps[0].instructions.filter(i => i.image).map(i => i.image.src)) {
    mkdirSync(join(base, img, '..'), { recursive: true });
    writeFileSync(join(base, img), '');
  }
  const present = check('check', '--files', path);
  assert(present.code === 0, `exit ${present.code}\n${present.out}`);
});

test('says how to use it, with exit code 2, when asked wrongly', () => {
  for (const args of [[], ['check'], ['lint', 'x.json'], ['check', '--fix', 'x.json']]) {
    const r = check(...args);
    assert(r.code === 2 && r.err.includes('usage: cma-descriptor check'), `${args.join(' ')}: exit ${r.code} ${r.err}`);
  }
});

done();
