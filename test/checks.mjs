// The runner of the check scripts that drive Chromium themselves (test/demo.mjs, test/hosts/run.mjs):
// one line per check, then "<label>: N passed, N failed" for test/run-all.mjs to count.

/** A run of checks; `finish()` prints the counts and exits (non-zero on a failure, or when none ran). */
export function checks(label) {
  let passed = 0;
  let failed = 0;
  const started = performance.now();
  const ms = t0 => Math.round(performance.now() - t0);
  return {
    /** Runs one check; true when it passed. */
    async check(name, fn) {
      const t0 = performance.now();
      try {
        await fn();
        passed++;
        console.log(`✓ ${name} (${ms(t0)} ms)`);
        return true;
      } catch (error) {
        failed++;
        console.log(`✗ ${name} (${ms(t0)} ms)\n  ${String(error?.stack ?? error).replace(/\n/g, '\n  ')}`);
        return false;
      }
    },
    /** The run broke outside any check (a server or the browser failed to start). */
    broke(error) {
      failed++;
      console.log(`✗ ${String(error?.stack ?? error)}`);
    },
    finish() {
      if (!passed && !failed) failed++;
      console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
      console.log(`\n${label}: ${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
  };
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
