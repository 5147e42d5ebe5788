// Explorer badge state per file and folder: which source files the running container lacks,
// whether the newest image has them (recreate) or not (build), and the folders holding them.
import type { Report, ServiceReport } from '../model';
import { absoluteIn, ancestorsWithin } from './paths';
import { fixLabel, ladderLine, moduleOfFile } from './rungText';
import { shortId } from './timeAgo';

/** missing: in neither image nor container (fix: build). stale: in the image, not the container (fix: recreate). */
export type FileDriftKind = 'missing' | 'stale';

export const BADGE: Record<FileDriftKind, string> = { missing: 'M', stale: 'S' };

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
      for (const rel of service.missingFiles) {
        const kind: FileDriftKind = inImage.has(rel) ? 'stale' : 'missing';
        const abs = absoluteIn(report.workspace, rel);
        const entry = files.get(abs);
        const line = fileLine(service, rel, kind);
        if (!entry) files.set(abs, { kind, lines: [line], workspace: report.workspace });
        else {
          // A file several services run is as bad as its worst copy.
          if (kind === 'missing') entry.kind = 'missing';
          entry.lines.push(line);
        }
      }
    }
  }

  const out = new Map<string, FileDriftState>();
  const folders = new Map<string, { missing: number; stale: number }>();
  for (const [abs, entry] of files) {
    out.set(abs, { kind: entry.kind, badge: BADGE[entry.kind], tooltip: entry.lines.join('\n'), folder: false });
    for (const dir of ancestorsWithin(entry.workspace, abs)) {
      const counts = folders.get(dir) ?? { missing: 0, stale: 0 };
      counts[entry.kind] += 1;
      folders.set(dir, counts);
    }
  }
  for (const [dir, counts] of folders) {
    if (out.has(dir)) continue;
    const kind: FileDriftKind = counts.missing > 0 ? 'missing' : 'stale';
    out.set(dir, { kind, badge: BADGE[kind], tooltip: folderTooltip(counts), folder: true });
  }
  return out;
}

function fileLine(service: ServiceReport, rel: string, kind: FileDriftKind): string {
  const container = service.container ? `${service.container.name} (${shortId(service.container.id)})` : 'no container';
  const module = moduleOfFile(service, rel);
  const ladder = module ? `\n${module.name}: ${ladderLine(module.rungs)}` : '';
  const where =
    kind === 'stale'
      ? `${service.name}: not in the running container ${container}; the newest image ${shortId(service.image.id)} has it — fix: recreate (${fixLabel(service)})`
      : `${service.name}: in neither the image ${shortId(service.image.id)} nor the container ${container} — fix: build (${fixLabel(service)})`;
  return where + ladder;
}

function folderTooltip(counts: { missing: number; stale: number }): string {
  const parts: string[] = [];
  if (counts.missing > 0) parts.push(`${counts.missing} not built into the image (fix: build)`);
  if (counts.stale > 0) parts.push(`${counts.stale} in the image but not the container (fix: recreate)`);
  const total = counts.missing + counts.stale;
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
