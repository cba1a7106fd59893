// The demo host page. Under `npm start` the dev server runs the mock backend on real origins (the
// MSW handlers served from Node, plus a real OAuth authorization server for the OAuth vendors), and
// this page points the widget at it. Served any other way, it falls back to MSW in the browser
// (everything but OAuth works then). ?vendor=…&scenario=…&login=…&mode=…&lang=…&theme=…&dialog=1 pick
// what the widget shows; the page around it plays the partner's site (index.html).
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
const themes = ['light', 'dark', 'system'] as const;
type Theme = (typeof themes)[number];
const theme: Theme = themes.find(t => t === params.get('theme')) ?? 'system';
const inDialog = params.get('dialog') === '1';
/** Back from the vendor in redirect mode: the widget finishes the flow (and takes these out of the URL). */
const returning = params.has('cma_flow');

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const widget = $<HTMLElementTagNameMap['cma-register-app']>('widget');
const vendorPicker = $<HTMLSelectElement>('vendor');
const scenarioPicker = $<HTMLSelectElement>('scenario');
const loginPicker = $<HTMLSelectElement>('login');
const langPicker = $<HTMLSelectElement>('lang');
const modePicker = $<HTMLSelectElement>('mode');
const dialogPicker = $<HTMLInputElement>('dialog-mode');
const themePickers = [...document.querySelectorAll<HTMLInputElement>('input[name="theme"]')];

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
dialogPicker.checked = inDialog;
for (const picker of themePickers) picker.checked = picker.value === theme;

const log = $<HTMLOListElement>('events');
/** One entry of the demo's event log: a title and, when there is one, its detail as JSON. */
function record(kind: string, title: string, detail?: unknown) {
  const item = document.createElement('li');
  item.className = kind;
  const name = document.createElement('strong');
  name.textContent = `${new Date().toLocaleTimeString()} ${title}`;
  item.append(name);
  if (detail !== undefined) {
    const pre = document.createElement('pre');
    pre.textContent = JSON.stringify(detail, null, 2);
    item.append(pre);
  }
  log.prepend(item);
}
for (const type of ['cma-ready', 'cma-step', 'cma-registered', 'cma-error', 'cma-cancel'] as const) {
  widget.addEventListener(type, event => record(type, type, event.detail));
}

/** The query string says what the controls show, so that a reload or a shared link shows the same. */
function remember() {
  const next = new URLSearchParams({
    vendor: vendorPicker.value,
    scenario: scenarioPicker.value,
    login: loginPicker.value,
    mode: modePicker.value,
    lang: langPicker.value,
  });
  const theme = themePickers.find(p => p.checked)?.value ?? 'system';
  if (theme !== 'system') next.set('theme', theme);
  if (dialogPicker.checked) next.set('dialog', '1');
  history.replaceState(null, '', `?${next}`);
}

async function pick() {
  remember();
  await configure(scenarioPicker.value as Scenario, loginPicker.value as Login);
  widget.lang = langPicker.value;
  widget.mode = modePicker.value as 'popup' | 'redirect';
  document.documentElement.lang = langPicker.value;
  if (widget.descriptor !== undefined) widget.descriptor = undefined; // back from a file of the author's
  if (widget.vendor !== vendorPicker.value) widget.vendor = vendorPicker.value;
  else widget.reset();
  nameVendor();
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
    record('cma-error', `${file.name} is not JSON: ${(e as Error).message}`);
    return;
  }
  widget.vendor = ''; // the calls then name the descriptor's own id
  widget.descriptor = json;
  nameVendor();
});

for (const picker of [vendorPicker, scenarioPicker, loginPicker, modePicker, langPicker]) picker.addEventListener('change', pick);
$('reset').addEventListener('click', () => widget.reset());
$('cancel').addEventListener('click', () => widget.cancel());
$('clear').addEventListener('click', () => log.replaceChildren());

// ——— Theme: the page and the widget together (color-scheme on <html>, and on the element in demo.css) ———
function applyTheme(theme: string) {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
for (const picker of themePickers) {
  picker.addEventListener('change', () => {
    applyTheme(picker.value);
    remember();
  });
}
applyTheme(theme);

// ——— The partner's site: its menu on narrow screens ———
const site = document.querySelector<HTMLElement>('.site')!;
const menuToggle = $<HTMLButtonElement>('menu-toggle');
function showMenu(open: boolean) {
  site.dataset.menu = open ? 'open' : 'closed';
  menuToggle.setAttribute('aria-expanded', String(open));
}
menuToggle.hidden = false; // without script the nav just wraps
showMenu(false);
menuToggle.addEventListener('click', () => showMenu(site.dataset.menu !== 'open'));
site.addEventListener('keydown', event => {
  if (event.key !== 'Escape' || site.dataset.menu !== 'open') return;
  showMenu(false);
  menuToggle.focus();
});
// on a small screen the demo's controls start folded, so that the partner's page shows first
if (matchMedia('(max-width: 47.99rem)').matches) $<HTMLDetailsElement>('demo-panel').open = false;

// ——— The partner's site: what it does once an app is connected ———
const connectedList = $<HTMLUListElement>('connected');
const nextStep = $<HTMLParagraphElement>('next');

/** The vendor's name, from the descriptor shown (the mock's, or an author's own file). */
function vendorName(): string {
  const descriptor = (widget.descriptor ?? descriptors[widget.vendor]) as { name?: string | Record<string, string> } | undefined;
  const name = descriptor?.name;
  return typeof name === 'string' ? name : (name?.[langPicker.value] ?? name?.en ?? widget.vendor ?? 'the app');
}
let registered: { vendor: string; name: string } | undefined;
let finished = false; // the attempt ended (registered or given up): opening the dialog again starts over
widget.addEventListener('cma-ready', () => (finished = false));
widget.addEventListener('cma-cancel', () => (finished = true));
widget.addEventListener('cma-registered', event => {
  finished = true;
  registered = { vendor: event.detail.vendor, name: vendorName() };
  // inline, the page goes on at once; in a dialog, once the user closes it (Done, the page hears `close`)
  if (!dialog.contains(widget)) welcome();
});

/** What a partner does next: list the app, say what happens now. */
function welcome() {
  if (!registered) return;
  const { name } = registered;
  const item = document.createElement('li');
  const app = document.createElement('span');
  app.className = 'app-name';
  app.textContent = name;
  const badge = document.createElement('span');
  badge.className = 'badge new';
  badge.textContent = 'Connected just now';
  item.append(app, ' ', badge);
  connectedList.append(item);
  nextStep.textContent = `${name} is connected. Nordlys is importing your data from ${name}; this takes a few minutes.`;
  registered = undefined;
}

// ——— The partner's site: connecting in a dialog ———
const dialog = $<HTMLDialogElement>('connect-dialog');
const section = $<HTMLElement>('connect');
const launcher = $<HTMLDivElement>('launcher');
const openButton = $<HTMLButtonElement>('open-dialog');

function nameVendor() {
  const name = vendorName();
  $('launcher-vendor').textContent = name;
  openButton.textContent = `Connect ${name}`;
  $('dialog-title').textContent = `Connect ${name} to Nordlys`;
}
widget.addEventListener('cma-ready', nameVendor);

/** Inline in the page, or behind a button in a dialog. Moving the element starts a new attempt. */
function placeWidget(inDialog: boolean) {
  if (inDialog === dialog.contains(widget)) return;
  if (inDialog) dialog.append(widget);
  else {
    if (dialog.open) dialog.close();
    section.prepend(widget);
  }
  launcher.hidden = !inDialog;
}
dialogPicker.addEventListener('change', () => {
  placeWidget(dialogPicker.checked);
  remember();
});
/** Focus on the first field, rather than on the dialog's close button; once the step shows, if it has not yet. */
const focusWidget = () => widget.focus();
openButton.addEventListener('click', () => {
  nextStep.textContent = '';
  widget.addEventListener('cma-ready', focusWidget, { once: true });
  if (finished) widget.reset(); // a new attempt after one that ended
  dialog.showModal();
  widget.focus();
});
// Done on the success screen closes the dialog, as do Escape and the close button: the page hears `close`
dialog.addEventListener('close', () => {
  widget.removeEventListener('cma-ready', focusWidget);
  record('page', 'dialog close (the partner’s page)');
  if (registered) welcome();
  else {
    widget.cancel(); // closed before the end: give up the flow in progress (nothing happens when none is open)
    nextStep.textContent = `${vendorName()} is not connected. You can connect it at any time.`;
  }
});

placeWidget(inDialog);
await configure(scenario, login);
widget.lang = lang;
widget.mode = mode;
widget.vendor = vendor;
nameVendor();
// the user left for the vendor from the dialog: show them how it ended where they started it
if (returning && inDialog) dialog.showModal();
