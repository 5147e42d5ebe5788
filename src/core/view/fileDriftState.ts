// Explorer badge state per file and folder: which source files the running container lacks,
// whether the newest image has them (recreate) or not (build), and the folders holding them.
import { dirname } from 'node:path';
import type { ModuleReport, Report, ServiceReport } from '../model';
import { absoluteIn, ancestorsWithin } from './paths';
import { fixLabel, ladderLine } from './rungText';
import { shortId } from '../ladder/format';

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

export function computeFileDriftStates(reports: readonly Report[]): FileDriftStates {
  const files = new Map<string, { kind: FileDriftKind; lines: string[]; workspace: string }>();
  for (const report of reports) {
    // Without an engine nothing about the container is known: show no badges rather than guesses.
    if (!report.engine.reachable) continue;
    for (const service of report.services) {
      const inImage = new Set(service.missingFilesInImage);
      const lineOf = serviceLines(service);
      const drifted: [string, FileDriftKind][] = [
        ...service.missingFiles.map((rel): [string, FileDriftKind] => [rel, inImage.has(rel) ? 'stale' : 'missing']),
        ...service.changedFiles.map((rel): [string, FileDriftKind] => [rel, 'changed']),
      ];
      for (const [rel, kind] of drifted) {
        const abs = absoluteIn(report.workspace, rel);
        const entry = files.get(abs);
        const line = lineOf(rel, kind);
        if (!entry) files.set(abs, { kind, lines: [line], workspace: report.workspace });
        else {
          // A file several services run is as bad as its worst copy.
          if (SEVERITY[kind] > SEVERITY[entry.kind]) entry.kind = kind;
          entry.lines.push(line);
        }
      }
    }
  }

  const out = new Map<string, FileDriftState>();
  const folders = new Map<string, { missing: number; stale: number; changed: number }>();
  // Files of one folder share its ancestors: count per folder first, then walk up once per
  // folder instead of once per file. Folders are met in the same order as file by file.
  const byDir = new Map<string, { workspace: string; file: string; missing: number; stale: number; changed: number }>();
  for (const [abs, entry] of files) {
    out.set(abs, { kind: entry.kind, badge: BADGE[entry.kind], tooltip: entry.lines.join('\n'), folder: false });
    const key = `${entry.workspace}\0${dirname(abs)}`;
    const group = byDir.get(key) ?? { workspace: entry.workspace, file: abs, missing: 0, stale: 0, changed: 0 };
    group[entry.kind] += 1;
    byDir.set(key, group);
  }
  for (const group of byDir.values()) {
    for (const dir of ancestorsWithin(group.workspace, group.file)) {
      const counts = folders.get(dir) ?? { missing: 0, stale: 0, changed: 0 };
      counts.missing += group.missing;
      counts.stale += group.stale;
      counts.changed += group.changed;
      folders.set(dir, counts);
    }
  }
  for (const [dir, counts] of folders) {
    if (out.has(dir)) continue;
    const kind: FileDriftKind = counts.missing > 0 ? 'missing' : counts.stale > 0 ? 'stale' : 'changed';
    out.set(dir, { kind, badge: BADGE[kind], tooltip: folderTooltip(counts), folder: true });
  }
  return out;
}

/**
 * fileLine for the files of one service. A line depends only on the service, the file's module
 * and the kind, so each distinct line is built once; and the module folders are normalised once,
 * not once per file as moduleOfFile does. With thousands of missing files (a new module, a big
 * stale container) this was most of the time to answer the explorer (bench/README.md).
 */
function serviceLines(service: ServiceReport): (rel: string, kind: FileDriftKind) => string {
  // The same match as moduleOfFile: the longest module folder holding the file, first on a tie.
  const folders = service.modules.map((m) => {
    const folder = m.source.replace(/\\/g, '/').replace(/\/+$/, '');
    return { m, folder, inside: `${folder}/` };
  });
  const folderNames = new Set(folders.map((f) => f.folder));
  const match = (file: string, candidates: readonly { m: ModuleReport; folder: string; inside: string }[]): ModuleReport | undefined => {
    let module: ModuleReport | undefined;
    for (const f of candidates) {
      if ((file === f.folder || file.startsWith(f.inside)) && (!module || f.folder.length > module.source.length)) module = f.m;
    }
    return module;
  };
  // A folder holds a file below it exactly when it holds the file's directory (or is it), so the
  // folders that can match are found once per directory; a folder equal to the file itself (a
  // module whose source is a file) is rare and takes the full scan.
  const byDir = new Map<string, { m: ModuleReport; folder: string; inside: string }[]>();
  const lines = new Map<ModuleReport | undefined, Partial<Record<FileDriftKind, string>>>();
  return (rel, kind) => {
    const file = rel.includes('\\') ? rel.replace(/\\/g, '/') : rel;
    let module: ModuleReport | undefined;
    const slash = file.lastIndexOf('/');
    if (slash < 0 || folderNames.has(file)) module = match(file, folders);
    else {
      const dir = file.slice(0, slash);
      let candidates = byDir.get(dir);
      if (!candidates) byDir.set(dir, (candidates = folders.filter((f) => dir === f.folder || dir.startsWith(f.inside))));
      module = match(file, candidates);
    }
    let byKind = lines.get(module);
    if (!byKind) lines.set(module, (byKind = {}));
    return (byKind[kind] ??= fileLine(service, module, kind));
  };
}

function fileLine(service: ServiceReport, module: ModuleReport | undefined, kind: FileDriftKind): string {
  const container = service.container ? `${service.container.name} (${shortId(service.container.id)})` : 'no container';
  const ladder = module ? `\n${module.name}: ${ladderLine(module.rungs)}` : '';
  const where =
    kind === 'stale'
      ? `${service.name}: not in the running container ${container}; the newest image ${shortId(service.image.id)} has it — fix: recreate (${fixLabel(service)})`
      : kind === 'changed'
        ? `${service.name}: the running container ${container} has another build of this file (size differs from the local build output) — fix: ${fixLabel(service)}`
        : `${service.name}: in neither the image ${shortId(service.image.id)} nor the container ${container} — fix: build (${fixLabel(service)})`;
  return where + ladder;
}

function folderTooltip(counts: { missing: number; stale: number; changed: number }): string {
  const parts: string[] = [];
  if (counts.missing > 0) parts.push(`${counts.missing} not built into the image (fix: build)`);
  if (counts.stale > 0) parts.push(`${counts.stale} in the image but not the container (fix: recreate)`);
  if (counts.changed > 0) parts.push(`${counts.changed} running another build (fix: rebuild)`);
  const total = counts.missing + counts.stale + counts.changed;
  return `Runtime Drift: ${total} file${total === 1 ? '' : 's'} not running — ${parts.join(', ')}`;
}

/** Paths whose state differs between two snapshots (added, removed or changed), for one batched event. */
export function changedPaths(before: FileDriftStates, after: FileDriftStates): string[] {
  const changed: string[] = [];
  for (const [path, state] of after) {
    const old = before.get(path);
    if (!old || old.kind !== state.kind || old.tooltip !== state.tooltip || old.badge !== state.badge) changed.push(path);
  }
  for (const path of before.keys()) if (!after.has(path)) changed.push(path);
  return changed.sort();
}
