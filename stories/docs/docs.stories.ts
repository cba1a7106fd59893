import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { ERROR_CODES } from '../../src/errors.js';
import { submitMailChimpKey } from '../vendors/user-input.js';
import { waitForConnected } from '../play.js';
import { elementIn } from './manifest.js';
import { code, md, page } from './page.js';

/**
 * For people who embed the widget: how to put it on a page and what it tells the page. Each element's
 * reference is its autodocs page (Register app › Docs, Field › Docs), generated from
 * custom-elements.json (the JSDoc in src/). The guides say what the README says, shorter; the README
 * and the contract (docs) are the authority.
 */
const meta = {
  title: 'Docs',
  parameters: { layout: 'fullscreen', controls: { disable: true }, actions: { disable: true } },
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const Embedding: Story = {
  render: () =>
    page(
      'Embedding',
      html`<p>
          <code>&lt;cma-register-app&gt;</code> is one custom element: it loads a vendor's descriptor from your
          ConnectMyApps API, walks the user through connecting the app, and tells your page the outcome as DOM
          events (see <a href="?path=/story/docs--events" target="_top">Events</a>).
        </p>
        <h2>A plain page (script tag)</h2>
        <p>Load the self-contained module (Lit included) and serve the whole <code>dist/</code> folder beside it: Norwegian is loaded from there when a page needs it.</p>
        ${code(`
<script type="module" src="https://cdn.example.com/@connectmyapps/register-app/dist/cma-register-app.js"></script>

<cma-register-app vendor="mailchimp" api-base="https://api.example.com/v1"></cma-register-app>

<script type="module">
  const widget = document.querySelector('cma-register-app');
  widget.addEventListener('cma-registered', event => {
    // Verify event.detail.connectionId on your server: any script on the page can forge DOM events.
    console.log('Connected', event.detail.connectionId);
  });
  // a short-lived token your backend mints for this user
  widget.sessionToken = (await (await fetch('/session', { method: 'POST' })).json()).token;
</script>`)}
        <h2>With a bundler (npm)</h2>
        ${code(`
npm install @connectmyapps/register-app`)}
        ${code(`
import '@connectmyapps/register-app/define'; // defines <cma-register-app> and <cma-field>, once
import type { CmaRegisteredEvent } from '@connectmyapps/register-app'; // classes and types, no side effects`)}
        <p>
          Import <code>define</code> once, before the first element is created; do not also load
          <code>cma-register-app.js</code> (a second copy, with its own Lit). Both entries declare the tag in
          <code>HTMLElementTagNameMap</code> and the events in <code>GlobalEventHandlersEventMap</code>.
        </p>
        <h2>Attributes and properties</h2>
        <table>
          <thead><tr><th scope="col">Attribute / property</th><th scope="col">Meaning</th></tr></thead>
          <tbody>
            ${elementIn('cma-register-app')
              .members!.filter(m => m.kind === 'field' && m.privacy === 'public' && !m.static)
              .map(m => html`<tr><td><code>${m.attribute ?? m.name}</code>${m.attribute && m.attribute !== m.name ? html` / <code>${m.name}</code>` : ''}</td><td>${md(m.description)}</td></tr>`)}
            <tr><td><code>lang</code></td><td>${md(elementIn('cma-register-app').attributes!.find(a => a.name === 'lang')!.description)}</td></tr>
          </tbody>
        </table>
        <p>
          <code>api-base</code> must be <code>https:</code> (or <code>http:</code> on <code>localhost</code>/<code>127.0.0.1</code>
          for development); without a valid one the widget shows an error and sends nothing. Methods: <code>reset()</code>
          starts over with a new attempt; <code>cancel()</code> ends the flow in progress and fires <code>cma-cancel</code>;
          <code>focus()</code> moves focus to the first field. Every attribute, property, event, part and custom property:
          <a href="?path=/docs/register-app--docs" target="_top">the element's reference</a>.
        </p>
        <h2>React</h2>
        <p>
          React 19 sets a prop as a property when the element has one and adds <code>oncma-registered</code> as a listener of
          <code>cma-registered</code>. <code>import type {} from '@connectmyapps/register-app/react'</code> types the tag and
          its <code>oncma-*</code> props. React 18 hears no custom event: use a <code>ref</code> and <code>addEventListener</code>.
        </p>
        ${code(`
<cma-register-app
  vendor="mailchimp"
  apiBase="https://api.example.com/v1"
  sessionToken={sessionToken}
  oncma-registered={event => setConnectionId(event.detail.connectionId)}
/>`)}
        <h2>Vue</h2>
        <p>
          Tell Vue that <code>cma-*</code> tags are custom elements; bind the token as a property and listen with
          <code>@cma-registered</code>. <code>import type {} from '@connectmyapps/register-app/vue'</code> types the tag for vue-tsc.
        </p>
        ${code(`
// vite.config.ts
vue({ template: { compilerOptions: { isCustomElement: tag => tag.startsWith('cma-') } } })

<!-- a template -->
<cma-register-app vendor="mailchimp" api-base="https://api.example.com/v1"
  .sessionToken="sessionToken" @cma-registered="connectionId = $event.detail.connectionId" />`)}
        <h2>The OAuth callback page</h2>
        <p>
          For vendors that log in with OAuth, the backend finishes the code exchange itself, then shows a page that includes
          <code>dist/oauth-callback.js</code>. It posts the result to the widget's window, to exactly the host page's origin,
          and closes the popup (in <code>mode="redirect"</code>, it returns to <code>returnTo</code>). The widget then confirms
          with <code>GET /flows/{id}</code> before it fires <code>cma-registered</code>.
        </p>
        ${code(`
<!doctype html>
<meta charset="utf-8">
<title>Connecting…</title>
<script type="application/json" id="cma-oauth-result">
  {"flowId": "flow_8c1…", "status": "succeeded", "connectionId": "conn_…",
   "targetOrigin": "https://partner.example.com", "mode": "popup"}
</script>
<script type="module" src="https://cdn.example.com/@connectmyapps/register-app/dist/oauth-callback.js"></script>`)}
        <p>
          Serve it with <code>Cache-Control: no-store</code>, <code>Referrer-Policy: no-referrer</code> and a CSP that allows
          only that script. A host page that opens the popup should send <code>Cross-Origin-Opener-Policy: same-origin-allow-popups</code>
          (or no COOP). The README's OAuth and Security sections have the whole protocol and the CSP a host page needs.
        </p>`,
    ),
  play: async ({ canvasElement }) => {
    // every attribute the element observes is explained here
    const names = [...canvasElement.querySelectorAll('tbody td:first-child')].map(td => td.textContent!);
    for (const a of elementIn('cma-register-app').attributes!.filter(a => a.name !== 'session-token')) {
      await expect(names.some(n => n.startsWith(a.name))).toBe(true);
    }
  },
};

/** Each event, its detail and a snippet; the table of error codes comes from the code (src/errors.ts). */
const events = [
  {
    name: 'cma-ready',
    detail: `{ vendor: string; attemptId: string;
  method: 'apiKey' | 'credentials' | 'oauth2' | 'grant';
  steps: string[] }            // step ids, in order`,
    snippet: `widget.addEventListener('cma-ready', e => analytics.track('connect-shown', { vendor: e.detail.vendor }));`,
  },
  {
    name: 'cma-step',
    detail: `{ vendor: string; attemptId: string;
  step: string;                // the step now shown
  index: number;
  previous: string | null }    // null for an attempt's first step`,
    snippet: `widget.addEventListener('cma-step', e => progress.value = e.detail.index);`,
  },
  {
    name: 'cma-registered',
    detail: `{ vendor: string; attemptId: string;
  method: 'apiKey' | 'credentials' | 'oauth2' | 'grant';   // with several ways, the way used
  connectionId: string;
  displayName?: string }`,
    snippet: `widget.addEventListener('cma-registered', async e => {
  // verify on your server: any script on the page can forge DOM events
  await fetch('/connections', { method: 'POST', body: JSON.stringify({ id: e.detail.connectionId }) });
});`,
  },
  {
    name: 'cma-error',
    detail: `{ vendor: string; attemptId: string;
  code: string;                // one of the codes below; treat others as 'unknown_error'
  message: string;             // what the user was shown
  retryable: boolean;
  step?: string;
  fields?: string[] }          // field names, never values`,
    snippet: `widget.addEventListener('cma-error', e => {
  if (!e.detail.retryable) reportToSupport(e.detail.code, e.detail.message);
});`,
  },
  {
    name: 'cma-cancel',
    detail: `{ vendor: string; attemptId: string;
  step: string;                // the step the user gave up on
  reason: 'user' | 'popup_closed' }`,
    snippet: `widget.addEventListener('cma-cancel', () => dialog.close());`,
  },
];

export const Events: Story = {
  render: (_, { globals }) => {
    const documented = elementIn('cma-register-app').events ?? [];
    return page(
      'Events',
      html`<p>
          Every event is a <code>CustomEvent</code> that bubbles and is composed (it crosses shadow roots). Its
          <code>detail</code> is plain JSON, carries <code>vendor</code> and <code>attemptId</code> (a random id per attempt,
          new after <code>reset()</code> or a vendor change, to tie one attempt's events together), and never contains a
          secret. The types are exported (<code>CmaRegisteredEvent</code>, …) and declared in
          <code>GlobalEventHandlersEventMap</code>, so <code>e.detail.connectionId</code> type-checks. Every story's Actions
          panel shows the events as they fire.
        </p>
        ${events.map(
          e => html`<h2 id=${e.name}><code>${e.name}</code></h2>
            <p>${md(documented.find(d => d.name === e.name)?.description)}</p>
            ${code(e.detail)} ${code(e.snippet)}`,
        )}
        <h2>Error codes</h2>
        <p>${ERROR_CODES.map((c, i) => html`${i ? ', ' : ''}<code>${c}</code>`)}.</p>
        <p>
          Not retryable: <code>descriptor_not_found</code>, <code>descriptor_invalid</code>, <code>session_expired</code>,
          <code>origin_not_allowed</code>. The README's Events section says when each is fired.
        </p>
        <h2>Try it</h2>
        <p>The widget below fires its events into this log (the mock API accepts any MailChimp-style key).</p>
        <cma-register-app
          vendor="mailchimp"
          api-base="https://api.example.com/v1"
          lang=${globals.locale || 'en'}
          @cma-ready=${log}
          @cma-step=${log}
          @cma-registered=${log}
          @cma-error=${log}
          @cma-cancel=${log}
        ></cma-register-app>
        <h3 id="log-title">Events fired</h3>
        <ol id="event-log" aria-labelledby="log-title" aria-live="polite"></ol>`,
    );
  },
  play: async ({ canvasElement }) => {
    // the page covers every event the manifest lists, and the widget fires them as described
    const documented = (elementIn('cma-register-app').events ?? []).map(e => e.name);
    await expect(documented.sort()).toEqual(events.map(e => e.name).sort());
    const el = await submitMailChimpKey(canvasElement);
    await waitForConnected(el);
    const logged = [...canvasElement.querySelectorAll('#event-log li')].map(li => li.textContent!.split(' ')[0]);
    await expect(logged).toEqual(['cma-ready', 'cma-step', 'cma-registered']);
  },
};

/** Appends an event, with its detail, to the log under the widget. */
function log(e: CustomEvent) {
  const item = document.createElement('li');
  item.append(Object.assign(document.createElement('code'), { textContent: `${e.type} ${JSON.stringify(e.detail)}` }));
  (e.currentTarget as HTMLElement).closest('article')!.querySelector('#event-log')!.append(item);
}
