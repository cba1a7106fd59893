import { expect } from '@open-wc/testing';
import { backtracks, compilePattern, formatProblems, validateDescriptor } from '../../src/descriptor/validate.js';
import { CATASTROPHIC_PATTERNS } from '../security/fuzz.js';
import descriptor24so from '../../mocks/descriptors/24sevenoffice.json';
import descriptorMailchimp from '../../mocks/descriptors/mailchimp.json';
import cases from './cases.json';

/** One bad descriptor from cases.json: a seed (or the kitchen sink) with edits, and what is wrong with it. */
interface BadCase {
  title: string;
  base?: string;
  descriptor?: unknown;
  edits?: { at: string; value?: unknown; delete?: boolean }[];
  /** Whether the JSON Schema rejects it too (schema.check.mjs holds it to that). */
  schema: boolean;
  /** Every problem, in order: [exact path, the start of the message]. */
  problems: [string, string][];
}

const seeds: Record<string, unknown> = {
  mailchimp: descriptorMailchimp,
  '24sevenoffice': descriptor24so,
  ...cases.valid,
};

/** A deep copy of a seed with the case's edits made ("steps.1.fields.0.type": dots between keys). */
function build(c: BadCase): unknown {
  if (!c.base) return c.descriptor;
  const copy = structuredClone(seeds[c.base]) as Record<string, unknown>;
  for (const edit of c.edits ?? []) {
    const keys = edit.at.split('.');
    const last = keys.pop()!;
    let target = copy as Record<string, unknown>;
    for (const key of keys) target = target[key] as Record<string, unknown>;
    if (edit.delete) delete target[last];
    else target[last] = edit.value;
  }
  return copy;
}

describe('validateDescriptor', () => {
  for (const [name, seed] of Object.entries(seeds)) {
    it(`accepts the ${name} descriptor`, () => {
      const result = validateDescriptor(seed);
      expect(result.ok, formatProblems(result.problems)).to.equal(true);
      expect(result.problems).to.deep.equal([]);
      if (result.ok) expect(result.descriptor).to.equal(seed);
    });
  }

  it('accepts a relative logo and image src, and language tags in any case', () => {
    const d = structuredClone(descriptorMailchimp) as Record<string, any>;
    d.logo = '../logos/mailchimp.svg?v=2';
    d.steps[0].instructions[1].image.src = 'https://cdn.example.com/shot.png';
    d.steps[0].title = { EN: 'Key', 'nb-NO': 'Nøkkel', 'zh-Hant-TW': '鑰匙' };
    expect(formatProblems(validateDescriptor(d).problems)).to.equal('');
  });

  it('accepts a pattern that compiles under the u flag, such as [a-z0-9_-]+', () => {
    const d = structuredClone(descriptorMailchimp) as Record<string, any>;
    d.steps[0].fields[0].pattern = '[a-z0-9_-]+';
    expect(validateDescriptor(d).ok).to.equal(true);
  });

  it('lists every problem of a descriptor, not only the first', () => {
    const d = structuredClone(descriptor24so) as Record<string, any>;
    d.id = 'Bad Id';
    d.steps[0].feilds = [];
    d.steps[1].fields[0].type = 'dropdown';
    const result = validateDescriptor(d);
    expect(result.problems.map(p => p.path)).to.deep.equal(['id', 'steps[0].feilds', 'steps[1].fields[0].type', 'steps[1].fields[0]']);
  });

  for (const c of cases.invalid as unknown as BadCase[]) {
    it(`rejects ${c.title}, naming ${c.problems.map(p => p[0]).join(' and ')}`, () => {
      const result = validateDescriptor(build(c));
      expect(result.ok).to.equal(false);
      const got = result.problems.map(p => `${p.path}: ${p.message}`);
      expect(got.length, got.join('\n')).to.equal(c.problems.length);
      c.problems.forEach(([path, message], i) => {
        expect(result.problems[i].path, got.join('\n')).to.equal(path);
        expect(got[i].startsWith(`${path}: ${message}`), `${got[i]} should start with "${path}: ${message}"`).to.equal(true);
      });
    });
  }

  it('formats problems one per line as "path: what is wrong"', () => {
    const d = structuredClone(descriptor24so) as Record<string, any>;
    d.steps[1].fields[0].type = 'password';
    delete d.steps[1].fields[0].optionsFrom;
    expect(formatProblems(validateDescriptor(d).problems)).to.equal(
      'steps[1].fields[0].type: expected one of text, secret, email, url, select, radio, checkbox, hidden, got "password"',
    );
  });
});

describe('backtracks', () => {
  it('finds every pattern the fuzzer knows to freeze the page', () => {
    for (const pattern of CATASTROPHIC_PATTERNS) expect(backtracks(pattern), pattern).to.equal(true);
    for (const pattern of ['(x+x+)+y', '(?:\\w+\\s?)*$', '(a{2,})+', '((ab)*c)*']) expect(backtracks(pattern), pattern).to.equal(true);
  });

  it('is conservative: it also refuses some repeated groups that are harmless (the README says how to rewrite them)', () => {
    for (const pattern of ['(a|b)+$', '[a-z0-9]+(?:-[a-z0-9]+)*']) expect(backtracks(pattern), pattern).to.equal(true);
  });

  it('lets through the shipped patterns and others that match each character one way', () => {
    const safe = [
      '[0-9a-f]{32}-[a-z]{2,4}[0-9]{1,3}',
      '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?',
      '[A-Za-z0-9]+',
      '\\d{9}',
      '(?:https?://)?[a-z]+',
      '[(+*)]+',
      '\\(a+\\)+',
      '(ab)+',
      '(?<year>\\d{4})-(?<month>\\d{2})',
    ];
    for (const pattern of safe) expect(backtracks(pattern), pattern).to.equal(false);
  });
});

describe('compilePattern', () => {
  it('matches the whole value only', () => {
    const re = compilePattern('[0-9a-f]{32}-[a-z]{2,4}[0-9]{1,3}');
    expect(re.test('0123456789abcdef0123456789abcdef-us21')).to.equal(true);
    expect(re.test('x0123456789abcdef0123456789abcdef-us21')).to.equal(false);
    expect(re.test('0123456789abcdef0123456789abcdef-us21x')).to.equal(false);
  });

  it('keeps alternatives inside the whole-value match', () => {
    const re = compilePattern('eu|us');
    expect(['eu', 'us', 'eus', 'xus', 'eux'].map(v => re.test(v))).to.deep.equal([true, true, false, false, false]);
  });

  it('uses the u flag: \\p{L} is a letter class and a surrogate pair is one character', () => {
    expect(compilePattern('\\p{L}+').test('Ærøskøbing')).to.equal(true);
    expect(compilePattern('.').test('😀')).to.equal(true);
  });

  it('throws for a pattern that only compiles inside the wrapping', () => {
    expect(() => compilePattern('a)|(b')).to.throw(SyntaxError);
    expect(() => compilePattern('(?<a>x)(?<a>y)')).to.throw(SyntaxError);
  });
});

describe('validateDescriptor, found by fuzzing (test/security/fuzz.test.ts)', () => {
  // Holes ([a, , b]) cannot be written in JSON, so they are here rather than in cases.json: an inline
  // descriptor is a JavaScript object, and forEach would skip a hole that the widget then trips on.
  const holed = (edit: (d: Record<string, any>) => void) => {
    const d = structuredClone(descriptor24so) as Record<string, any>;
    edit(d);
    return validateDescriptor(d).problems.map(p => `${p.path}: ${p.message}`);
  };

  it('refuses a hole in steps, fields, instructions, a menu path or options, at its index', () => {
    expect(holed(d => delete d.steps[1])).to.include('steps[1]: expected a step object, got undefined');
    expect(holed(d => (d.steps.length += 1))[0]).to.match(/^steps\[1\]\.submit\.kind/);
    expect(holed(d => (d.steps.length += 1))).to.include('steps[2]: expected a step object, got undefined');
    expect(holed(d => delete d.steps[0].fields[0])).to.include('steps[0].fields[0]: expected a field object, got undefined');
    expect(holed(d => delete d.steps[0].instructions[0])).to.include('steps[0].instructions[0]: expected an instruction object, got undefined');
    expect(holed(d => (d.steps[0].instructions[0].path = ['A', , 'B']))).to.include('steps[0].instructions[0].path[1]: required');
    expect(
      holed(d => {
        d.steps[1].fields[0] = { name: 'env', type: 'radio', label: 'Env', options: [, { value: 'a', label: 'A' }] };
      }),
    ).to.include('steps[1].fields[0].options[0]: expected {"value", "label"}');
  });

  it('refuses a pattern that V8 finds too large only when it first runs, without repeating it in the message', () => {
    const d = structuredClone(descriptorMailchimp) as Record<string, any>;
    d.steps[0].fields[0].pattern = 'a'.repeat(100_000);
    const [problem, ...more] = validateDescriptor(d).problems;
    expect(more).to.deep.equal([]);
    expect(problem.path).to.equal('steps[0].fields[0].pattern');
    expect(problem.message).to.match(/^not a valid regular expression with the u flag \(.*too large\)$/i);
  });

  it('repeats no more than 40 characters of a descriptor string in a message', () => {
    const d = structuredClone(descriptor24so) as Record<string, any>;
    d.steps[1].fields[0].optionsFrom = 'x'.repeat(100_000);
    const [problem] = validateDescriptor(d).problems;
    expect(problem.message).to.equal(`names no lookup on an earlier step ("${'x'.repeat(40)}")`);
  });

  it('refuses https URLs with a user name or password', () => {
    const d = structuredClone(descriptorMailchimp) as Record<string, any>;
    d.helpUrl = 'https://mailchimp.com@evil.example/';
    d.logo = 'https://user:pw@cdn.example.com/logo.svg';
    expect(validateDescriptor(d).problems.map(p => p.path)).to.deep.equal(['logo', 'helpUrl']);
  });
});
