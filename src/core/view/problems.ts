// Drift as Problems-panel entries, plain data: line 1 of each source file the running container
// lacks or runs another build of, each route handler whose live route answers 404, and each
// compose line whose value the container was not created with (config drift). Each says
// what the ladder says (which copy lacks it, the fix) and carries the service's action as its
// quick fix. The extension turns these into a DiagnosticCollection (src/vscode/problems.ts).
import * as l10n from '@vscode/l10n';
import type { ModuleReport, Report, RouteReport, ServiceReport } from '../model';
import { routeLensTitle } from './codeLensModel';
import { configFix } from './configDriftView';
import { ACTION_COMMAND } from '../commandIds';
import { driftedFileText, type FileDriftKind } from './fileDriftState';
import { absoluteIn } from './paths';
import { refOf, type ServiceRef } from './serviceRef';

/** Also the diagnostics' `source`: what the Problems panel says each entry comes from. */
export const PROBLEM_SOURCE = 'Runtime Drift';

export type ProblemCode = 'file-not-built' | 'file-not-in-container' | 'file-another-build' | 'route-missing' | 'config-differs';

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
      const text = new FileTexts(service);
      const file = (rel: string, kind: FileDriftKind) =>
        add(absoluteIn(report.workspace, rel), { line: 1, severity: kind === 'missing' ? 'error' : 'warning', code: FILE_CODE[kind], message: text.of(rel, kind), fix });
      for (const rel of service.missingFiles) file(rel, inImage.has(rel) ? 'stale' : 'missing');
      for (const rel of service.changedFiles) file(rel, 'changed');
      for (const route of service.routes) {
        if (route.verdict !== 'missing' || route.file === null || route.line === null) continue;
        add(absoluteIn(report.workspace, route.file), { line: route.line, severity: 'warning', code: 'route-missing', message: routeText(service, route), fix });
      }
      if (service.configDrift.length > 0) {
        const recreate = configFix(service);
        const configFixOf = { title: recreate.title, command: ACTION_COMMAND[recreate.kind], ref: refOf(report, service) };
        for (const d of service.configDrift) {
          if (d.file === null || d.line === null) continue;
          // The evidence never holds a hidden value ("values differ").
          const message = l10n.t`${service.name}: the container was created from an older compose configuration — ${d.evidence} — fix: ${recreate.title}`;
          add(absoluteIn(report.workspace, d.file), { line: d.line, severity: 'warning', code: 'config-differs', message, fix: configFixOf });
        }
      }
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.line - b.line);
  return out;
}

/** Two snapshots' problems of one file agree: what the Problems panel shows and what the quick fix runs. */
export function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  return a.length === b.length && a.every((p, i) => sameProblem(p, b[i]));
}

function sameProblem(a: Problem, b: Problem | undefined): boolean {
  if (!b || a.line !== b.line || a.severity !== b.severity || a.code !== b.code || a.message !== b.message) return false;
  if (!a.fix || !b.fix) return a.fix === b.fix;
  const [x, y] = [a.fix, b.fix];
  return x.title === y.title && x.command === y.command && x.ref.workspace === y.ref.workspace && x.ref.project === y.ref.project && x.ref.service === y.ref.service;
}

/**
 * A drifted file's message depends only on its module and kind: worked out once per pair, with
 * the modules' folders normalised once (a stale container can lack thousands of files).
 */
class FileTexts {
  private readonly folders: { folder: string; module: ModuleReport }[];
  private readonly texts = new Map<ModuleReport | undefined, Partial<Record<FileDriftKind, string>>>();

  constructor(private readonly service: ServiceReport) {
    // Longest folder first: the innermost module holding a file wins (rungText.moduleOfFile's rule).
    this.folders = service.modules
      .map((module) => ({ folder: module.source.replace(/\\/g, '/').replace(/\/+$/, ''), module }))
      .sort((a, b) => b.folder.length - a.folder.length);
  }

  of(rel: string, kind: FileDriftKind): string {
    const file = rel.includes('\\') ? rel.replace(/\\/g, '/') : rel;
    const module = this.folders.find(({ folder }) => file === folder || (file.startsWith(folder) && file[folder.length] === '/'))?.module;
    let byKind = this.texts.get(module);
    if (!byKind) this.texts.set(module, (byKind = {}));
    return (byKind[kind] ??= driftedFileText(this.service, module, kind));
  }
}

function routeText(service: ServiceReport, route: RouteReport): string {
  const title = routeLensTitle(service, route);
  if (!service.action) return `${service.name}: ${title}`;
  return l10n.t`${service.name}: ${title} — fix: ${service.action.label} (${service.action.command})`;

}

function fixOf(report: Report, service: ServiceReport): ProblemFix | undefined {
  const action = service.action;
  return action ? { title: action.label, command: ACTION_COMMAND[action.kind], ref: refOf(report, service) } : undefined;
}
