// Owns every lifetime of the extension: the store, the runner, the views, live updates, and the
// registrations of the command table (the handlers live beside their ids in commands.ts).
// activate() builds one of these; disposing it disposes everything it registered.
import * as vscode from 'vscode';
import { secretValues } from '../core/redact';
import { changed, ENGINE_CLIENT_KEYS, RECHECK_KEYS, type Config } from '../core/settings';
import { viewState } from '../core/view/viewState';
import { CheckRunner } from './checkRunner';
import { registerCommands } from './commands';
import { readConfig } from './config';
import { ContainersTree } from './containersTree';
import { DockerTerminals } from './dockerTerminals';
import { ExplorerDecorations } from './explorerDecorations';
import type { ComposeRunnerFactory, BackendLoader } from './backendLoader';
import { GutterDecorations } from './gutterDecorations';
import { LiveUpdates } from './liveUpdates';
import { createLogSink } from './logChannel';
import { ProbeSecrets } from './probeSecrets';
import { DriftProblems } from './problems';
import { RebuildFlow } from './rebuildFlow';
import { REPORT_SCHEME, ReportDocumentProvider } from './reportDocument';
import { ReportStore } from './reportStore';
import { RouteCodeLens } from './routeCodeLens';
import { RuntimeStatusBar } from './statusBar';

export const CONTAINERS_VIEW = 'runtimeDrift.containers';
const STATE_CONTEXT_KEY = 'runtimeDrift.state';
const HIDDEN_COMPOSE_CONTEXT_KEY = 'runtimeDrift.composeHidden';

export interface ControllerWiring {
  /** Loads the engine side (dynamic import) on the first check. */
  loadBackend: BackendLoader;
  /** Finds the compose CLI used by rebuilds. */
  composeRunner: ComposeRunnerFactory;
  /** The scan cache's folder (in the extension's global storage). */
  scanCacheDir?: string;
}

export class RuntimeDriftController implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private config: Config = readConfig();
  private readonly channel = vscode.window.createOutputChannel('Runtime Drift', { log: true });
  private readonly store = new ReportStore();
  private readonly runner: CheckRunner;
  private readonly live: LiveUpdates;
  private readonly problems: DriftProblems;

  constructor(context: vscode.ExtensionContext, wiring: ControllerWiring) {
    const secrets = new ProbeSecrets(context.secrets, context.workspaceState);
    // Stored tokens, the variables the user allowed as tokens, and every variable named like a secret.
    const knownSecrets = (): readonly string[] => [...secrets.known(), ...secretValues(process.env, this.config.probe.tokenVariables)];
    const log = createLogSink(this.channel, knownSecrets);
    this.runner = new CheckRunner({ store: this.store, log, secrets, knownSecrets, ...wiring, config: () => this.config });
    this.live = new LiveUpdates(this.runner, this.store, log, () => this.config.autoCheckOnSave, () => this.config.exclude);
    const rebuilds = new RebuildFlow(this.runner);
    const terminals = new DockerTerminals(() => this.config.engineHost);
    const tree = new ContainersTree(this.store);
    const decorations = new ExplorerDecorations(this.store);
    const lenses = new RouteCodeLens(this.store);
    const reportDoc = new ReportDocumentProvider(this.store);
    this.problems = new DriftProblems(this.store, () => this.config.problems.enabled);

    this.disposables.push(
      this.channel,
      this.store,
      this.runner,
      this.live,
      rebuilds,
      terminals,
      tree,
      decorations,
      lenses,
      reportDoc,
      this.problems,
      new GutterDecorations(vscode.Uri.joinPath(context.extensionUri, 'media'), this.store),
      new RuntimeStatusBar(this.store),
      vscode.window.createTreeView(CONTAINERS_VIEW, { treeDataProvider: tree, showCollapseAll: true }),
      vscode.window.registerFileDecorationProvider(decorations),
      vscode.languages.registerCodeLensProvider({ scheme: 'file' }, lenses),
      vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reportDoc),
      vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, this.problems, DriftProblems.metadata),
      ...registerCommands({ store: this.store, runner: this.runner, rebuilds, terminals, secrets, channel: this.channel }, log, knownSecrets),
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
    if (ENGINE_CLIENT_KEYS.some((k) => changed(e, k))) {
      this.runner.resetBackend();
      this.live.restartEngineEvents();
    }
    if (changed(e, 'problems.enabled')) this.problems.refresh();
    if (RECHECK_KEYS.some((k) => changed(e, k))) this.live.scheduleAll();
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, viewState(this.store.all(), this.store.checking, this.store.error));
    // No service, but compose files in hidden folders (.devcontainer): the view says how to choose one.
    void vscode.commands.executeCommand('setContext', HIDDEN_COMPOSE_CONTEXT_KEY, this.store.all().some((r) => (r.composeFilesHidden?.length ?? 0) > 0));
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}
