// Which Nest controllers a running app serves: a controller is served only when a module reached
// from the root module (`NestFactory.create(AppModule)`) through `imports` lists it. One that no
// such module lists (left out of every module, or in a module nothing imports) serves no routes.
import type { ExtractedFile, NestModuleInfo } from './extracted';

/**
 * The controllers the root modules reach, by class name; undefined (every controller taken as
 * served) unless every part of the walk is known: a root module found among the files, every
 * module on the way declared once, with its `imports` and `controllers` written out (not built by
 * a call or spread from a list, which could name anything).
 */
export function servedControllers(files: readonly { x: ExtractedFile }[]): Set<string> | undefined {
  const roots = [...new Set(files.map((f) => f.x.nestEntryModule).filter((m): m is string => m !== undefined))];
  const modules = new Map<string, NestModuleInfo>();
  for (const f of files)
    for (const [name, m] of Object.entries(f.x.nestModules ?? {})) {
      // The same class name declared twice (two apps, a test double): which one is meant is not known.
      if (modules.has(name)) return undefined;
      modules.set(name, m);
    }
  if (roots.length === 0 || roots.some((r) => !modules.has(r))) return undefined;
  const reached = new Set<string>();
  const stack = [...roots];
  for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
    const m = modules.get(name);
    if (!m || reached.has(name)) continue;
    if (m.open) return undefined;
    reached.add(name);
    stack.push(...m.imports);
  }
  return new Set([...reached].flatMap((n) => modules.get(n)?.controllers ?? []));
}
