/**
 * The safe markup of descriptor text: **bold**, *italic*, `code`, [label](https://…) and blank-line
 * paragraphs. Parsed to a tree that the view renders as text nodes, so no descriptor can inject
 * markup or script. Links that are not https stay plain text.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

function isHttpsUrl(href: string): boolean {
  try {
    return new URL(href).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Paragraphs of inline nodes. */
export function parseMarkup(source: string): Inline[][] {
  return source
    .split(/\n\s*\n/)
    .map(p => p.trim())
    .filter(Boolean)
    .map(p => parseInline(p));
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
      const match = /^\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/.exec(source.slice(i));
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
