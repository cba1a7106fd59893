// dist/define.js as a bundler host loads it beside dist/index.js (run `npm run build` first): its own
// page, since no other test file may have defined the tags before it runs.
import { expect } from '@open-wc/testing';

const load = (path: string) => import(/* @vite-ignore */ path).catch(() => {
  throw new Error(`${path} did not load: run npm run build first`);
});

/** The modules a built file imports before it runs (static imports), as written in it. */
const staticImports = async (path: string) => {
  const code = await (await fetch(path)).text();
  return [...code.matchAll(/(?:^|[;}])\s*(?:import|export)\s*(?:[^"'`()]*?from\s*)?["'`]([^"'`]+)["'`]/g)].map(m => m[1]);
};

describe('dist/define.js', () => {
  it('imports the classes from ./index.js, with lit left to the host', async () => {
    expect(await staticImports('/dist/define.js')).to.deep.equal(['./index.js']);
    // `lit` on disk: the test server serves bare imports rewritten to the files they resolve to
    const index = await staticImports('/dist/index.js');
    expect(index.length).to.be.above(0);
    for (const specifier of index) expect(specifier).to.match(/\/node_modules\/(lit|lit-html|lit-element|@lit\/[\w-]+)\//);
  });

  it('registers the very classes dist/index.js exports, and only when imported', async () => {
    const index = await load('/dist/index.js');
    expect(customElements.get('cma-register-app')).to.equal(undefined);
    const define = await load('/dist/define.js');
    expect(customElements.get('cma-register-app')).to.equal(index.CmaRegisterApp);
    expect(customElements.get('cma-field')).to.equal(index.CmaField);
    expect(define.CmaRegisterApp).to.equal(index.CmaRegisterApp);
    expect(define.CmaRegisteredEvent).to.equal(index.CmaRegisteredEvent);
    expect(document.createElement('cma-register-app')).to.be.instanceOf(index.CmaRegisterApp);
  });
});
