// The routes of classes registering at a path a setter gives the instance (setterPaths.ts): for each
// setter call (`new Users(app).setPrefix('/users').register()`), the class and its bases (in its file
// or imported), the field the setter fills, the methods the called method reaches on `this` (a base's
// `register() { this.run() }` reaching the subclass's `run`), and the routes those methods register at
// paths reading that field: one route per value. Their warnings (a field given at run time) go.
import type { ExtractedFile, ExtractedRoute, FieldPathRoute, SetterCall, SetterClass } from './extracted';
import { joinRoutePath } from './joinPath';
import type { ClassFinder } from './inheritedPathRoutes';

interface ClassFile {
  file: string;
  x: ExtractedFile;
}

/** How many classes up an `extends` chain are followed. */
const MAX_BASES = 4;

interface Link<F> {
  at: F;
  name: string;
  c: SetterClass;
}

/** Adds to each class's file the routes its setter calls give it (ExtractedFile.setterCalls), and drops the warnings they answer. */
export function addSetterPathRoutes<F extends ClassFile>(files: readonly F[], find: ClassFinder<F>): void {
  const added = new Map<F, { routes: ExtractedRoute[]; lines: Set<number> }>();
  for (const s of files)
    for (const call of s.x.setterCalls ?? []) {
      const chain = chainOf(s, call.cls, find);
      for (const { at, r } of calledRoutes(chain, call)) {
        const entry = added.get(at) ?? { routes: [], lines: new Set<number>() };
        added.set(at, entry);
        const path = joinRoutePath(r.path.map((p) => (typeof p === 'string' ? p : call.value)).join(''));
        if (!entry.routes.some((x) => x.method === r.method && x.path === path)) entry.routes.push({ method: r.method, path, line: r.line, kind: 'router', router: r.router });
        entry.lines.add(r.line);
      }
    }
  for (const [at, { routes, lines }] of added) at.x = { ...at.x, routes: [...at.x.routes, ...routes], warnings: at.x.warnings.filter((w) => w.id !== 'instanceFieldPath' || !lines.has(w.line ?? 0)) };
}

/** The class a call makes and its bases, nearest first, as far as each is found. */
function chainOf<F extends ClassFile>(s: F, cls: string, find: ClassFinder<F>): Link<F>[] {
  const chain: Link<F>[] = [];
  let found = find(s, cls);
  while (found && chain.length <= MAX_BASES) {
    const c = found.target.x.setterClasses?.[found.name];
    if (!c) break;
    chain.push({ at: found.target, name: found.name, c });
    found = c.base !== undefined ? find(found.target, c.base) : undefined;
  }
  return chain;
}

/** The routes, with their files, that the call's method reaches at paths reading only the field its setter fills. */
function calledRoutes<F extends ClassFile>(chain: Link<F>[], call: SetterCall): Array<{ at: F; r: FieldPathRoute }> {
  const field = chain.map((l) => l.c.setters?.[call.setter]).find((f) => f !== undefined);
  if (field === undefined) return [];
  const reached = new Set<string>();
  const reach = (method: string): void => {
    if (reached.has(method)) return;
    reached.add(method);
    for (const l of chain) for (const next of l.c.calls?.[method] ?? []) reach(next);
  };
  reach(call.then);
  return chain.flatMap((l) =>
    (l.at.x.fieldPathRoutes ?? []).filter((r) => r.cls === l.name && reached.has(r.in) && r.path.every((p) => typeof p === 'string' || ('field' in p && p.field === field))).map((r) => ({ at: l.at, r })),
  );
}
