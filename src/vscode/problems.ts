// Drift in the Problems panel: a DiagnosticCollection fed by the pure model
// (src/core/view/problems.ts), updated file by file, and quick fixes that run the service's
// action through its command (Recreate api, Rebuild api, Start db).
import * as vscode from 'vscode';
import type { Report } from '../core/model';
import { computeProblems, PROBLEM_SOURCE, sameProblems, type Problem, type Problems } from '../core/view/problems';
import { changedKeys } from '../core/view/sameData';
import type { ReportStore } from './reportStore';

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning } as const;

export class DriftProblems implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  private readonly collection = vscode.languages.createDiagnosticCollection('runtimeDrift');
  private problems: Problems = new Map();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: ReportStore,
    private readonly enabled: () => boolean,
  ) {
    this.subscription = store.onDidChangeReports((reports) => this.update(reports));
  }

  /** The setting changed: show or clear. */
  refresh(): void {
    this.update(this.store.all());
  }

  private update(reports: readonly Report[]): void {
    const next = this.enabled() ? computeProblems(reports) : new Map<string, readonly Problem[]>();
    const changed = changedKeys(this.problems, next, sameProblems);
    this.problems = next;
    if (changed.length === 0) return;
    this.collection.set(changed.map((file) => [vscode.Uri.file(file), next.get(file)?.map(toDiagnostic)]));
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const problems = this.problems.get(document.uri.fsPath) ?? [];
    const actions = new Map<string, vscode.CodeAction>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== PROBLEM_SOURCE) continue;
      const fix = problems.find((p) => p.line === diagnostic.range.start.line + 1 && p.message === diagnostic.message)?.fix;
      if (!fix) continue;
      const key = `${fix.command}\u0000${fix.title}`;
      const known = actions.get(key);
      if (known) {
        known.diagnostics?.push(diagnostic);
        continue;
      }
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.command = { command: fix.command, title: fix.title, arguments: [fix.ref] };
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.set(key, action);
    }
    return [...actions.values()];
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

function toDiagnostic(problem: Problem): vscode.Diagnostic {
  // The whole line: VS Code clamps the end to the line's length.
  const range = new vscode.Range(problem.line - 1, 0, problem.line - 1, Number.MAX_SAFE_INTEGER);
  const diagnostic = new vscode.Diagnostic(range, problem.message, SEVERITY[problem.severity]);
  diagnostic.source = PROBLEM_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}
