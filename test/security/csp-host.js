// ?vendor=…&api=…[&descriptor=<JSON>][&bundle=dist] — a partner's page that records the widget's events in
// window.cmaEvents. The listeners are added before the widget is defined, so no event is missed.
const params = new URLSearchParams(location.search);
const el = document.querySelector('cma-register-app');
window.cmaEvents = [];
for (const type of ['cma-ready', 'cma-step', 'cma-registered', 'cma-error', 'cma-cancel']) {
  el.addEventListener(type, e => window.cmaEvents.push({ type, detail: e.detail }));
}
el.setAttribute('api-base', params.get('api'));
if (params.get('descriptor')) el.descriptor = JSON.parse(params.get('descriptor'));
else el.vendor = params.get('vendor');
// the sources (as the other tests), or the built bundle a partner site loads
await import(params.get('bundle') === 'dist' ? '/dist/cma-register-app.js' : '/src/define.ts');
