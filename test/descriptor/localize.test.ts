import { expect } from '@open-wc/testing';
import { languageChain, localize } from '../../src/descriptor/localize.js';

describe('localize', () => {
  const title = { en: 'Log in', nb: 'Logg inn', sv: 'Logga in' };

  it('gives a plain string as it is, in any language', () => {
    expect(localize('Username', 'nb')).to.equal('Username');
    expect(localize('Username', 'en')).to.equal('Username');
  });

  it('gives an empty string for a missing value', () => {
    expect(localize(undefined, 'nb')).to.equal('');
  });

  it('picks the asked language', () => {
    expect(localize(title, 'nb')).to.equal('Logg inn');
    expect(localize(title, 'sv')).to.equal('Logga in');
    expect(localize(title, 'en')).to.equal('Log in');
  });

  it('falls back to en for a language that is not given', () => {
    expect(localize(title, 'de')).to.equal('Log in');
  });

  it('falls back to the first language given when there is no en', () => {
    expect(localize({ sv: 'Logga in', nb: 'Logg inn' }, 'de')).to.equal('Logga in');
    expect(localize({ nb: 'Logg inn', sv: 'Logga in' }, 'de')).to.equal('Logg inn');
  });

  it('takes nb for nb-NO (the primary subtag)', () => {
    expect(localize(title, 'nb-NO')).to.equal('Logg inn');
  });

  it('prefers the exact region when it is given', () => {
    expect(localize({ en: 'Colour', 'en-US': 'Color' }, 'en-US')).to.equal('Color');
    expect(localize({ en: 'Colour', 'en-US': 'Color' }, 'en-GB')).to.equal('Colour');
  });

  it('takes nb for a bare no (and for nn when there is no nn)', () => {
    expect(localize(title, 'no')).to.equal('Logg inn');
    expect(localize(title, 'no-NO')).to.equal('Logg inn');
    expect(localize(title, 'nn')).to.equal('Logg inn');
    expect(localize({ en: 'Log in', nb: 'Logg inn', nn: 'Logg inn (nynorsk)' }, 'nn')).to.equal('Logg inn (nynorsk)');
  });

  it('matches language tags without regard to case', () => {
    expect(localize(title, 'NB-no')).to.equal('Logg inn');
    expect(localize({ EN: 'Log in', 'NB-NO': 'Logg inn' }, 'nb-no')).to.equal('Logg inn');
  });

  it('takes an empty translation as given rather than falling back', () => {
    expect(localize({ en: 'Prefix', nb: '' }, 'nb')).to.equal('');
  });

  it('falls back to en for an empty language', () => {
    expect(localize(title, '')).to.equal('Log in');
  });
});

describe('languageChain', () => {
  it('tries the exact tag, its primary subtag, then en', () => {
    expect(languageChain('nb-NO')).to.deep.equal(['nb-no', 'nb', 'en']);
    expect(languageChain('de')).to.deep.equal(['de', 'en']);
    expect(languageChain('en')).to.deep.equal(['en']);
  });

  it('puts nb before en for Norwegian', () => {
    expect(languageChain('no')).to.deep.equal(['no', 'nb', 'en']);
  });
});
