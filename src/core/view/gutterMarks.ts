// Gutter badges per file: line 1 of a file the container lacks, each route handler line
// coloured by what the live route answered, and compose lines the container differs from.
import type { Report, RouteReport, ServiceReport } from '../model';
import { changedFileHover, missingFileHover, routeHover } from './hoverText';
import { absoluteIn } from './paths';
import { configLineMarks } from './configDriftView';

export const GUTTER_KINDS = ['missing', 'stale', 'live', 'auth', 'broken', 'unknown', 'config'] as const;
export type GutterKind = (typeof GUTTER_KINDS)[number];

export interface GutterMark {
  /** 1-based line. */
  line: number;
  kind: GutterKind;
  /** Markdown with command links (trusted for our commands only). */
  hover: string;
}

/** Absolute file path -> marks, at most one per line (a route line wins over the file's line 1). */
export type GutterMarks = ReadonlyMap<string, readonly GutterMark[]>;

export function routeGutterKind(service: ServiceReport, route: RouteReport): GutterKind {
  if (route.authVerdict === 'live') return 'live';
  switch (route.verdict) {
    case 'live':
    case 'exists':
      return 'live';
    case 'needs-auth':
      return 'auth';
    case 'missing':
      // A 404 from a stale container is fixed by recreating, the same story as the S badge.
      return service.staleContainer ? 'stale' : 'missing';
    case 'broken':
      return 'broken';
    case 'unreachable':
    case 'not-probed':
      return 'unknown';
  }
}

export function computeGutterMarks(reports: readonly Report[]): GutterMarks {
  const byFile = new Map<string, Map<number, GutterMark>>();
  const put = (file: string, mark: GutterMark, override: boolean) => {
    const lines = byFile.get(file) ?? new Map<number, GutterMark>();
    if (override || !lines.has(mark.line)) lines.set(mark.line, mark);
    byFile.set(file, lines);
  };
  for (const report of reports) {
    if (!report.engine.reachable) continue;
    for (const service of report.services) {
      const inImage = new Set(service.missingFilesInImage);
      for (const rel of service.missingFiles) {
        const kind: GutterKind = inImage.has(rel) ? 'stale' : 'missing';
        put(absoluteIn(report.workspace, rel), { line: 1, kind, hover: missingFileHover(report, service, rel) }, false);
      }
      for (const rel of service.changedFiles) {
        put(absoluteIn(report.workspace, rel), { line: 1, kind: 'stale', hover: changedFileHover(report, service, rel) }, false);
      }
      for (const route of service.routes) {
        if (route.file === null || route.line === null) continue;
        put(absoluteIn(report.workspace, route.file), { line: route.line, kind: routeGutterKind(service, route), hover: routeHover(report, service, route) }, true);
      }
    }
  }
  // Compose (and env_file) lines whose value the running container does not have.
  for (const m of configLineMarks(reports)) put(m.file, { line: m.line, kind: 'config', hover: m.hover }, false);
  const out = new Map<string, GutterMark[]>();
  for (const [file, lines] of byFile) out.set(file, [...lines.values()].sort((a, b) => a.line - b.line));
  return out;
}
