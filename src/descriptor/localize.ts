import type { LocalizedString } from './types.js';

/**
 * Languages to try for `lang`, best first: the exact tag, its primary subtag,
 * Norwegian Bokmål for a bare `no`, then English.
 */
export function languageChain(lang: string): string[] {
  const tag = lang.trim().toLowerCase();
  const primary = tag.split('-')[0];
  const chain = [tag, primary];
  if (primary === 'no' || primary === 'nn') chain.push('nb');
  chain.push('en');
  return [...new Set(chain.filter(Boolean))];
}

/** Resolves a descriptor string for `lang`: that language, else `en`, else the first one given. */
export function localize(value: LocalizedString | undefined, lang: string): string {
  if (typeof value !== 'object') return value ?? '';
  const byLowerKey = new Map(Object.entries(value).map(([k, v]) => [k.toLowerCase(), v]));
  for (const candidate of languageChain(lang)) {
    const text = byLowerKey.get(candidate);
    if (text !== undefined) return text;
  }
  return Object.values(value)[0] ?? '';
}
