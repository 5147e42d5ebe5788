// A terminal the user can watch while compose builds and recreates: a Pseudoterminal fed with the
// compose output. Output written before VS Code opens the terminal is buffered, not lost.
import * as vscode from 'vscode';

export class RebuildTerminal implements vscode.Pseudoterminal, vscode.Disposable {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private opened = false;
  private pending: string[] = [];
  readonly terminal: vscode.Terminal;

  constructor(name: string) {
    this.terminal = vscode.window.createTerminal({ name, pty: this, iconPath: new vscode.ThemeIcon('package') });
  }

  open(): void {
    this.opened = true;
    for (const text of this.pending) this.writeEmitter.fire(text);
    this.pending = [];
  }

  close(): void {
    this.opened = false;
  }

  /** Terminals need CRLF; compose prints LF (and bare CR for progress lines, kept as is). */
  write(text: string): void {
    const crlf = text.replace(/\r?\n/g, '\r\n');
    if (this.opened) this.writeEmitter.fire(crlf);
    else this.pending.push(crlf);
  }

  line(text: string, style?: 'bold' | 'green' | 'yellow' | 'red'): void {
    const codes = { bold: '1', green: '32', yellow: '33', red: '31' } as const;
    this.write(style ? `\x1b[${codes[style]}m${text}\x1b[0m\n` : `${text}\n`);
  }

  dispose(): void {
    this.terminal.dispose();
    this.writeEmitter.dispose();
    this.closeEmitter.dispose();
  }
}
