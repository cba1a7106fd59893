/**
 * The safe markup of descriptor text: **bold**, *italic*, `code`, [label](https://…) and blank-line
 * paragraphs. Parsed to a tree that the view renders as text nodes, so no descriptor can inject
 * markup or script. Links that are not https stay plain text.
 */
import { parseUrl } from '../url.js';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

/** An https URL without a user name or password (`https://help.example.com@evil.example/` misleads). */
export function isHttpsUrl(href: string): boolean {
  const url = parseUrl(href);
  return url?.protocol === 'https:' && !(url.username + url.password);
}

/** Texts already parsed: a descriptor's texts are parsed once, not at every render (every keystroke). */
const parsed = new Map<string, Inline[][]>();

/** Paragraphs of inline nodes. */
export function parseMarkup(source: string): Inline[][] {
  let paragraphs = parsed.get(source);
  if (!paragraphs) {
    paragraphs = source
      .split(/\n\s*\n/)
      .map(p => p.trim())
      .filter(Boolean)
      .map(p => parseInline(p));
    parsed.set(source, paragraphs);
  }
  return paragraphs;
}

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\' && i + 1 < source.length && '\\*`[]()'.includes(source[i + 1])) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = source.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: 'code', text: source.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (source.startsWith('**', i)) {
      const end = source.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ type: 'strong', children: parseInline(source.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if (ch === '*' && source[i + 1] !== '*') {
      const end = source.indexOf('*', i + 1);
      if (end > i + 1 && source[end + 1] !== '*') {
        flush();
        out.push({ type: 'em', children: parseInline(source.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      // The URL may hold balanced parentheses (https://en.wikipedia.org/wiki/Foo_(bar)), as in CommonMark.
      // A label of up to 500 characters, a URL of up to 2000: unbounded, 50 000 "[" before one "](xxx…"
      // took seconds, as each "[" looked for its "]" and read the URL again to the end.
      const match = /^\[([^\]]{1,500})\]\(((?:[^()\s]|\([^()\s]{0,2000}\)){1,2000})\)/.exec(source.slice(i));
      if (match) {
        flush();
        const children = parseInline(match[1]);
        if (isHttpsUrl(match[2])) out.push({ type: 'link', href: match[2], children });
        else out.push(...children);
        i += match[0].length;
        continue;
      }
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}
