// The vendor's side of an OAuth flow in Storybook (see stories/mock-vendor.ts). The answer goes to the
// mock API in the Storybook preview, which ends the flow as the vendor's callback would; then this
// page does what the backend's callback page (dist/oauth-callback.js) does: it posts the result to
// the widget's window, to exactly the host's origin, and closes.
const params = new URLSearchParams(location.search);
const flowId = params.get('flow') ?? '';
const origin = params.get('origin') ?? '';
const vendor = params.get('vendor') ?? '';
const results = {
  allow: { status: 'succeeded' },
  deny: { status: 'failed', error: { code: 'access_denied' } },
  fail: { status: 'failed', error: { code: 'provider_error' } },
};

if (vendor) document.getElementById('vendor').textContent = vendor;
const note = document.getElementById('note');

if (!window.opener) {
  // redirect mode, or a page opened by hand: the mock API lived in the page that was left behind
  note.textContent = 'This mock vendor answers only a login window: the mock API lives in the Storybook page that opens it.';
  for (const button of document.querySelectorAll('#answers button')) button.disabled = true;
}

document.getElementById('answers').addEventListener('click', event => {
  const answer = event.target.closest('button')?.value;
  if (!(answer in results)) return;
  const channel = new BroadcastChannel('cma-mock-vendor');
  channel.postMessage({ flowId, vendor, answer });
  channel.close();
  if (origin) window.opener?.postMessage({ type: 'cma:oauth-result', flowId, ...results[answer] }, origin);
  window.close();
});
