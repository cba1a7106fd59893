import { expect } from '@open-wc/testing';
import { parseInline, parseMarkup } from '../../src/descriptor/markup.js';

describe('parseMarkup', () => {
  it('gives plain text as one text node', () => {
    expect(parseInline('Log in to your account.')).to.deep.equal([{ type: 'text', text: 'Log in to your account.' }]);
  });

  it('reads **bold**', () => {
    expect(parseInline('Open the **Account** tab')).to.deep.equal([
      { type: 'text', text: 'Open the ' },
      { type: 'strong', children: [{ type: 'text', text: 'Account' }] },
      { type: 'text', text: ' tab' },
    ]);
  });

  it('reads *italic*', () => {
    expect(parseInline('choose *Extras*')).to.deep.equal([
      { type: 'text', text: 'choose ' },
      { type: 'em', children: [{ type: 'text', text: 'Extras' }] },
    ]);
  });

  it('reads italic inside bold', () => {
    expect(parseInline('**very *important* note**')).to.deep.equal([
      {
        type: 'strong',
        children: [{ type: 'text', text: 'very ' }, { type: 'em', children: [{ type: 'text', text: 'important' }] }, { type: 'text', text: ' note' }],
      },
    ]);
  });

  it('reads `code` and leaves markup inside it alone', () => {
    expect(parseInline('Type `**not bold**` here')).to.deep.equal([
      { type: 'text', text: 'Type ' },
      { type: 'code', text: '**not bold**' },
      { type: 'text', text: ' here' },
    ]);
  });

  it('reads an https link with markup in its label', () => {
    expect(parseInline('See [the **API** docs](https://mailchimp.com/help/about-api-keys/).')).to.deep.equal([
      { type: 'text', text: 'See ' },
      {
        type: 'link',
        href: 'https://mailchimp.com/help/about-api-keys/',
        children: [{ type: 'text', text: 'the ' }, { type: 'strong', children: [{ type: 'text', text: 'API' }] }, { type: 'text', text: ' docs' }],
      },
      { type: 'text', text: '.' },
    ]);
  });

  it('reads a link whose URL holds parentheses', () => {
    expect(parseInline('[Foo](https://en.wikipedia.org/wiki/Foo_(bar)) and (more)')).to.deep.equal([
      { type: 'link', href: 'https://en.wikipedia.org/wiki/Foo_(bar)', children: [{ type: 'text', text: 'Foo' }] },
      { type: 'text', text: ' and (more)' },
    ]);
  });

  for (const href of ['http://example.com/help', 'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,hi', '/relative/help', '//evil.example/x']) {
    it(`keeps the label of a link to ${href} as text, without a link`, () => {
      const nodes = parseInline(`Read [the help](${href}) first`);
      expect(nodes.some(n => n.type === 'link')).to.equal(false);
      expect(JSON.stringify(nodes)).not.to.contain(href);
      expect(nodes.map(n => (n.type === 'text' ? n.text : '')).join('')).to.equal('Read the help first');
    });
  }

  it('keeps <script> and other HTML as literal text', () => {
    const source = '<script>alert(1)</script><img src=x onerror=alert(1)> & <b>bold</b>';
    expect(parseInline(source)).to.deep.equal([{ type: 'text', text: source }]);
  });

  it('keeps HTML inside bold, code and link labels as text', () => {
    expect(parseInline('**<i>x</i>** `<b>` [<em>go</em>](https://example.com)')).to.deep.equal([
      { type: 'strong', children: [{ type: 'text', text: '<i>x</i>' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: '<b>' },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://example.com', children: [{ type: 'text', text: '<em>go</em>' }] },
    ]);
  });

  it('takes a backslash-escaped marker literally', () => {
    expect(parseInline('\\*not italic\\* and \\`not code\\` and \\[not](https://a.example) and \\\\')).to.deep.equal([
      { type: 'text', text: '*not italic* and `not code` and [not](https://a.example) and \\' },
    ]);
  });

  it('leaves a lone marker as text', () => {
    expect(parseInline('5 * 3 = 15, a ` alone, **open')).to.deep.equal([{ type: 'text', text: '5 * 3 = 15, a ` alone, **open' }]);
  });

  it('splits paragraphs at blank lines and keeps single line breaks inside one', () => {
    expect(parseMarkup('First line\nstill first\n\n  \nSecond **para**\n\n\n')).to.deep.equal([
      [{ type: 'text', text: 'First line\nstill first' }],
      [{ type: 'text', text: 'Second ' }, { type: 'strong', children: [{ type: 'text', text: 'para' }] }],
    ]);
  });

  it('gives no paragraphs for empty text', () => {
    expect(parseMarkup('')).to.deep.equal([]);
    expect(parseMarkup(' \n\n ')).to.deep.equal([]);
  });
});

describe('parseMarkup, found by fuzzing (test/security/fuzz.test.ts)', () => {
  it('parses 100 000 characters of unclosed "[" in linear time (50 000 "[" before one "](xxx…" took 6 s)', () => {
    for (const text of ['['.repeat(100_000), '[a'.repeat(50_000), `${'['.repeat(50_000)}a](${'x'.repeat(50_000)}`]) {
      const t0 = performance.now();
      const [[node]] = parseMarkup(text);
      expect(performance.now() - t0, text.slice(0, 20)).to.be.below(500);
      expect(node).to.deep.equal({ type: 'text', text });
    }
  });

  it('keeps a link with a user name or password as text: https://help.example.com@evil.example/ misleads', () => {
    expect(parseInline('[help](https://mailchimp.com@evil.example/) [x](https://u:p@a.example/)')).to.deep.equal([
      { type: 'text', text: 'help' },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'x' },
    ]);
  });
});
