// A wtr plugin that hands the fuzz test its settings (test/security/fuzz.test.ts):
// the 'fuzz-config' server command answers {seed, count, only?} from FUZZ_SEED, FUZZ_COUNT
// and FUZZ_CASE (set by `npm run fuzz`, test/security/fuzz-run.mjs), or undefined when
// none is set, so that the test runs its CI default.
const int = name => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, got ${JSON.stringify(raw)}`);
  return n;
};

export function fuzzPlugin() {
  return {
    name: 'cma-fuzz',
    executeCommand({ command }) {
      if (command !== 'fuzz-config') return undefined;
      const settings = { seed: int('FUZZ_SEED'), count: int('FUZZ_COUNT'), only: int('FUZZ_CASE') };
      for (const key of Object.keys(settings)) if (settings[key] === undefined) delete settings[key];
      // executeCommand must not answer undefined for a command it handles
      return settings;
    },
  };
}
