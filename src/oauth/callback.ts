/**
 * The script a backend's OAuth callback page includes (`dist/oauth-callback.js`, contract section 5).
 * The page carries the flow's result in `<script type="application/json" id="cma-oauth-result">`:
 * `{flowId, status, connectionId?, error?, targetOrigin, mode, returnTo?}`. In a popup the script
 * posts it to the widget's window, to exactly `targetOrigin` (never "*"), and closes the window.
 * In redirect mode it returns to `returnTo` with the flow id in its URL. Failing both, it asks the
 * user to close the window.
 */
import { FLOW_PARAM, MESSAGE_TYPE } from './protocol.js';

interface CallbackData {
  flowId?: unknown;
  status?: unknown;
  connectionId?: unknown;
  error?: unknown;
  targetOrigin?: unknown;
  mode?: unknown;
  returnTo?: unknown;
}

/** An exact origin (`https://host[:port]`), never "*" or a URL with a path. */
function originOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const { origin } = new URL(value);
    return origin === value ? origin : undefined;
  } catch {
    return undefined;
  }
}

function say(text: string) {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
}

export function finishOAuth(data: CallbackData) {
  const target = originOf(data.targetOrigin);
  const flowId = typeof data.flowId === 'string' ? data.flowId : '';
  const message = {
    type: MESSAGE_TYPE,
    flowId,
    status: data.status,
    ...(data.connectionId !== undefined ? { connectionId: data.connectionId } : {}),
    ...(data.error !== undefined ? { error: data.error } : {}),
  };
  if (data.mode === 'redirect') {
    // only back to the page that started the flow: never an open redirect
    const back = typeof data.returnTo === 'string' && target ? new URL(data.returnTo, location.href) : undefined;
    if (back && back.origin === target) {
      back.searchParams.set(FLOW_PARAM, flowId);
      location.replace(back.href);
      return;
    }
  } else if (target && flowId && window.opener) {
    window.opener.postMessage(message, target);
  }
  // Closes the popup, also when a vendor page with COOP cut the opener link; a tab the user opened stays.
  window.close();
  const nb = /^(nb|nn|no)\b/i.test(document.documentElement.lang || navigator.language);
  say(nb ? 'Du kan lukke dette vinduet og gå tilbake til siden du kom fra.' : 'You can close this window and return to the page you came from.');
}

const element = document.getElementById('cma-oauth-result');
if (element) {
  let data: CallbackData = {};
  try {
    data = JSON.parse(element.textContent ?? '') as CallbackData;
  } catch {
    // nothing to send: the widget's own deadline and flow checks take over
  }
  finishOAuth(data);
}
