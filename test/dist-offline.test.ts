// dist/cma-register-app.js when the validator's messages, a chunk beside it, cannot load (offline,
// or a CDN that serves the one file): an invalid descriptor still ends in descriptor_invalid, each
// path saying "invalid". Its own page: the bundle here defines the tags (run `npm run build` first).
import { expect } from '@open-wc/testing';
import { useScenario } from './helpers/msw.js';

describe('dist/cma-register-app.js without its messages chunk', () => {
  before(async () => {
    await useScenario('ok');
    // from a blob: URL, the bundle's `import("./messages-….js")` resolves to nothing, and fails
    const code = await (await fetch('/dist/cma-register-app.js')).text();
    await import(/* @vite-ignore */ URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  });

  it('lists the invalid paths, and says the rest as ever', async () => {
    const el = document.createElement('cma-register-app') as HTMLElement & { descriptor: unknown };
    el.setAttribute('api-base', 'https://api.example.com/v1');
    const error = new Promise<CustomEvent>(r => el.addEventListener('cma-error', e => r(e as CustomEvent), { once: true }));
    el.descriptor = { schemaVersion: 1, id: 'Acme', name: 'Acme', method: 'apiKey', steps: [] };
    document.body.append(el);
    const { detail } = await error;
    const lead = 'The setup for this app is not valid, so it cannot be shown. Contact support and quote these details:';
    expect(detail).to.include({ code: 'descriptor_invalid', retryable: false, message: `${lead}\nid: invalid\nsteps: invalid` });
    const lines = [...el.shadowRoot!.querySelectorAll('.problems li')].map(li => li.textContent!.trim());
    expect(lines).to.deep.equal(['id: invalid', 'steps: invalid']);
    el.remove();
  });
});
