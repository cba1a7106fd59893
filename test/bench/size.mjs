// Prints the gzip size of the element bundle (what a partner site loads) and, with --check,
// fails when it is over budget. Run `npm run build` first.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 24;
const file = 'dist/cma-register-app.js';
let source;
try {
  source = readFileSync(file);
} catch {
  console.error(`${file} is missing: run npm run build first`);
  process.exit(1);
}
const kb = gzipSync(source, { level: 9 }).length / 1024;
const verdict = kb <= BUDGET_KB ? 'within' : 'OVER';
console.log(`${file}: ${(source.length / 1024).toFixed(1)} KB minified, ${kb.toFixed(2)} KB gzip (${verdict} the ${BUDGET_KB} KB budget)`);
if (process.argv.includes('--check') && kb > BUDGET_KB) process.exit(1);
