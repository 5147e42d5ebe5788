// Explorer badge state per file and folder: which source files the running container lacks,
// whether the newest image has them (recreate) or not (build), and the folders holding them.
import { dirname } from 'node:path';
import * as l10n from '@vscode/l10n';
import type { ModuleReport, Report, ServiceReport } from '../model';
import { absoluteIn, folderPrefixIn, foldersWithin, isPlainName } from './paths';
import { fixLabel, ladderLine } from './rungText';
import { shortId } from '../ladder/format';
import { changedKeys } from './sameData';
import { ReadonlyMapBase } from '../readonlyMapBase';

/**
 * missing: in neither image nor container (fix: build). stale: in the image, not the container
 * (fix: recreate). changed: the container has the file, but another build of it (fix: rebuild).
 */
export type FileDriftKind = 'missing' | 'stale' | 'changed';

export const BADGE: Record<FileDriftKind, string> = { missing: 'M', stale: 'S', changed: 'C' };

/** Worst first: a file several services run shows its worst copy. */
const SEVERITY: Record<FileDriftKind, number> = { missing: 3, stale: 2, changed: 1 };

export interface FileDriftState {
  kind: FileDriftKind;
  badge: string;
  tooltip: string;
  folder: boolean;
}

/** Absolute path -> state, for files and for every folder (up to the workspace) that holds one. */
export type FileDriftStates = ReadonlyMap<string, FileDriftState>;

/**
 * The states by folder: the path up to and with its last '/' -> the name after it -> state.
 * The explorer asks for the files of a folder together, and most folders hold no drifted file:
 * a lookup compares its folder with the last one asked instead of hashing the whole path, and a
 * file in a folder without badges is answered without hashing anything (bench/README.md,
 * "decorations"). Every path splits one way, so get() answers what a Map of the paths would.
 */
const NO_FOLDER = '\0';

class StatesByFolder extends ReadonlyMapBase<string, FileDriftState> {
  private readonly folders = new Map<string, Map<string, FileDriftState>>();
  /**
   * The folder of the last lookup, and its names (undefined: none with a state). NO_FOLDER
   * before the first lookup and after a folder is added: it ends with no '/', so no path's
   * folder is ever it (and the field keeps one type, which V8's optimised lookups rely on).
   */
  private lastDir = NO_FOLDER;
  private lastNames: Map<string, FileDriftState> | undefined;

  get size(): number {
    let count = 0;
    for (const names of this.folders.values()) count += names.size;
    return count;
  }

  get(path: string): FileDriftState | undefined {
    const cut = path.lastIndexOf('/') + 1;
    const dir = this.lastDir;
    let names = this.lastNames;
    // slice and === rather than startsWith: V8's startsWith on these strings took about three
    // times as long as the whole lookup does now (bench/README.md, "decorations").
    const next = path.slice(0, cut);
    if (cut !== dir.length || next !== dir) {
      names = this.folders.get(next);
      this.lastDir = next;
      this.lastNames = names;
    }
    return names?.get(cut === 0 ? path : path.slice(cut));
  }

  /**
   * The states of the files in folder `dir` (`dir + name` split at its last '/': dir '' or ending
   * with '/') by name, made empty if the folder has none yet: what the builder sets names in.
   */
  namesIn(dir: string): Map<string, FileDriftState> {
    let names = this.folders.get(dir);
    if (names === undefined) {
      this.folders.set(dir, (names = new Map()));
      // A folder that had no names may have been the last one asked.
      this.lastDir = NO_FOLDER;
    }
    return names;
  }

  set(path: string, state: FileDriftState): void {
    const cut = path.lastIndexOf('/') + 1;
    this.namesIn(path.slice(0, cut)).set(path.slice(cut), state);
  }

  *entries(): IterableIterator<[string, FileDriftState]> {
    for (const [dir, names] of this.folders) for (const [name, state] of names) yield [dir + name, state];
  }

  override *values(): IterableIterator<FileDriftState> {
    for (const names of this.folders.values()) yield* names.values();
  }
}

export function computeFileDriftStates(reports: readonly Report[]): FileDriftStates {
  const states = new DriftStates();
  for (const report of reports) {
    // Without an engine nothing about the container is known: show no badges rather than guesses.
    if (!report.engine.reachable) continue;
    for (const service of report.services) states.addService(report.workspace, service);
  }
  return states.finish();
}

interface Counts {
  missing: number;
  stale: number;
  changed: number;
}

/** The files directly in one folder, counted by kind; `workspace` bounds the walk up to the folders above. */
interface FolderGroup extends Counts {
  workspace: string;
  dir: string;
}

/** What the files directly in one workspace-relative folder of one service share. */
interface ServiceFolder {
  /** Its workspace-relative path: '' or ending with '/' (the part of a file's path up to its last '/'). */
  key: string;
  /**
   * `${absolute folder}/` when a file's absolute path is that plus its name; undefined when each
   * file takes absoluteIn (a path to normalise, a host that is not POSIX).
   */
  prefix: string | undefined;
  /** The folder's group, with `prefix`. */
  group: FolderGroup | undefined;
  /** The module of the folder's files (see moduleNames). */
  module: ModuleReport | undefined;
  /**
   * undefined when no module folder lies below this one: every file here is in `module`, whatever
   * its name. Otherwise the names here that are a module folder themselves (a module whose source
   * is a file): those, and names with a backslash (a separator to module matching, from Windows),
   * take the full match.
   */
  moduleNames: Set<string> | undefined;
  /** One state per kind for the folder's files (their tooltip line is the same); one shape for all folders. */
  states: Record<FileDriftKind, FileDriftState | undefined>;
}

/**
 * The map being built. What a file's state depends on besides its name (absolute folder, module,
 * tooltip line, folder group) is worked out once per folder of a service, and the files of a
 * folder share one state object per kind: a file costs two slices, its path and a map entry.
 * Folders are counted per folder, then walked up once per folder, after the files. With
 * thousands of missing files (a new module, a big stale container) the per-file work is most of
 * the time to answer the explorer (bench/README.md, "decorations").
 */
class DriftStates {
  private readonly out = new StatesByFolder();
  /** `${workspace}\0${absolute folder}` -> its group, in the order folders are first met. */
  private readonly groups = new Map<string, FolderGroup>();
  /** The group a file state's files are counted in: moves a count when another copy of a file is worse. */
  private readonly groupOf = new Map<FileDriftState, FolderGroup>();

  addService(workspace: string, service: ServiceReport): void {
    const folders = new ServiceFolders(this, workspace, service);
    const inImage = service.missingFilesInImage;
    // Usually the newest image has none or all of them (the same list).
    if (inImage.length === 0) this.addFiles(folders, service.missingFiles, 'missing');
    else if (sameList(inImage, service.missingFiles)) this.addFiles(folders, service.missingFiles, 'stale');
    else this.addFiles(folders, service.missingFiles, 'missing', new Set(inImage));
    this.addFiles(folders, service.changedFiles, 'changed');
  }

  /**
   * Puts `rels` as `kind`, or as stale those in `stale`. Files come folder by folder: a run of
   * plain files in one folder goes through addPlainRun, whose loop is small. This runs cold, once
   * per drifted file, and V8 compiles what gets hot on a background thread while it runs: a
   * larger loop here (with every case inline) cost about 14 ms of that thread's CPU in the cold
   * round, which lands in its wall time when the other core is busy (bench/README.md,
   * "decorations", session 33).
   */
  private addFiles(folders: ServiceFolders, rels: readonly string[], kind: FileDriftKind, stale?: ReadonlySet<string>): void {
    let i = 0;
    while (i < rels.length) {
      const rel = rels[i] as string;
      // The folder keeps its trailing slash: '' for a file in the workspace root, '/' for an absolute path.
      const folder = folders.get(rel.slice(0, rel.lastIndexOf('/') + 1));
      const next = this.addPlainRun(folders, folder, rels, i, kind, stale);
      if (next > i) {
        i = next;
        continue;
      }
      this.addOther(folders, folder, rel, stale !== undefined && stale.has(rel) ? 'stale' : kind);
      i += 1;
    }
  }

  /**
   * From rels[start], the files directly in `folder` that take its shared state (a plain name,
   * in the folder's module): put by name in the folder's map (StatesByFolder), the prefix being
   * the folder's. Returns the index of the first file it did not put.
   */
  private addPlainRun(folders: ServiceFolders, folder: ServiceFolder, rels: readonly string[], start: number, kind: FileDriftKind, stale: ReadonlySet<string> | undefined): number {
    const { key, prefix, group, moduleNames } = folder;
    if (prefix === undefined || group === undefined) return start;
    let names: Map<string, FileDriftState> | undefined;
    let i = start;
    for (; i < rels.length; i++) {
      const rel = rels[i] as string;
      const slash = rel.lastIndexOf('/');
      // slice and === rather than startsWith (see StatesByFolder.get).
      if (slash !== key.length - 1 || rel.slice(0, slash + 1) !== key) break;
      const name = rel.slice(slash + 1);
      if ((moduleNames !== undefined && (name.includes('\\') || moduleNames.has(name))) || !isPlainName(name)) break;
      const fileKind = stale !== undefined && stale.has(rel) ? 'stale' : kind;
      names ??= this.out.namesIn(prefix);
      this.put(names, name, folder.states[fileKind] ?? folders.state(folder, fileKind), group);
    }
    return i;
  }

  /** A file addPlainRun does not take: its own absolute path, folder group and module. */
  private addOther(folders: ServiceFolders, folder: ServiceFolder, rel: string, kind: FileDriftKind): void {
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    const folderModule = folder.moduleNames === undefined || (!name.includes('\\') && !folder.moduleNames.has(name));
    const path = absoluteIn(folders.workspace, rel);
    const own = this.group(folders.workspace, dirname(path));
    const cut = path.lastIndexOf('/') + 1;
    this.put(this.out.namesIn(path.slice(0, cut)), path.slice(cut), this.fileState(kind, folders.line(folderModule ? folder.module : folders.moduleOf(rel), kind), own), own);
  }

  group(workspace: string, dir: string): FolderGroup {
    const key = `${workspace}\0${dir}`;
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { workspace, dir, missing: 0, stale: 0, changed: 0 }));
    return group;
  }

  /** A state for files counted in `group`; one-line tooltip. */
  fileState(kind: FileDriftKind, tooltip: string, group: FolderGroup): FileDriftState {
    const state: FileDriftState = { kind, badge: BADGE[kind], tooltip, folder: false };
    this.groupOf.set(state, group);
    return state;
  }

  /** Puts file `name` of a folder (its `names`, from StatesByFolder.namesIn) whose `state` counts in `group`. */
  private put(names: Map<string, FileDriftState>, name: string, state: FileDriftState, group: FolderGroup): void {
    const old = names.get(name);
    if (old === undefined) {
      names.set(name, state);
      group[state.kind] += 1;
      return;
    }
    // A file several services run is as bad as its worst copy, and counts once, in the folder
    // group it was first met in (the first report's workspace bounds its folders).
    const first = this.groupOf.get(old) ?? group;
    const kind = SEVERITY[state.kind] > SEVERITY[old.kind] ? state.kind : old.kind;
    first[old.kind] -= 1;
    first[kind] += 1;
    const merged: FileDriftState = { kind, badge: BADGE[kind], tooltip: `${old.tooltip}\n${state.tooltip}`, folder: false };
    this.groupOf.set(merged, first);
    names.set(name, merged);
  }

  finish(): FileDriftStates {
    const folders = new Map<string, Counts>();
    for (const group of this.groups.values()) {
      if (group.missing + group.stale + group.changed === 0) continue;
      for (const dir of foldersWithin(group.workspace, group.dir)) {
        const counts = folders.get(dir) ?? { missing: 0, stale: 0, changed: 0 };
        counts.missing += group.missing;
        counts.stale += group.stale;
        counts.changed += group.changed;
        folders.set(dir, counts);
      }
    }
    for (const [dir, counts] of folders) {
      if (this.out.has(dir)) continue;
      const kind: FileDriftKind = counts.missing > 0 ? 'missing' : counts.stale > 0 ? 'stale' : 'changed';
      this.out.set(dir, { kind, badge: BADGE[kind], tooltip: folderTooltip(counts), folder: true });
    }
    return this.out;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A module folder of a service, `/` separated, without trailing slash. */
interface ModuleFolder {
  m: ModuleReport;
  folder: string;
  inside: string;
}

/** The folders, modules and tooltip lines of one service's files, each worked out once. */
class ServiceFolders {
  private readonly folders = new Map<string, ServiceFolder>();
  private readonly modules: ModuleFolder[];
  private readonly lines = new Map<ModuleReport | undefined, Partial<Record<FileDriftKind, string>>>();

  constructor(
    private readonly states: DriftStates,
    readonly workspace: string,
    private readonly service: ServiceReport,
  ) {
    this.modules = service.modules.map((m) => {
      const source = slashed(m.source);
      const folder = source.endsWith('/') ? source.replace(/\/+$/, '') : source;
      return { m, folder, inside: `${folder}/` };
    });
  }

  /** The folder `key` ('' or ending with '/', workspace-relative). */
  get(key: string): ServiceFolder {
    let folder = this.folders.get(key);
    if (folder === undefined) this.folders.set(key, (folder = this.folder(key)));
    return folder;
  }

  /** The state the folder's plain files of `kind` share. */
  state(folder: ServiceFolder, kind: FileDriftKind): FileDriftState {
    return (folder.states[kind] ??= this.states.fileState(kind, this.line(folder.module, kind), folder.group as FolderGroup));
  }

  line(module: ModuleReport | undefined, kind: FileDriftKind): string {
    let byKind = this.lines.get(module);
    if (!byKind) this.lines.set(module, (byKind = {}));
    return (byKind[kind] ??= driftedFileText(this.service, module, kind));
  }

  /** As moduleOfFile, on folders normalised once per service: the longest module folder holding `rel`, first on a tie. */
  moduleOf(rel: string): ModuleReport | undefined {
    const file = slashed(rel);
    let module: ModuleReport | undefined;
    for (const f of this.modules) {
      if ((file === f.folder || file.startsWith(f.inside)) && (!module || f.folder.length > module.source.length)) module = f.m;
    }
    return module;
  }

  private folder(key: string): ServiceFolder {
    const prefix = folderPrefixIn(this.workspace, key);
    const dir = slashed(key);
    let moduleNames: Set<string> | undefined;
    for (const f of this.modules) {
      if (!f.folder.startsWith(dir)) continue;
      moduleNames ??= new Set();
      if (!f.folder.includes('/', dir.length)) moduleNames.add(f.folder.slice(dir.length));
    }
    return {
      key,
      prefix,
      group: prefix === undefined ? undefined : this.states.group(this.workspace, key === '' ? this.workspace : prefix.slice(0, -1)),
      // A module folder holds a file of this folder exactly when it holds the folder (a file
      // that is a module folder itself aside); nothing holds the root's files.
      module: dir === '' ? undefined : this.moduleOf(dir),
      moduleNames,
      states: { missing: undefined, stale: undefined, changed: undefined },
    };
  }
}

function slashed(path: string): string {
  return path.includes('\\') ? path.replace(/\\/g, '/') : path;
}

/** One service's words for one drifted file: where it is missing, the fix, and its module's ladder. */
export function driftedFileText(service: ServiceReport, module: ModuleReport | undefined, kind: FileDriftKind): string {
  const container = service.container ? `${service.container.name} (${shortId(service.container.id)})` : l10n.t('no container');
  const ladder = module ? `\n${module.name}: ${ladderLine(module.rungs)}` : '';
  const where =
    kind === 'stale'
      ? l10n.t`${service.name}: not in the running container ${container}; the newest image ${shortId(service.image.id)} has it — fix: recreate (${fixLabel(service)})`
      : kind === 'changed'
        ? l10n.t`${service.name}: the running container ${container} has another build of this file (size differs from the local build output) — fix: ${fixLabel(service)}`
        : l10n.t`${service.name}: in neither the image ${shortId(service.image.id)} nor the container ${container} — fix: build (${fixLabel(service)})`;
  return where + ladder;
}

function folderTooltip(counts: { missing: number; stale: number; changed: number }): string {
  const parts: string[] = [];
  if (counts.missing > 0) parts.push(l10n.t`${counts.missing} not built into the image (fix: build)`);
  if (counts.stale > 0) parts.push(l10n.t`${counts.stale} in the image but not the container (fix: recreate)`);
  if (counts.changed > 0) parts.push(l10n.t`${counts.changed} running another build (fix: rebuild)`);
  const total = counts.missing + counts.stale + counts.changed;
  return total === 1 ? l10n.t`Runtime Drift: 1 file not running — ${parts.join(', ')}` : l10n.t`Runtime Drift: ${total} files not running — ${parts.join(', ')}`;

}

/** Paths whose state differs between two snapshots (added, removed or changed), for one batched event. */
export function changedPaths(before: FileDriftStates, after: FileDriftStates): string[] {
  return changedKeys(before, after, (a, b) => a.kind === b.kind && a.tooltip === b.tooltip && a.badge === b.badge);
}
