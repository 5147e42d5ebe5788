// Owns every lifetime of the extension: the store, the runner, the views, live updates and the
// command table. activate() builds one of these; disposing it disposes everything it registered.
import * as vscode from 'vscode';
import { secretValues } from '../core/redact';
import type { ActionKind, Report } from '../core/model';
import { ACTION_COMMAND, COMMAND, type CommandId } from '../core/view/commandIds';
import { checkMessage } from '../core/view/checkMessage';
import { findService, refOf } from '../core/view/serviceRef';
import { changed, type Config, type ConfigKey } from '../core/view/settings';
import { viewState } from '../core/view/viewState';
import { CheckRunner } from './checkRunner';
import { registerCommands, type CommandTable } from './commands';
import { readConfig } from './config';
import { ContainersTree } from './containersTree';
import { DockerTerminals } from './dockerTerminals';
import { ExplorerDecorations } from './explorerDecorations';
import type { ComposeRunnerFactory, RuntimeLoader } from './extensionRuntime';
import { GutterDecorations } from './gutterDecorations';
import { LiveUpdates } from './liveUpdates';
import { createLogSink } from './logChannel';
import { ProbeSecrets } from './probeSecrets';
import { RebuildFlow } from './rebuildFlow';
import { REPORT_SCHEME, REPORT_URI, ReportDocumentProvider } from './reportDocument';
import { ReportStore } from './reportStore';
import { RouteCodeLens } from './routeCodeLens';
import { resolveService } from './servicePicker';
import { RuntimeStatusBar } from './statusBar';

export const CONTAINERS_VIEW = 'runtimeDrift.containers';
const STATE_CONTEXT_KEY = 'runtimeDrift.state';
const ALL_KEYS: ConfigKey[] = ['engineHost', 'probe.enabled', 'probe.timeoutMs', 'probe.methods', 'autoCheckOnSave', 'exclude', 'listing'];

export interface ControllerWiring {
  /** Loads the engine side (dynamic import) on the first check. */
  loadRuntime: RuntimeLoader;
  /** Finds the compose CLI used by rebuilds. */
  composeRunner: ComposeRunnerFactory;
}

export class RuntimeDriftController implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private config: Config = readConfig();
  private readonly channel = vscode.window.createOutputChannel('Runtime Drift', { log: true });
  private readonly secrets: ProbeSecrets;
  private readonly store = new ReportStore();
  private readonly runner: CheckRunner;
  private readonly live: LiveUpdates;
  private readonly rebuilds: RebuildFlow;
  private readonly terminals: DockerTerminals;

  constructor(context: vscode.ExtensionContext, wiring: ControllerWiring) {
    this.secrets = new ProbeSecrets(context.secrets, context.workspaceState);
    // Stored tokens, the variables the user allowed as tokens, and every variable named like a secret.
    const knownSecrets = (): readonly string[] => [...this.secrets.known(), ...secretValues(process.env, this.config.probe.tokenVariables)];
    const log = createLogSink(this.channel, knownSecrets);
    this.runner = new CheckRunner({ store: this.store, log, secrets: this.secrets, knownSecrets, ...wiring, config: () => this.config });
    this.live = new LiveUpdates(this.runner, this.store, log, () => this.config.autoCheckOnSave, () => this.config.exclude);
    this.rebuilds = new RebuildFlow(this.runner);
    this.terminals = new DockerTerminals(() => this.config.engineHost);
    const tree = new ContainersTree(this.store);
    const decorations = new ExplorerDecorations(this.store);
    const lenses = new RouteCodeLens(this.store);
    const reportDoc = new ReportDocumentProvider(this.store);

    this.disposables.push(
      this.channel,
      this.store,
      this.runner,
      this.live,
      this.rebuilds,
      this.terminals,
      tree,
      decorations,
      lenses,
      reportDoc,
      new GutterDecorations(vscode.Uri.joinPath(context.extensionUri, 'media'), this.store),
      new RuntimeStatusBar(this.store),
      vscode.window.createTreeView(CONTAINERS_VIEW, { treeDataProvider: tree, showCollapseAll: true }),
      vscode.window.registerFileDecorationProvider(decorations),
      vscode.languages.registerCodeLensProvider({ scheme: 'file' }, lenses),
      vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reportDoc),
      ...registerCommands(this.commands(), log, knownSecrets),
      this.store.onDidChangeReports(() => this.updateContext()),
      this.store.onDidChangeStatus(() => this.updateContext()),
      vscode.workspace.onDidChangeConfiguration((e) => this.onConfig(e)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.live.scheduleAll()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.live.scheduleAll()),
    );
  }

  /** Called once after construction: the first check is scheduled, activation does not wait for it. */
  start(): void {
    this.updateContext();
    this.onConfig(undefined);
  }

  /** One handler for activation (e undefined) and later changes. */
  private onConfig(e: vscode.ConfigurationChangeEvent | undefined): void {
    this.config = readConfig();
    if (changed(e, 'engineHost') || changed(e, 'probe.timeoutMs') || changed(e, 'listing')) {
      this.runner.resetRuntime();
      this.live.restartEngineEvents();
    }
    if (ALL_KEYS.some((k) => changed(e, k))) this.live.scheduleAll();
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, viewState(this.store.all(), this.store.checking, this.store.error));
  }

  private commands(): CommandTable {
    const store = this.store;
    return {
      [COMMAND.checkRuntime]: { run: () => this.checkAndSay() },
      [COMMAND.refresh]: { run: () => this.runner.checkAll() },
      [COMMAND.rebuildService]: {
        requiresTrust: true,
        run: async (arg) => {
          const ref = await resolveService(store, arg, 'Rebuild and recreate which service?');
          if (ref) await this.rebuilds.run(ref);
        },
      },
      [COMMAND.startService]: this.actionCommand('start', 'Start which service?'),
      [COMMAND.recreateService]: this.actionCommand('recreate', 'Recreate which service?'),
      [COMMAND.pullService]: this.actionCommand('pull', 'Pull the image of which service?'),
      [COMMAND.startAll]: {
        requiresTrust: true,
        run: async (arg) => {
          // From a project node: that project; else every project in the workspace.
          const only = typeof arg === 'object' && arg !== null ? (arg as { projectRef?: { workspace: string; project: string } }).projectRef : undefined;
          const refs = store
            .all()
            .filter((r) => !only || r.workspace === only.workspace)
            .flatMap((r) => r.services.filter((s) => s.action?.kind === 'start' && (!only || s.project === only.project)).map((s) => refOf(r, s)));
          await this.rebuilds.startAll(refs);
        },
      },
      [COMMAND.probeRoutes]: {
        requiresTrust: true,
        run: async (arg) => {
          const ref = await resolveService(store, arg, 'Probe the routes of which service?');
          if (!ref) return;
          await this.runner.checkServices([ref], { probe: true });
          const found = findService(store.all(), ref);
          if (found) void vscode.window.showInformationMessage(probeSummary(found.service));
        },
      },
      [COMMAND.setProbeCredential]: { run: (arg) => this.setProbeCredential(arg) },
      [COMMAND.showReport]: {
        run: async () => {
          const doc = await vscode.workspace.openTextDocument(REPORT_URI);
          await vscode.window.showTextDocument(doc, { preview: true });
        },
      },
      [COMMAND.showLogs]: {
        requiresTrust: true,
        run: async (arg) => {
          const ref = await resolveService(store, arg, 'Show the logs of which service?', (s) => s.container !== null);
          const container = ref && findService(store.all(), ref)?.service.container;
          if (ref && container) this.terminals.showLogs(ref.service, container.id);
          else if (ref) void vscode.window.showWarningMessage(`${ref.service} has no container: nothing to show logs for.`);
        },
      },
      [COMMAND.openShell]: {
        requiresTrust: true,
        run: async (arg) => {
          const ref = await resolveService(store, arg, 'Open a shell in which service?', (s) => s.container?.state === 'running');
          const container = ref && findService(store.all(), ref)?.service.container;
          if (ref && container?.state === 'running') {
            const runtime = await this.runner.getRuntime();
            if (await runtime.hasShell(container.id)) this.terminals.openShell(ref.service, container.id);
            else {
              void vscode.window.showWarningMessage(
                `${ref.service}'s image has no shell (/bin/sh): it is distroless or scratch. Its files are still checked through the engine; use Show Logs to see what it does.`,
              );
            }
          } else if (ref) void vscode.window.showWarningMessage(`${ref.service} has no running container: start it first (docker compose up -d ${ref.service}).`);
        },
      },
      [COMMAND.revealSource]: { run: (arg) => revealSource(arg) },
      [COMMAND.showOutput]: { run: () => this.channel.show() },
    };
  }

  private actionCommand(action: ActionKind, placeHolder: string): CommandTable[CommandId] {
    return {
      requiresTrust: true,
      run: async (arg) => {
        const ref = await resolveService(this.store, arg, placeHolder, (s) => action !== 'start' || s.action?.kind === 'start');
        if (ref) await this.rebuilds.run(ref, action);
      },
    };
  }

  private async checkAndSay(): Promise<void> {
    await this.runner.checkAll();
    const reports = this.store.all();
    const down = reports.find((r) => !r.engine.reachable);
    if (down) {
      const choice = await vscode.window.showErrorMessage(`Runtime Drift: ${down.engine.error ?? `engine not reachable at ${down.engine.host}`}`, 'Open Settings');
      if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'runtimeDrift.engineHost');
      return;
    }
    const said = checkMessage(reports);
    if (said.kind === 'none') return;
    if (said.kind === 'info') {
      if (!this.store.error) void vscode.window.showInformationMessage(said.text);
      return;
    }
    const main = said.action;
    const choice = await vscode.window.showWarningMessage(said.text, ...(main ? [main.label] : []), 'Show Report');
    if (choice === 'Show Report') await vscode.commands.executeCommand(COMMAND.showReport);
    else if (choice && main) await vscode.commands.executeCommand(ACTION_COMMAND[main.kind], main.ref);
  }

  private async setProbeCredential(arg: unknown): Promise<void> {
    const ref = await resolveService(this.store, arg, 'Set the probe token for which service?');
    if (!ref) return;
    const runtime = await this.runner.getRuntime();
    const envName = await runtime.tokenEnvName(ref.workspace, ref.project, ref.service);
    if (!envName) {
      void vscode.window.showWarningMessage(
        `${ref.service} declares no token variable. Add "x-runtime-drift: { auth: { bearerTokenEnv: API_TOKEN } }" to the service in its compose file, then set the credential.`,
      );
      return;
    }
    const token = await vscode.window.showInputBox({
      title: `Probe token for ${ref.service}`,
      prompt: `Bearer token sent when probing ${ref.service}. Stored in VS Code's secret storage as ${envName}; never in settings or logs. Leave empty to remove it.`,
      password: true,
      ignoreFocusOut: true,
    });
    if (token === undefined) return;
    if (token === '') {
      await this.secrets.delete(envName);
      void vscode.window.showInformationMessage(`Probe token ${envName} removed.`);
    } else {
      await this.secrets.set(envName, token);
      void vscode.window.showInformationMessage(`Probe token ${envName} stored for ${ref.service}.`);
    }
    if (vscode.workspace.isTrusted) await this.runner.checkServices([ref], { probe: true });
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}

function probeSummary(service: Report['services'][number]): string {
  if (service.routes.length === 0) return `${service.name}: no routes to probe.`;
  const counts = new Map<string, number>();
  for (const r of service.routes) {
    const key = r.status === null ? r.verdict : String(r.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const parts = [...counts].map(([k, n]) => `${n} × ${k}`);
  return `${service.name}: ${service.routes.length} route(s) probed — ${parts.join(', ')}.`;
}

/** Opens a module's folder (reveals it in the explorer) or a route's file at its line. */
async function revealSource(arg: unknown): Promise<void> {
  const target = typeof arg === 'object' && arg !== null ? (arg as { resource?: unknown; line?: unknown }) : {};
  if (typeof target.resource !== 'string') {
    void vscode.window.showInformationMessage('Runtime Drift: choose a module or route in the Containers view to reveal its source.');
    return;
  }
  const uri = vscode.Uri.file(target.resource);
  const stat = await vscode.workspace.fs.stat(uri).then(
    (s) => s,
    () => undefined,
  );
  if (!stat) {
    void vscode.window.showWarningMessage(`Runtime Drift: ${target.resource} does not exist in the workspace.`);
    return;
  }
  if (stat.type & vscode.FileType.Directory) {
    await vscode.commands.executeCommand('revealInExplorer', uri);
    return;
  }
  const line = typeof target.line === 'number' && target.line > 0 ? target.line - 1 : 0;
  const position = new vscode.Position(line, 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
}
