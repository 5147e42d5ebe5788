// The routes of method wrappers' calls (methodWrappers.ts) take their method once every file is
// read (collect.ts): no TypeScript here, as collect.ts runs where the parser is not loaded.
import type { HttpMethod } from '../model';
import type { ExtractedFile, ExtractedRoute } from './extracted';

/**
 * The files' routes registered through a method wrapper (ExtractedRoute.wrapper) take the method
 * the project's wrapper of that name forwards to; one no file declares, or files declare with
 * different methods, is dropped (a member of something else, or a method not known).
 */
export function applyMethodWrappers<T extends { x: ExtractedFile }>(files: T[]): T[] {
  const methods = new Map<string, HttpMethod | null>();
  for (const f of files)
    for (const [member, method] of Object.entries(f.x.methodWrappers ?? {})) methods.set(member, methods.has(member) && methods.get(member) !== method ? null : method);
  for (const f of files) {
    if (!f.x.routes.some((r) => r.wrapper !== undefined)) continue;
    const routes: ExtractedRoute[] = [];
    for (const r of f.x.routes) {
      const method = r.wrapper === undefined ? r.method : methods.get(r.wrapper);
      if (!method) continue;
      const { wrapper: _, ...rest } = r;
      routes.push(r.wrapper === undefined ? r : { ...rest, method });
    }
    f.x = { ...f.x, routes };
  }
  return files;
}
