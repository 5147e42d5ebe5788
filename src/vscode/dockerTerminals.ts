// Logs and shell terminals for a service's container. The docker CLI is started directly with an
// argument array (shellPath/shellArgs): no shell string, nothing for a container name to inject.
import * as vscode from 'vscode';

/** A shell that exits this fast failed to start (no /bin/sh in a distroless image, container stopped). */
const QUICK_EXIT_MS = 3_000;

export class DockerTerminals implements vscode.Disposable {
  private readonly shells = new Map<vscode.Terminal, { service: string; opened: number }>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly engineHost: () => string) {
    this.subscription = vscode.window.onDidCloseTerminal((t) => this.onClosed(t));
  }

  private env(): Record<string, string> | undefined {
    const host = this.engineHost();
    return host ? { DOCKER_HOST: host } : undefined;
  }

  showLogs(service: string, containerId: string): void {
    const terminal = vscode.window.createTerminal({
      name: vscode.l10n.t('Logs {0}', service),
      shellPath: 'docker',
      shellArgs: ['logs', '-f', '--tail', '200', containerId],
      env: this.env(),
      iconPath: new vscode.ThemeIcon('output'),
    });
    terminal.show();
  }

  openShell(service: string, containerId: string): void {
    const terminal = vscode.window.createTerminal({
      name: vscode.l10n.t('Shell {0}', service),
      shellPath: 'docker',
      shellArgs: ['exec', '-it', containerId, 'sh'],
      env: this.env(),
      iconPath: new vscode.ThemeIcon('terminal'),
    });
    this.shells.set(terminal, { service, opened: Date.now() });
    terminal.show();
  }

  private onClosed(terminal: vscode.Terminal): void {
    const shell = this.shells.get(terminal);
    if (!shell) return;
    this.shells.delete(terminal);
    const code = terminal.exitStatus?.code;
    if (code !== undefined && code !== 0 && Date.now() - shell.opened < QUICK_EXIT_MS) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Could not open a shell in {0} (docker exec exited with {1}). The image may have no /bin/sh (distroless or scratch), or the container is not running. Use Show Logs instead.',
          shell.service,
          code,
        ),
      );
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.shells.clear();
  }
}
