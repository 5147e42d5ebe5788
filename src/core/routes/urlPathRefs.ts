// The path of a URL kept as a reference to the URL's value (urlPaths.ts reads it from the syntax):
// its text once the URL's is known. Apart from the syntax reader, so the join (collect.ts) needs no parser.
import type { Reference } from './values';

/** The local of a reference standing for the path of the URL its one argument holds (`path` ['/'] when its trailing slash is dropped). */
export const URL_PATH = '*urlPath*';

/** The marker in a URL_PATH reference's path that its trailing slash is dropped. */
export const NO_TRAILING_SLASH = '/';

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
  return urlPathText(href, ref.path[0] === NO_TRAILING_SLASH);
}
