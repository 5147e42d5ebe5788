// Drift as Problems-panel entries, plain data: line 1 of each source file the running container
// lacks or runs another build of, and each route handler whose live route answers 404. Each says
// what the ladder says (which copy lacks it, the fix) and carries the service's action as its
// quick fix. The extension turns these into a DiagnosticCollection (src/vscode/problems.ts).
import type { Report, RouteReport, ServiceReport } from '../model';
import { routeLensTitle } from './codeLensModel';
import { ACTION_COMMAND } from '../commandIds';
import { driftedFileText, type FileDriftKind } from './fileDriftState';
import { absoluteIn } from './paths';
import { moduleOfFile } from './rungText';
import { refOf, type ServiceRef } from './serviceRef';

/** Also the diagnostics' `source`: what the Problems panel says each entry comes from. */
export const PROBLEM_SOURCE = 'Runtime Drift';

export type ProblemCode = 'file-not-built' | 'file-not-in-container' | 'file-another-build' | 'route-missing';

/**
 * Not built into the image is an error (no container can run it before a build); what the image
 * has but the container lacks, or runs in another build, and a live 404 are warnings, like the
 * status bar's "drifted".
 */
export type ProblemSeverity = 'error' | 'warning';

export interface ProblemFix {
  /** Button text, the service's action: "Recreate api". */
  title: string;
  command: string;
  ref: ServiceRef;
}

export interface Problem {
  /** 1-based line. */
  line: number;
  severity: ProblemSeverity;
  code: ProblemCode;
  message: string;
  fix: ProblemFix | undefined;
}

/** Absolute file path -> its problems, in line order. */
export type Problems = ReadonlyMap<string, readonly Problem[]>;

const FILE_CODE: Record<FileDriftKind, ProblemCode> = { missing: 'file-not-built', stale: 'file-not-in-container', changed: 'file-another-build' };

export function computeProblems(reports: readonly Report[]): Problems {
  const out = new Map<string, Problem[]>();
  const add = (file: string, problem: Problem) => {
    const list = out.get(file);
    if (list) list.push(problem);
    else out.set(file, [problem]);
  };
  for (const report of reports) {
    // Without an engine nothing about the container is known: no problems rather than guesses.
    if (!report.engine.reachable) continue;
    for (const service of report.services) {
      const fix = fixOf(report, service);
      const inImage = new Set(service.missingFilesInImage);
      const file = (rel: string, kind: FileDriftKind) =>
        add(absoluteIn(report.workspace, rel), {
          line: 1,
          severity: kind === 'missing' ? 'error' : 'warning',
          code: FILE_CODE[kind],
          message: driftedFileText(service, moduleOfFile(service, rel), kind),
          fix,
        });
      for (const rel of service.missingFiles) file(rel, inImage.has(rel) ? 'stale' : 'missing');
      for (const rel of service.changedFiles) file(rel, 'changed');
      for (const route of service.routes) {
        if (route.verdict !== 'missing' || route.file === null || route.line === null) continue;
        add(absoluteIn(report.workspace, route.file), { line: route.line, severity: 'warning', code: 'route-missing', message: routeText(service, route), fix });
      }
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.line - b.line);
  return out;
}

function routeText(service: ServiceReport, route: RouteReport): string {
  const fix = service.action ? ` — fix: ${service.action.label} (${service.action.command})` : '';
  return `${service.name}: ${routeLensTitle(service, route)}${fix}`;
}

function fixOf(report: Report, service: ServiceReport): ProblemFix | undefined {
  const action = service.action;
  return action ? { title: action.label, command: ACTION_COMMAND[action.kind], ref: refOf(report, service) } : undefined;
}
