// The demo host page: MSW answers the ConnectMyApps API in the browser, so `npm start` needs no
// backend. ?vendor=…&scenario=…&lang=… pick what the widget shows; the controls change them.
import { setupWorker } from 'msw/browser';
import { createHandlers, isScenario, scenarios, vendors } from '../mocks/handlers.js';
import '../src/define.js';

const params = new URLSearchParams(location.search);
const scenario = isScenario(params.get('scenario')) ? params.get('scenario')! : 'ok';
const vendor = vendors.includes(params.get('vendor') ?? '') ? params.get('vendor')! : vendors[0];
const lang = params.get('lang') ?? 'en';

const worker = setupWorker(...createHandlers(scenario as keyof typeof scenarios));
await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const widget = $<HTMLElementTagNameMap['cma-register-app']>('widget');
const vendorPicker = $<HTMLSelectElement>('vendor');
const scenarioPicker = $<HTMLSelectElement>('scenario');
const langPicker = $<HTMLSelectElement>('lang');

vendorPicker.append(...vendors.map(v => new Option(v, v, false, v === vendor)));
scenarioPicker.append(
  ...Object.entries(scenarios).map(([id, label]) => new Option(`${id}: ${label}`, id, false, id === scenario)),
);
langPicker.value = lang;

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

function pick() {
  const next = new URLSearchParams({ vendor: vendorPicker.value, scenario: scenarioPicker.value, lang: langPicker.value });
  history.replaceState(null, '', `?${next}`);
  worker.resetHandlers(...createHandlers(scenarioPicker.value as keyof typeof scenarios));
  widget.lang = langPicker.value;
  document.documentElement.lang = langPicker.value;
  if (widget.vendor !== vendorPicker.value) widget.vendor = vendorPicker.value;
  else widget.reset();
}

vendorPicker.addEventListener('change', pick);
scenarioPicker.addEventListener('change', pick);
langPicker.addEventListener('change', pick);
$('reset').addEventListener('click', () => widget.reset());
$('cancel').addEventListener('click', () => widget.cancel());
$('clear').addEventListener('click', () => log.replaceChildren());

widget.lang = lang;
widget.vendor = vendor;
