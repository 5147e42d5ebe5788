// What one file's text yields to the route scan: the scan worker's and the inline scanner's
// one way of reading a file (engine/scanTree.ts, engine/inlineScanner.ts). Loads the parser.
import { extractRoutesFromSource } from './extract';
import type { ExtractedFile } from './extracted';
import { mayDeclareRoutes } from './mayDeclareRoutes';

/** What `text` declares; null when the cheap pre-filter says it cannot declare a route. */
export function scanSourceText(file: string, text: string): ExtractedFile | null {
  return mayDeclareRoutes(text) && !isMinified(text) ? extractRoutesFromSource(text, file) : null;
}

/**
 * Minified or generated code (a vendored 1 MB `public/pyodide.asm.js`): no one writes routes
 * there, and parsing it costs seconds. Judged by line length: over 64 KB with lines averaging
 * more than 500 characters.
 */
export function isMinified(text: string): boolean {
  if (text.length < 65_536) return false;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines * 500 < text.length; i = text.indexOf('\n', i + 1)) lines++;
  return lines * 500 < text.length;
}
