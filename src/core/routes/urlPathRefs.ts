// The path of a URL kept as a reference to the URL's value (urlPaths.ts reads it from the syntax):
// its text once the URL's is known. Apart from the syntax reader, so the join (collect.ts) needs no parser.
import type { Reference } from './values';

/** The local of a reference standing for the path of the URL its one argument holds (`path` ['/'] when its trailing slash is dropped). */
export const URL_PATH = '*urlPath*';

/** The marker in a URL_PATH reference's path that its trailing slash is dropped. */
export const NO_TRAILING_SLASH = '/';

/**
 * The marker in a URL_PATH reference's path that the code gives '' where the URL is unset or empty (an
 * IIFE's `if (!url) return '';` before `new URL(url)`, urlPaths.ts iifeValue).
 */
export const EMPTY_WHEN_UNSET = '?';

/** The local of a reference standing for an environment variable read with no default in code (`new URL(process.env.BASE_URL)`): its value is the service's environment's, if set. */
export const ENV_VALUE = '*envValue*';

/** The path of the URL `href` (its trailing slash dropped when `trimmed`); undefined when it is no absolute URL. */
export function urlPathText(href: string, trimmed: boolean): string | undefined {
  let path: string;
  try {
    path = new URL(href).pathname;
  } catch {
    return undefined;
  }
  return trimmed ? path.replace(/\/$/, '') : path;
}

/** The text of a URL_PATH reference, given its URL's text. */
export function urlPathRefText(ref: Reference, href: string): string | undefined {
  if (href === '' && ref.path.includes(EMPTY_WHEN_UNSET)) return '';
  return urlPathText(href, ref.path.includes(NO_TRAILING_SLASH));
}
