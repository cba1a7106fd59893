import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';
import type { MockServers, OAuthBehaviour } from './mocks/server/index.mjs';

/** `npm start` opens the demo: the dev server sends `/` to `/demo/`. */
const demoAtRoot: Plugin = {
  name: 'demo-at-root',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (req.url !== '/') return next();
      res.statusCode = 302;
      res.setHeader('Location', '/demo/');
      res.end();
    });
  },
};

/**
 * `npm start` also starts the mock backend on real origins (mocks/server): the ConnectMyApps API with
 * its OAuth pages on http://localhost:<port>/v1 and the vendors' authorization server on
 * http://127.0.0.2:<port>, so that the OAuth popup runs across three sites as in production.
 * - `GET /__mock-env.json` → `{apiBase, asOrigin}`;
 * - `POST /__mock/scenario` `{scenario?, oauth?: {login, coop, expiresInMs}}` changes what they do.
 * Dev server only: `vite build` does not load it.
 */
function mockBackend(): Plugin {
  return {
    name: 'cma-mock-backend',
    apply: 'serve',
    configureServer(server) {
      const httpServer = server.httpServer;
      if (!httpServer) return; // middleware mode: no address to allow
      let mocks: Promise<MockServers> | undefined;
      httpServer.once('listening', () => {
        const { address, port } = httpServer.address() as AddressInfo;
        const host = address === '0.0.0.0' || address === '::' ? 'localhost' : address.includes(':') ? `[${address}]` : address;
        const hostOrigins = [...new Set([`http://${host}:${port}`, `http://localhost:${port}`, `http://127.0.0.1:${port}`])];
        // loaded at run time (not bundled into the config), and never by `vite build`
        const module = import(pathToFileURL(join(server.config.root, 'mocks/server/index.mjs')).href) as Promise<
          typeof import('./mocks/server/index.mjs')
        >;
        mocks = module.then(m => m.startMockServers({ hostOrigins }));
        mocks.then(
          m => server.config.logger.info(`  mock API: ${m.apiBase}   vendor (OAuth): ${m.asOrigin}`),
          error => server.config.logger.error(`mock backend failed to start: ${error?.stack ?? error}`),
        );
      });
      httpServer.once('close', () => void mocks?.then(m => m.close(), () => undefined));

      const send = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
        res.statusCode = status;
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(body));
      };
      server.middlewares.use('/__mock-env.json', (req, res) => {
        if (!mocks) return send(res, 503, { error: 'mock backend not started' });
        mocks.then(
          m => send(res, 200, { apiBase: m.apiBase, asOrigin: m.asOrigin }),
          () => send(res, 503, { error: 'mock backend failed to start' }),
        );
      });
      server.middlewares.use('/__mock/scenario', (req, res) => {
        if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
        let body = '';
        req.setEncoding('utf8');
        req.on('data', chunk => (body += chunk));
        req.on('end', async () => {
          try {
            const m = await mocks;
            if (!m) return send(res, 503, { error: 'mock backend not started' });
            const { scenario, oauth } = JSON.parse(body || '{}') as { scenario?: string; oauth?: OAuthBehaviour };
            if (scenario !== undefined) m.setScenario(scenario);
            if (oauth !== undefined) m.setOAuth(oauth);
            send(res, 200, { ok: true });
          } catch (error) {
            send(res, 400, { error: String((error as Error)?.message ?? error) });
          }
        });
      });
    },
  };
}

/**
 * Squeezes the whitespace out of the static parts of our `html` and `css` templates when building
 * (the minifier leaves template literals as written: a quarter of the bundle was indentation).
 * TypeScript's parser finds the templates, so `${…}` expressions are never touched. HTML keeps one
 * space where a line break and indentation were, which the browser collapses to anyway (no template
 * of ours has a `<pre>` or `<textarea>` with content); CSS loses comments and the spaces around
 * `{ } ; , >` and after `:` (never before it: `.a :is(b)` is not `.a:is(b)`), the 0 of `0.5em` and
 * `-0.5em`, and the spaces at its ends (our `css` templates have no `${…}`).
 * HTML also loses the quotes of an attribute value of letters, digits, `_` and `-` (`part=status`),
 * which the browser parses the same (not before `/>`: `type=text/>` would make the value `text/`),
 * and the ` /` of `<input />`, which it ignores (no template of ours has SVG, where it counts).
 */
const minifyTemplates: Plugin = {
  name: 'cma-minify-templates',
  apply: 'build',
  transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
    const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
    const edits: [number, number, string][] = [];
    const squeeze = (tag: string, text: string) =>
      tag === 'css'
        ? text
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}')
            .replace(/([\s:(,-])0\./g, '$1.')
            .trim()
        : text.replace(/\s*\n\s*/g, ' ').replace(/="([\w-]+)"(?!\/)/g, '=$1').replace(/ \/>/g, '>');
    /** A static part of a template: its text lies between the opening `` ` ``/`}` and the closing `` ` ``/`${`. */
    const part = (tag: string, node: ts.Node, closer: number) => {
      const start = node.getStart(source) + 1;
      const end = node.end - closer;
      edits.push([start, end, squeeze(tag, code.slice(start, end))]);
    };
    const visit = (node: ts.Node) => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && /^(html|css)$/.test(node.tag.text)) {
        const { template } = node;
        if (ts.isNoSubstitutionTemplateLiteral(template)) part(node.tag.text, template, 1);
        else {
          part(node.tag.text, template.head, 2);
          for (const span of template.templateSpans) part(node.tag.text, span.literal, ts.isTemplateTail(span.literal) ? 1 : 2);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    let out = code;
    for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
    return { code: out, map: null };
  },
};

/**
 * The library builds. `entry` maps each output file's name (less `.js`) to its source; the outputs of
 * one build share their code in that build's chunks.
 */
const entries = {
  // dist/cma-register-app.js: one self-contained module (lit bundled) that defines the tags; the
  // validator's messages are a chunk beside it, loaded when a descriptor is invalid
  element: { entry: { 'cma-register-app': 'src/cma-register-app.ts' }, external: false },
  // dist/index.js (side-effect-free exports) and dist/define.js (defines the tags), lit left to the
  // host's bundler (`vite build --mode index`). One build with two entries: define.js imports the
  // classes from ./index.js, so a host that imports both has one copy, and the class it imports is
  // the one registered for the tag. (`shared`: the code both need goes in index.js, rather than in a
  // third chunk that both would re-export.)
  index: { entry: { index: 'src/index.ts', define: 'src/define.ts' }, external: true, shared: true },
  // dist/oauth-callback.js: the script of the backend's OAuth callback page (`vite build --mode callback`)
  callback: { entry: { 'oauth-callback': 'src/oauth/callback.ts' }, external: false },
  // dist/descriptor-check.js: the descriptor checker's rules, for bin/cma-descriptor.js in Node (`vite build --mode check`)
  check: { entry: { 'descriptor-check': 'src/descriptor/check.ts' }, external: false },
};

export default defineConfig(({ mode }) => {
  const build = entries[mode as keyof typeof entries] ?? entries.element;
  return {
    publicDir: 'public',
    plugins: [demoAtRoot, mockBackend(), minifyTemplates],
    server: { port: 5173 },
    build: {
      target: 'es2022',
      // the first build (the element's) empties dist/; the others add to it
      emptyOutDir: build === entries.element,
      // the library must not ship the MSW worker
      copyPublicDir: false,
      minify: true,
      // the CDN file's map is shipped beside it but not linked from it (27 bytes of its gzip budget;
      // add it in the browser's devtools); the bundler builds link theirs for the host's bundler
      sourcemap: build === entries.element ? 'hidden' : true,
      lib: {
        entry: build.entry,
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: {
        // vite's library default, 'strict', makes index.js a facade of a shared chunk
        preserveEntrySignatures: 'shared' in build ? 'allow-extension' : 'strict',
        external: build.external ? [/^lit($|\/)/, /^@lit\//, /^@floating-ui\//] : [],
        // annotations (/* @__PURE__ */) help a host's bundler shake dist/index.js; the self-contained file has no use for them
        output: { minify: true, comments: build.external },
      },
    },
  };
});
