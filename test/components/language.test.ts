import { expect, fixture, html } from '@open-wc/testing';
import { useScenario, worker } from '../helpers/msw.js';
import { API, button, input, mount, next, paste, press, q, text, until } from '../helpers/widget.js';
import type { CmaRegisterApp } from '../../src/index.js';
import { en } from '../../src/i18n/en.js';
import { nb } from '../../src/i18n/nb.js';
import { translations, type Translation } from '../../src/index.js';

const KEY = 'fedcba9876543210fedcba9876543210-us7';

/** A widget for `vendor` placed inside `holder`; resolves once it is ready. */
async function mountIn(holder: Element | ShadowRoot, vendor = 'mailchimp') {
  const el = document.createElement('cma-register-app');
  el.setAttribute('api-base', API);
  el.vendor = vendor;
  const ready = next(el, 'cma-ready');
  holder.append(el);
  await ready;
  await el.updateComplete;
  return el;
}

/** What the functions are called with: words and a number, else what the key takes (labels, a clock). */
const SAMPLES: Record<string, unknown[]> = {
  invalidInput: [['Acme', 'Beta']],
  'grant.timeLeft': [(lang: string) => `9:59 (${lang})`],
};

/** Every string of a translation, by key path, with functions called on sample values. */
function strings(t: object, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(t)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === 'string') out.set(at, value);
    else if (typeof value === 'function') out.set(at, String(value(...(SAMPLES[at] ?? ['Acme', 3]))));
    else for (const [k, v] of strings(value, at)) out.set(k, v);
  }
  return out;
}

describe('the translations', () => {
  it('write numbers and lists in their own language, through Intl', () => {
    expect(en.field.maxLength('Note', 10000)).to.equal('Note must be at most 10,000 characters.');
    expect(en.field.minLength('PIN', 1)).to.equal('PIN must be at least 1 character.');
    expect(nb.field.maxLength('Notat', 10000)).to.equal('Notat kan være høyst 10\u00a0000 tegn.');
    expect(en.invalidInput(['Username'])).to.equal('Username needs your attention.');
    expect(en.invalidInput(['API key', 'Username', 'Password'])).to.equal('API key, Username, and Password need your attention.');
    expect(nb.invalidInput(['API-nøkkel', 'Brukernavn', 'Passord'])).to.equal('API-nøkkel, Brukernavn og Passord må rettes.');
  });
});

describe('the Norwegian translation', () => {
  it('has every English string, each in Norwegian (none left in English)', () => {
    const english = strings(en);
    const norwegian = strings(nb);
    expect([...norwegian.keys()]).to.deep.equal([...english.keys()]);
    const same = [...english].filter(([key, text]) => norwegian.get(key) === text).map(([key]) => key);
    expect(same, 'the same words in both').to.deep.equal([]);
    for (const [key, text] of norwegian) expect(text.trim(), key).to.not.equal('');
  });
});

/** The widget's own words and the descriptor's, in Norwegian Bokmål and English. */
describe('<cma-register-app> in Norwegian', () => {
  beforeEach(() => useScenario('ok'));
  afterEach(() => worker.resetHandlers());

  it('speaks Norwegian throughout with lang="nb", from the first paint on', async () => {
    const { el } = await mount('24sevenoffice', { lang: 'nb' });
    // at cma-ready the form is there in Norwegian: no English first
    expect(text(el)).to.contain('Koble til 24SevenOffice');
    expect(text(el)).to.contain('Steg 1 av 2');
    expect(button(el, 'Avbryt')).to.exist;
    expect(button(el, 'Vis Passord')).to.exist; // "Vis", named with the field's Norwegian label
    const error = next(el, 'cma-error');
    button(el, 'Hent klienter').click();
    const { detail } = await error;
    expect(detail.message).to.equal('Brukernavn og Passord må rettes.');
    await el.updateComplete;
    expect(text(el)).to.contain('Brukernavn må fylles ut.');
    expect(text(el)).not.to.match(/\b(Cancel|Step|Show|required)\b/);
    await expect(el).to.be.accessible();
  });

  for (const lang of ['no', 'nn', 'nb-NO', 'NB', 'no-NO']) {
    it(`takes lang="${lang}" as Norwegian Bokmål`, async () => {
      const { el } = await mount('mailchimp', { lang });
      expect(text(el)).to.contain('Koble til MailChimp');
      expect(button(el, 'Avbryt')).to.exist;
    });
  }

  it('speaks English for a language it does not have', async () => {
    const { el } = await mount('mailchimp', { lang: 'sv' });
    expect(text(el)).to.contain('Authenticate MailChimp');
  });

  it('takes the language of an ancestor, or of the document', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div lang="nb"><section></section></div>`);
    const el = await mountIn(holder.querySelector('section')!);
    expect(text(el)).to.contain('Koble til MailChimp');

    const before = document.documentElement.lang;
    document.documentElement.lang = 'nb';
    try {
      const plain = await mountIn(await fixture<HTMLDivElement>(html`<div></div>`));
      expect(text(plain)).to.contain('Koble til MailChimp');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('follows a change of an ancestor’s or its own lang at once, keeping what was typed', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const el = await mountIn(holder);
    await paste(el, 'apiKey', KEY);
    holder.lang = 'nb';
    await until(() => text(el).includes('Koble til MailChimp'), 'Norwegian after the ancestor changed');
    expect(q(el, 'label')!.textContent).to.contain('API-nøkkel');
    expect(input(el, 'apiKey').value).to.equal(KEY);
    el.lang = 'en';
    await until(() => text(el).includes('Authenticate MailChimp'), 'English after its own lang changed');
    expect(input(el, 'apiKey').value).to.equal(KEY);
    const registered = await press(el, 'Authenticate', 'cma-registered');
    expect(registered.detail.vendor).to.equal('mailchimp');
  });

  it('follows its own lang inside another element’s shadow root, where the document’s observer cannot see', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const el = await mountIn(shadow);
    expect(text(el)).to.contain('Authenticate MailChimp');
    el.lang = 'nb';
    await until(() => text(el).includes('Koble til MailChimp'), 'Norwegian inside a shadow root');
  });

  it('says what went wrong in Norwegian too, in the event and on screen', async () => {
    const el = await fixture<CmaRegisterApp>(html`<cma-register-app lang="nb" api-base=${API}></cma-register-app>`);
    const error = next(el, 'cma-error');
    el.vendor = 'no-such-vendor';
    const { detail } = await error;
    expect(detail).to.include({ code: 'descriptor_not_found' });
    expect(detail.message).to.equal('Det finnes ikke noe oppsett for «no-such-vendor». Sjekk navnet på appen, eller kontakt kundestøtte.');
    await el.updateComplete;
    expect(text(el)).to.contain('Noe gikk galt');
  });

  it('lets the host change built-in strings and add a language', async () => {
    const cancel = en.cancel;
    const load = translations.nb;
    try {
      // its own wording in English; a Norwegian string changed; Swedish added (English for what it leaves)
      translations.en.cancel = 'Close';
      translations.nb = async () => ({ ...(await (load as () => Promise<Translation>)()), cancel: 'Lukk' });
      translations.sv = { ...en, heading: vendor => `Autentisera ${vendor}`, cancel: 'Avbryt' };

      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = await mountIn(holder);
      expect(button(el, 'Close')).to.exist;
      holder.lang = 'nb';
      await until(() => text(el).includes('Lukk') && text(el).includes('Koble til MailChimp'), 'Norwegian, with the host’s word');
      holder.lang = 'sv-SE';
      await until(() => text(el).includes('Autentisera MailChimp'), 'Swedish');
      expect(button(el, 'Avbryt')).to.exist;
    } finally {
      en.cancel = cancel;
      translations.nb = load;
      delete translations.sv;
    }
  });
});
