// `npm run fuzz -- [--count N] [--seed S] [--case N]`: runs test/security/fuzz.test.ts alone
// with N cases from seed S (default: the CI setting in the test, seed 1 and its count).
//   --case N   replays only case N of seed S (as a failure message says)
// The numbers reach the browser through the 'fuzz-config' server command of fuzz-plugin.mjs
// (environment variables FUZZ_COUNT, FUZZ_SEED, FUZZ_CASE).
import { parseArgs } from 'node:util';
import { startTestRunner } from '@web/test-runner';
import config from '../../web-test-runner.config.mjs';
import { fuzzPlugin } from './fuzz-plugin.mjs';

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    seed: { type: 'string' },
    case: { type: 'string' },
  },
});

for (const [option, env] of [['count', 'FUZZ_COUNT'], ['seed', 'FUZZ_SEED'], ['case', 'FUZZ_CASE']]) {
  const raw = values[option];
  if (raw === undefined) continue;
  if (!/^\d+$/.test(raw)) {
    console.error(`--${option} takes a whole number ≥ 0, not ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  process.env[env] = raw;
}

const count = Number(values.count ?? 1000);
const plugins = config.plugins.some(p => p.name === 'cma-fuzz') ? config.plugins : [...config.plugins, fuzzPlugin()];

await startTestRunner({
  readCliArgs: false,
  readFileConfig: false,
  config: {
    ...config,
    plugins,
    files: ['test/security/fuzz.test.ts'],
    // the default (2 min) is too short for a long run: allow about half a second a case
    testsFinishTimeout: Math.max(120_000, count * 500),
  },
});
