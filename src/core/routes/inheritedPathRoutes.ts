// The routes of router classes whose paths their subclasses give the base class's constructor
// (inheritedPaths.ts): for each subclass calling `super(...)`, its base classes up the chain (in its
// file or imported), the fields their constructors keep filled from the arguments one class below
// gives, and the routes of its calls of pair helpers (`this.mountGets([['/x', h]])`) and at paths
// reading those fields (`this.router.post(this.path, h)`). A field given no literal is a warning.
import type { ExtractedFile, ExtractedRoute, PathClass, PathRoute } from './extracted';
import { joinRoutePath } from './joinPath';
import { scanWarningText } from '../scanTexts';

interface ClassFile {
  file: string;
  x: ExtractedFile;
}

/** The file and name of a class a file names (declared there, or imported). */
export type ClassFinder<F extends ClassFile> = (at: F, name: string) => { target: F; name: string } | undefined;

/** How many classes up an `extends` chain are followed. */
const MAX_BASES = 4;

/** Adds to each file the routes its path classes' subclasses register (ExtractedFile.pathClasses). */
export function addInheritedPathRoutes<F extends ClassFile>(files: readonly F[], find: ClassFinder<F>, warnings: string[]): void {
  for (const s of files) {
    const added: ExtractedRoute[] = [];
    for (const [name, c] of Object.entries(s.x.pathClasses ?? {})) {
      if (!c.superArgs || (!c.pairCalls && !c.fieldRoutes)) continue;
      const chain = chainOf(s, c, find);
      if (chain.length > 1) added.push(...classRoutes(s.file, name, chain, warnings));
    }
    if (added.length > 0) s.x = { ...s.x, routes: [...s.x.routes, ...added] };
  }
}

/** The class and its bases, nearest first, as far as each is a path class found. */
function chainOf<F extends ClassFile>(s: F, c: PathClass, find: ClassFinder<F>): PathClass[] {
  const chain = [c];
  let at: F = s;
  for (let cur = c; cur.base !== undefined && chain.length <= MAX_BASES; ) {
    const found = find(at, cur.base);
    const next = found?.target.x.pathClasses?.[found.name];
    if (!found || !next) break;
    chain.push(next);
    [at, cur] = [found.target, next];
  }
  return chain;
}

/** The routes of the chain's first class, its fields filled from the `super(...)` arguments below each base. */
function classRoutes(file: string, name: string, chain: PathClass[], warnings: string[]): ExtractedRoute[] {
  const fields = new Map<string, string | null>();
  const helpers = new Map<string, PathRoute[]>();
  const direct = new Map<string, PathRoute[]>();
  chain.forEach((c, i) => {
    const below = chain[i - 1];
    for (const [field, at] of Object.entries(c.fields ?? {})) if (below && !fields.has(field)) fields.set(field, below.superArgs?.[at] ?? null);
    for (const [helper, routes] of Object.entries(c.pairHelpers ?? {})) if (!helpers.has(helper)) helpers.set(helper, routes);
    for (const [helper, routes] of Object.entries(c.pathHelpers ?? {})) if (!direct.has(helper)) direct.set(helper, routes);
  });
  const [own] = chain;
  const out: ExtractedRoute[] = [];
  const add = (r: PathRoute, line: number, first?: string | null, call = ''): void => {
    const pieces = r.path.map((p) => (typeof p === 'string' ? p : 'field' in p ? fields.get(p.field) : first));
    const unknown = r.path.find((p, i): p is { field: string } => typeof p === 'object' && 'field' in p && (pieces[i] === null || pieces[i] === undefined));
    if (unknown) {
      if (fields.has(unknown.field)) warnings.push(scanWarningText(file, { id: 'inheritedFieldPath', args: [r.method, name, unknown.field], line }));
      return;
    }
    if (pieces.every((p): p is string => typeof p === 'string')) out.push({ method: r.method, path: joinRoutePath(pieces.join('')), line, kind: 'router', router: r.router });
    // `super.setupRoutes(endpoint)` given no literal: the path is the caller's value, not known here.
    else if (first === null) warnings.push(scanWarningText(file, { id: 'inheritedPath', args: [r.method, name, call], line }));
  };
  for (const call of own?.pairCalls ?? []) for (const r of (call.direct ? direct : helpers).get(call.helper) ?? []) for (const first of call.firsts) add(r, call.line, first, call.helper);
  for (const r of own?.fieldRoutes ?? []) add(r, r.line);
  return out;
}
