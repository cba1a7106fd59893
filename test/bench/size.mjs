// Prints the gzip size of what a partner site loads (the element bundle) and of the script the
// backend's OAuth callback page loads; with --check, fails when either is over its budget.
// Run `npm run build` first.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budgets = [
  { file: 'dist/cma-register-app.js', kb: 24 },
  { file: 'dist/oauth-callback.js', kb: 2 },
];

let over = false;
for (const { file, kb: budget } of budgets) {
  let source;
  try {
    source = readFileSync(file);
  } catch {
    console.error(`${file} is missing: run npm run build first`);
    process.exit(1);
  }
  const kb = gzipSync(source, { level: 9 }).length / 1024;
  over ||= kb > budget;
  const verdict = kb <= budget ? 'within' : 'OVER';
  console.log(`${file}: ${(source.length / 1024).toFixed(1)} KB minified, ${kb.toFixed(2)} KB gzip (${verdict} the ${budget} KB budget)`);
}
if (process.argv.includes('--check') && over) process.exit(1);
