// Which source files a route scan reads, and what one file's text yields: shared by the
// in-process scan (check.ts) and the scan worker (engine/scanWorker.ts), so both find the same.
import { extractRoutesFromSource } from './extract';
import type { ExtractedFile } from './extract';
import { mayDeclareRoutes } from './mayDeclareRoutes';
import { TEST_SOURCE } from '../mapping/mapFile';

const SOURCE_CODE = /\.(c|m)?(t|j)sx?$/;

/** A JS/TS source file that may declare routes: not a declaration file, not a test. */
export function isRouteSource(file: string): boolean {
  return SOURCE_CODE.test(file) && !file.endsWith('.d.ts') && !TEST_SOURCE.test(file);
}

/** What `text` declares; null when the cheap pre-filter says it cannot declare a route. */
export function scanSourceText(file: string, text: string): ExtractedFile | null {
  return mayDeclareRoutes(text) ? extractRoutesFromSource(text, file) : null;
}
