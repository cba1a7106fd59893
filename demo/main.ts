// The demo host page. Under `npm start` the dev server runs the mock backend on real origins (the
// MSW handlers served from Node, plus a real OAuth authorization server for the OAuth vendors), and
// this page points the widget at it. Served any other way, it falls back to MSW in the browser
// (everything but OAuth works then). ?vendor=…&scenario=…&login=…&lang=… pick what the widget shows.
import { setupWorker } from 'msw/browser';
import { createHandlers, descriptors, isScenario, scenarios, vendors, type Scenario } from '../mocks/handlers.js';
import '../src/define.js';

/** How the vendor's login behaves (the mock authorization server). */
const logins = {
  form: 'The vendor’s login and consent pages (any name and password)',
  auto: 'The user is already logged in and consents at once',
  deny: 'The user refuses access',
  error: 'The vendor fails',
  coop: 'The vendor’s page cuts the link to this page (COOP), the login succeeds',
  short: 'The flow expires after 20 s',
} as const;
type Login = keyof typeof logins;

const params = new URLSearchParams(location.search);
const scenario: Scenario = isScenario(params.get('scenario')) ? (params.get('scenario') as Scenario) : 'ok';
const vendor = vendors.includes(params.get('vendor') ?? '') ? params.get('vendor')! : vendors[0];
const login: Login = (params.get('login') ?? '') in logins ? (params.get('login') as Login) : 'form';
const lang = params.get('lang') ?? 'en';
const mode = params.get('mode') === 'redirect' ? 'redirect' : 'popup';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const widget = $<HTMLElementTagNameMap['cma-register-app']>('widget');
const vendorPicker = $<HTMLSelectElement>('vendor');
const scenarioPicker = $<HTMLSelectElement>('scenario');
const loginPicker = $<HTMLSelectElement>('login');
const langPicker = $<HTMLSelectElement>('lang');
const modePicker = $<HTMLSelectElement>('mode');

/** The mock backend of the dev server, if this page runs under it. */
async function mockBackend(): Promise<{ apiBase: string } | undefined> {
  try {
    const answer = await fetch('/__mock-env.json');
    return answer.ok ? ((await answer.json()) as { apiBase: string }) : undefined;
  } catch {
    return undefined;
  }
}

const backend = await mockBackend();
const worker = backend ? undefined : setupWorker(...createHandlers(scenario));
await worker?.start({ quiet: true, onUnhandledRequest: 'bypass' });
if (backend) widget.setAttribute('api-base', backend.apiBase);

/** Tells the mock what to do: in Node through the dev server, else the in-browser handlers. */
async function configure(scenario: Scenario, login: Login) {
  if (!worker) {
    const oauth = {
      login: login === 'coop' ? 'auto' : login === 'short' ? 'form' : login,
      coop: login === 'coop',
      expiresInMs: login === 'short' ? 20_000 : 10 * 60_000,
    };
    await fetch('/__mock/scenario', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scenario, oauth }) });
  } else {
    worker.resetHandlers(...createHandlers(scenario));
  }
}

const displayName = (id: string) => {
  const name = (descriptors[id] as { name?: string | Record<string, string> }).name;
  return typeof name === 'string' ? name : (name?.en ?? id);
};
vendorPicker.append(...vendors.map(v => new Option(displayName(v), v, false, v === vendor)));
scenarioPicker.append(
  ...Object.entries(scenarios).map(([id, label]) => new Option(`${id}: ${label}`, id, false, id === scenario)),
);
loginPicker.append(...Object.entries(logins).map(([id, label]) => new Option(label, id, false, id === login)));
loginPicker.disabled = !backend;
langPicker.value = lang;
modePicker.value = mode;

const log = $<HTMLOListElement>('events');
for (const type of ['cma-ready', 'cma-step', 'cma-registered', 'cma-error', 'cma-cancel'] as const) {
  widget.addEventListener(type, event => {
    const item = document.createElement('li');
    item.className = type;
    const name = document.createElement('strong');
    name.textContent = `${new Date().toLocaleTimeString()} ${type}`;
    const detail = document.createElement('pre');
    detail.textContent = JSON.stringify(event.detail, null, 2);
    item.append(name, detail);
    log.prepend(item);
  });
}

async function pick() {
  const next = new URLSearchParams({
    vendor: vendorPicker.value,
    scenario: scenarioPicker.value,
    login: loginPicker.value,
    mode: modePicker.value,
    lang: langPicker.value,
  });
  history.replaceState(null, '', `?${next}`);
  await configure(scenarioPicker.value as Scenario, loginPicker.value as Login);
  widget.lang = langPicker.value;
  widget.mode = modePicker.value as 'popup' | 'redirect';
  document.documentElement.lang = langPicker.value;
  if (widget.descriptor !== undefined) widget.descriptor = undefined; // back from a file of the author's
  if (widget.vendor !== vendorPicker.value) widget.vendor = vendorPicker.value;
  else widget.reset();
}

/** An author's own descriptor, from a file: shown inline against the mock API, which answers any vendor. Pick it again after each edit. */
const filePicker = $<HTMLInputElement>('file');
filePicker.addEventListener('change', async () => {
  const file = filePicker.files?.[0];
  if (!file) return;
  const text = await file.text();
  filePicker.value = ''; // so that picking the same file again, edited, loads it again
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const item = document.createElement('li');
    item.className = 'cma-error';
    item.textContent = `${file.name} is not JSON: ${(e as Error).message}`;
    log.prepend(item);
    return;
  }
  widget.vendor = ''; // the calls then name the descriptor's own id
  widget.descriptor = json;
});

for (const picker of [vendorPicker, scenarioPicker, loginPicker, modePicker, langPicker]) picker.addEventListener('change', pick);
$('reset').addEventListener('click', () => widget.reset());
$('cancel').addEventListener('click', () => widget.cancel());
$('clear').addEventListener('click', () => log.replaceChildren());

await configure(scenario, login);
widget.lang = lang;
widget.mode = mode;
widget.vendor = vendor;
