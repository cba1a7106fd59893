/** `text` as a URL (resolved against `base` when it is relative), or undefined when it is not one. */
export function parseUrl(text: string, base?: string): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

/** True for an http or https URL. */
export const isWebUrl = (url: URL | undefined) => url?.protocol === 'https:' || url?.protocol === 'http:';
