// A plain router (`express.Router()`, `new Router()`: never an app) serves only where something
// mounts it, and a mount needs an import of its file. A workspace package's file that no import
// of the app's files or of the package files names by its own name (`@x/platforms/procedure-router`,
// `./procedure-router.js`) cannot be mounted by this app: its plain routers are another server's
// (one app mounts the package's router, another depends on the same package for its helpers
// only). Their routes are left out of this app's. An app made in such a file (`new Hono()`
// served there) stays; so does an index file (named by its folder or its package's bare name)
// and a Nest controller (served through modules, appPackages.ts).
import { basename } from 'node:path';
import type { SourceScan } from '../ports';

type Extracted = SourceScan['extracted'];

/** The last segment of a module specifier without a script extension: `./a/b.js` -> `b`. */
function lastName(specifier: string): string {
  const last = specifier.slice(specifier.lastIndexOf('/') + 1);
  return last.replace(/\.[cm]?[jt]sx?$/, '');
}

/** A file's name as an import would end with it, or undefined for an index file (its folder names it). */
function ownName(file: string): string | undefined {
  const stem = basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  return stem === 'index' ? undefined : stem;
}

/** By file of `theirs` that no import of `own` or `theirs` names: its plain routers (whose routes are left out). */
export function unnamedPackageRouters(own: Extracted, theirs: Extracted): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  // Asked on every join: the imports are gathered only when some file of theirs has a plain router.
  if (!theirs.some((e) => e.x.plainRouters !== undefined && Object.keys(e.x.plainRouters).length > 0)) return out;
  const named = new Set([...own, ...theirs].flatMap((e) => e.x.imports.map((i) => lastName(i.source))));
  for (const e of theirs) {
    const name = ownName(e.file);
    const plain = Object.keys(e.x.plainRouters ?? {});
    if (name !== undefined && !named.has(name) && plain.length > 0) out.set(e.file, new Set(plain));
  }
  return out;
}
