// esbuild at start-up: the MSW handlers (TypeScript importing JSON, which Node cannot load as is)
// and the OAuth callback page's script (the package's src/oauth/callback.ts, served to browsers).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = join(root, 'node_modules/.cache/cma-mock-server');
const require = createRequire(import.meta.url);

let handlersModule;

/**
 * mocks/handlers.ts, bundled as CommonJS under node_modules/.cache so that `msw` resolves to the same
 * (CommonJS) copy that @mswjs/http-middleware requires: one msw, one `flows` map. Built once per process.
 */
export async function loadHandlers() {
  if (handlersModule) return handlersModule;
  const { outputFiles } = await esbuild.build({
    entryPoints: [join(root, 'mocks/handlers.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = outputFiles[0].text;
  // named by content, written atomically: Vite and the test runner may start at the same time
  const file = join(cacheDir, `handlers.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`);
  if (!existsSync(file)) {
    await mkdir(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, code);
    await rename(tmp, file);
  }
  handlersModule = require(file);
  return handlersModule;
}

/**
 * The callback page's script: an ES module for browsers, rebuilt on each request (a few ms, so edits to
 * the source show up without a restart). Resolves to `undefined` while the source does not exist.
 */
export function callbackScript(entry = join(root, 'src/oauth/callback.ts')) {
  let context;
  return {
    async build() {
      if (!existsSync(entry)) return undefined;
      context ??= await esbuild.context({
        entryPoints: [entry],
        bundle: true,
        platform: 'browser',
        format: 'esm',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      });
      const { outputFiles } = await context.rebuild();
      return outputFiles[0].text;
    },
    async dispose() {
      await context?.dispose();
      context = undefined;
    },
  };
}
