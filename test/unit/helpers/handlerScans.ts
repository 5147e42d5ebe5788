// Route handler files' scans, as the scanner hands them to the join, and routes listed to compare.
import { scanSourceText } from '../../../src/core/routes/scanFile';

/** Each file's scan (files the scan skips left out). */
export const scansOf = (files: Record<string, string>) =>
  Object.entries(files).flatMap(([file, text]) => {
    const x = scanSourceText(file, text);
    return x ? [{ file, x }] : [];
  });

/** `METHOD /path@line`, sorted. */
export const listed = (routes: ReadonlyArray<{ method: string; path: string; line?: number }>) => routes.map((r) => `${r.method} ${r.path}@${r.line}`).sort();
