// What one file's text yields to the route scan: the scan worker's and the inline scanner's
// one way of reading a file (engine/scanTree.ts, engine/inlineScanner.ts). Loads the parser.
import { extractRoutesFromSource } from './extract';
import type { ExtractedFile } from './extracted';
import { mayDeclareRoutes } from './mayDeclareRoutes';

/** What `text` declares; null when the cheap pre-filter says it cannot declare a route. */
export function scanSourceText(file: string, text: string): ExtractedFile | null {
  return mayDeclareRoutes(text) ? extractRoutesFromSource(text, file) : null;
}
