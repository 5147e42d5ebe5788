// Routes of separate servers joined in one scan. A package may start more than one server (an
// API and a worker's health endpoint, `node src/api/index.js` and `node src/handlers/index.js`),
// each registering its routes in a mount tree of its own, reached from a program of its own. The
// same method and path declared in two such trees are two routes, one per server, each at its
// own file. A route declared again in the same tree, in trees whose folders nest (an app and a
// router it may mount in a way the scan does not read), or in trees some file imports both of
// (one server mounting both in a way the scan does not read), is the same route found twice.
import type { RouteDef } from '../model';

interface EdgeLike {
  parent: { key: string };
  child: { key: string };
}

/** The files of the scan (keys with forward slashes), each with the files of the scan it imports. */
export interface ImportGraph {
  keys: readonly string[];
  importsOf(key: string): readonly string[];
}

/**
 * The routes joined, each with the mount tree it was registered in (`at`), and them made one per
 * method and path where they are one route (`dedupe`).
 */
export class ServerTrees {
  private readonly parents = new Map<string, string[]>();
  private readonly memo = new Map<string, ReadonlySet<string>>();
  private readonly treeOf = new Map<RouteDef, ReadonlySet<string>>();
  /** Each file's importers among the scan's files, made when first asked (only a route found twice asks). */
  private importers: Map<string, string[]> | undefined;
  private readonly programMemo = new Map<string, ReadonlySet<string>>();

  constructor(
    edges: readonly EdgeLike[],
    private readonly graph: ImportGraph,
  ) {
    for (const e of edges) if (e.parent.key !== e.child.key) this.parents.set(e.child.key, [...(this.parents.get(e.child.key) ?? []), e.parent.key]);
  }

  /** `route`, registered by a router of the file `key` (forward slashes); undefined when it is in no mount tree (a Nest controller). */
  at(route: RouteDef, key: string | undefined): RouteDef {
    if (key !== undefined) this.treeOf.set(route, this.topsOf(key));
    return route;
  }

  /**
   * One route per method and path, the first kept (source routes come before config ones and
   * carry file and line), except a source route whose mount tree is apart from every kept one's:
   * another server's route, kept beside it.
   */
  dedupe(routes: readonly RouteDef[]): RouteDef[] {
    const kept = new Map<string, RouteDef[]>();
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      const same = kept.get(key);
      if (!same) kept.set(key, [r]);
      else if (this.isOtherServers(r, same)) same.push(r);
    }
    return [...kept.values()].flat();
  }

  /** The files at the top of the mount tree holding the file `key`, from the mount edges between files. */
  private topsOf(key: string): ReadonlySet<string> {
    const known = this.memo.get(key);
    if (known) return known;
    const got = upTo(key, (at) => this.parents.get(at) ?? []);
    this.memo.set(key, got);
    return got;
  }

  /** The files no file of the scan imports that reach the files `tops` through imports: the programs holding that mount tree. */
  private programsOf(tops: ReadonlySet<string>): ReadonlySet<string> {
    if (!this.importers) {
      this.importers = new Map();
      for (const key of this.graph.keys) for (const to of this.graph.importsOf(key)) if (to !== key) this.importers.set(to, [...(this.importers.get(to) ?? []), key]);
    }
    const importers = this.importers;
    const out = new Set<string>();
    for (const top of tops) {
      const known = this.programMemo.get(top) ?? upTo(top, (at) => importers.get(at) ?? []);
      this.programMemo.set(top, known);
      for (const p of known) out.add(p);
    }
    return out;
  }

  private isOtherServers(r: RouteDef, same: readonly RouteDef[]): boolean {
    const tops = this.treeOf.get(r);
    if (!tops) return false;
    return same.every((k) => {
      const theirs = this.treeOf.get(k);
      return theirs !== undefined && !isBuildCopy(r.file, k.file) && apart(tops, theirs) && disjoint(this.programsOf(tops), this.programsOf(theirs));
    });
  }
}

/** The files with nothing above them (`up`) reached from `key` going up; a cycle with nothing above it is its own top. */
function upTo(key: string, up: (at: string) => readonly string[]): ReadonlySet<string> {
  const seen = new Set([key]);
  const tops = new Set<string>();
  for (const at of seen) {
    const above = up(at);
    if (above.length === 0) tops.add(at);
    for (const p of above) seen.add(p);
  }
  return tops.size > 0 ? tops : seen;
}

/**
 * A build's output committed beside its source (`server/routes/users.ts` and `backend/routes/users.js`,
 * `src/plugins/metrics.ts` and `dist/plugins/metrics.js`): the same file name, bar its extension, in
 * a folder of the same name. One server's route read twice, not two servers'.
 */
function isBuildCopy(a: string | undefined, b: string | undefined): boolean {
  const tail = (f: string) => f.split(/[\\/]/).slice(-2).join('/').replace(/\.[cm]?[jt]sx?$/, '');
  return a !== undefined && b !== undefined && tail(a) === tail(b);
}

function disjoint(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return false;
  return true;
}

const folderOf = (key: string) => key.slice(0, key.lastIndexOf('/') + 1);

/** Two trees are separate servers' when no top of one sits in a folder at or inside a top's folder of the other. */
function apart(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) for (const y of b) if (folderOf(x).startsWith(folderOf(y)) || folderOf(y).startsWith(folderOf(x))) return false;
  return true;
}
