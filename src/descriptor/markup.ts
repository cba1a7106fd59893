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

/**
 * The inline markers, tried in this order at each character: a backslash-escaped marker, `code`,
 * **bold**, *italic* (a lone `*`, whose closing one is lone too), and a link. A marker that does not
 * close is text. The URL may hold balanced parentheses (https://en.wikipedia.org/wiki/Foo_(bar)), as in
 * CommonMark. A label of up to 500 characters, a URL of up to 2000: unbounded, 50 000 "[" before one
 * "](xxx…" took seconds, as each "[" looked for its "]" and read the URL again to the end.
 */
const MARKER =
  /\\([\\*`[\]()])|`([^`]+)`|\*\*((?:(?!\*\*)[^])+)\*\*|\*(?!\*)([^*]+)\*(?!\*)|\[([^\]]{1,500})\]\(((?:[^()\s]|\([^()\s]{0,2000}\)){1,2000})\)/g;

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  let end = 0;
  for (const match of source.matchAll(MARKER)) {
    const [marker, escaped, code, strong, em, label, href] = match;
    text += source.slice(end, match.index);
    end = match.index! + marker.length;
    if (escaped) {
      text += escaped;
      continue;
    }
    if (text) out.push({ type: 'text', text });
    text = '';
    if (code) out.push({ type: 'code', text: code });
    else if (strong) out.push({ type: 'strong', children: parseInline(strong) });
    else if (em) out.push({ type: 'em', children: parseInline(em) });
    else if (isHttpsUrl(href)) out.push({ type: 'link', href, children: parseInline(label) });
    else out.push(...parseInline(label));
  }
  text += source.slice(end);
  if (text) out.push({ type: 'text', text });
  return out;
}
