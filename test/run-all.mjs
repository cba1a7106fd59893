// `npm test`: every check the project makes, one after another, then one closing line
// "N passed, N failed" for the whole run (CI reads it). Runners that count tests report their
// counts; a step that is one check (type check, build, size budget) counts as one.
import { spawn } from 'node:child_process';

const steps = [
  { name: 'type check', cmd: 'npx tsc -p .' },
  // the build comes first: test/dist.test.ts loads what it wrote
  { name: 'build', cmd: 'npm run build --silent' },
  { name: 'size budget', cmd: 'node test/bench/size.mjs --check' },
  { name: 'package lint', cmd: 'npm run lint:package --silent' },
  { name: 'browser tests', cmd: 'npx web-test-runner', counts: /^wtr: (\d+) passed, (\d+) failed/m },
  // the packed tarball in a plain page, a React app and a Vue app
  { name: 'host pages', cmd: 'node test/hosts/run.mjs', counts: /^hosts: (\d+) passed, (\d+) failed/m },
  // the demo page under vite's dev server, as `npm start` serves it: widths, axe, the dialog
  { name: 'demo page', cmd: 'node test/demo.mjs', counts: /^demo: (\d+) passed, (\d+) failed/m },
  { name: 'schema', cmd: 'node test/descriptor/schema.check.mjs', counts: /^schema: (\d+) passed, (\d+) failed/m },
  { name: 'descriptor checker', cmd: 'node test/descriptor/checker.check.mjs', counts: /^checker: (\d+) passed, (\d+) failed/m },
  { name: 'storybook build', cmd: 'npm run build-storybook --silent' },
  { name: 'storybook stories', cmd: 'node test/storybook-smoke.mjs storybook-static', counts: /^storybook-smoke: (\d+) passed, (\d+) failed/m },
];

function run(cmd) {
  return new Promise(resolve => {
    const child = spawn(cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const tee = stream => chunk => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', code => resolve({ code, output }));
  });
}

let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.cmd}`);
  const { code, output } = await run(step.cmd);
  const match = step.counts?.exec(output);
  let p = match ? Number(match[1]) : code === 0 ? 1 : 0;
  let f = match ? Number(match[2]) : code === 0 ? 0 : 1;
  // a runner that exits non-zero without counting a failure still failed
  if (code !== 0 && f === 0) f = 1;
  if (match && p + f === 0) f = 1;
  passed += p;
  failed += f;
  summary.push(`${f ? '✗' : '✓'} ${step.name}: ${p} passed, ${f} failed`);
}
console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
