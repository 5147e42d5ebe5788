// Gutter badges on line 1 of drifted files and on route handler lines. Each decoration type is
// created once and disposed with this owner; every render sets every type on every visible
// editor (an empty list clears it), so no badge can outlive its cause.
import * as vscode from 'vscode';
import { computeGutterMarks, GUTTER_KINDS, type GutterKind, type GutterMarks } from '../core/view/gutterMarks';
import type { ReportStore } from './reportStore';
import { trustedMarkdown } from './trustedMarkdown';

/** Editors scroll and switch in bursts; one render per burst is enough. */
const RENDER_DELAY_MS = 50;

export class GutterDecorations implements vscode.Disposable {
  private readonly types: Record<GutterKind, vscode.TextEditorDecorationType>;
  private marks: GutterMarks = new Map();
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(mediaUri: vscode.Uri, store: ReportStore) {
    const type = (kind: GutterKind) =>
      vscode.window.createTextEditorDecorationType({
        gutterIconPath: vscode.Uri.joinPath(mediaUri, `gutter-${kind}.svg`),
        gutterIconSize: 'contain',
      });
    this.types = Object.fromEntries(GUTTER_KINDS.map((k) => [k, type(k)])) as Record<GutterKind, vscode.TextEditorDecorationType>;
    this.subscriptions.push(
      store.onDidChangeReports((reports) => {
        this.marks = computeGutterMarks(reports);
        this.schedule();
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
    );
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const editor of vscode.window.visibleTextEditors) this.render(editor);
    }, RENDER_DELAY_MS);
  }

  private render(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const marks = doc.uri.scheme === 'file' ? (this.marks.get(doc.uri.fsPath) ?? []) : [];
    for (const kind of GUTTER_KINDS) {
      const options: vscode.DecorationOptions[] = marks
        .filter((m) => m.kind === kind && m.line <= doc.lineCount)
        .map((m) => ({ range: doc.lineAt(m.line - 1).range, hoverMessage: trustedMarkdown(m.hover) }));
      editor.setDecorations(this.types[kind], options);
    }
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    for (const kind of GUTTER_KINDS) this.types[kind].dispose();
  }
}
