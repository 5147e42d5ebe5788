// Commands as one table of `(ctx) => handler` factories (rust-analyzer's createCommands), each
// handler beside its id, registered in one loop. One wrapper logs failures and shows a short
// message (no stack), and refuses commands that run things in an untrusted workspace.
import * as vscode from 'vscode';
import type { ActionKind, ServiceReport } from '../core/model';
import type { LogSink } from '../core/ports';
import { settingName } from '../core/settings';
import { checkMessage } from '../core/view/checkMessage';
import { ACTION_COMMAND, COMMAND, type CommandId } from '../core/commandIds';
import { chosenContainer, findService, refOf } from '../core/view/serviceRef';
import type { CheckRunner } from './checkRunner';
import type { DockerTerminals } from './dockerTerminals';
import { shortError } from './logChannel';
import type { ProbeSecrets } from './probeSecrets';
import type { RebuildFlow } from './rebuildFlow';
import { REPORT_URI } from './reportDocument';
import type { ReportStore } from './reportStore';
import { resolveService } from './servicePicker';

/** What command handlers may use: the controller's long-lived parts, nothing else. */
export interface CommandContext {
  store: ReportStore;
  runner: CheckRunner;
  rebuilds: RebuildFlow;
  terminals: DockerTerminals;
  secrets: ProbeSecrets;
  channel: vscode.OutputChannel;
}

export interface CommandSpec {
  run(...args: unknown[]): unknown;
  /** Runs something (probe, compose, docker exec/logs): refused until the workspace is trusted. */
  requiresTrust?: boolean;
}

export type CommandFactory = (ctx: CommandContext) => CommandSpec;

// ---------------------------------------------------------------------------
// Handlers

// The user's own check walks every source tree (the one way to be sure without waiting for the
// kept trees' background walk); automatic re-checks take them from the file watcher.
const checkRuntime: CommandFactory = (ctx) => ({
  run: async () => {
    await ctx.runner.checkAll({ fullWalk: true });
    const reports = ctx.store.all();
    const down = reports.find((r) => !r.engine.reachable);
    if (down) {
      const settings = vscode.l10n.t('Open Settings');
      const choice = await vscode.window.showErrorMessage(
        vscode.l10n.t('Runtime Drift: {0}', down.engine.error ?? vscode.l10n.t('engine not reachable at {0}', down.engine.host)),
        settings,
      );
      if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', settingName('engineHost'));
      return;
    }
    const said = checkMessage(reports);
    if (said.kind === 'none') return;
    if (said.kind === 'info') {
      if (!ctx.store.error) void vscode.window.showInformationMessage(said.text);
      return;
    }
    const main = said.action;
    const showReport = vscode.l10n.t('Show Report');
    const choice = await vscode.window.showWarningMessage(said.text, ...(main ? [main.label] : []), showReport);
    if (choice === showReport) await vscode.commands.executeCommand(COMMAND.showReport);
    else if (choice && main) await vscode.commands.executeCommand(ACTION_COMMAND[main.kind], main.ref);
  },
});

const refresh: CommandFactory = (ctx) => ({ run: () => ctx.runner.checkAll({ fullWalk: true }) });

const rebuildService: CommandFactory = (ctx) => ({
  requiresTrust: true,
  run: async (arg) => {
    const ref = await resolveService(ctx.store, arg, vscode.l10n.t('Rebuild and recreate which service?'));
    if (ref) await ctx.rebuilds.run(ref);
  },
});

/** Start, recreate or pull one service: the action runs in a terminal, then the service is re-checked. */
function serviceAction(action: Exclude<ActionKind, 'rebuild'>, placeHolder: () => string): CommandFactory {
  return (ctx) => ({
    requiresTrust: true,
    run: async (arg) => {
      const ref = await resolveService(ctx.store, arg, placeHolder(), (s) => action !== 'start' || s.action?.kind === 'start');
      if (ref) await ctx.rebuilds.run(ref, action);
    },
  });
}

const startAll: CommandFactory = (ctx) => ({
  requiresTrust: true,
  run: async (arg) => {
    // From a project node: that project; else every project in the workspace.
    const only = typeof arg === 'object' && arg !== null ? (arg as { projectRef?: { workspace: string; project: string; stackFile?: string } }).projectRef : undefined;
    const refs = ctx.store
      .all()
      .filter((r) => !only || r.workspace === only.workspace)
      .flatMap((r) => r.services.filter((s) => s.action?.kind === 'start' && (!only || (s.project === only.project && s.stackFile === only.stackFile))).map((s) => refOf(r, s)));
    await ctx.rebuilds.startAll(refs);
  },
});

const probeRoutes: CommandFactory = (ctx) => ({
  requiresTrust: true,
  run: async (arg) => {
    const ref = await resolveService(ctx.store, arg, vscode.l10n.t('Probe the routes of which service?'));
    if (!ref) return;
    await ctx.runner.checkServices([ref], { probe: true });
    const found = findService(ctx.store.all(), ref);
    if (found) void vscode.window.showInformationMessage(probeSummary(found.service));
  },
});

const setProbeCredential: CommandFactory = (ctx) => ({
  run: async (arg) => {
    const ref = await resolveService(ctx.store, arg, vscode.l10n.t('Set the probe token for which service?'));
    if (!ref) return;
    const backend = await ctx.runner.getBackend();
    const envName = await backend.tokenEnvName(ref.workspace, ref.project, ref.service);
    if (!envName) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          '{0} declares no token variable. Add "x-runtime-drift: { auth: { bearerTokenEnv: API_TOKEN } }" to the service in its compose file, then set the credential.',
          ref.service,
        ),
      );
      return;
    }
    const token = await vscode.window.showInputBox({
      title: vscode.l10n.t('Probe token for {0}', ref.service),
      prompt: vscode.l10n.t(
        "Bearer token sent when probing {0}. Stored in VS Code's secret storage as {1}; never in settings or logs. Leave empty to remove it.",
        ref.service,
        envName,
      ),
      password: true,
      ignoreFocusOut: true,
    });
    if (token === undefined) return;
    if (token === '') {
      await ctx.secrets.delete(envName);
      void vscode.window.showInformationMessage(vscode.l10n.t('Probe token {0} removed.', envName));
    } else {
      await ctx.secrets.set(envName, token);
      void vscode.window.showInformationMessage(vscode.l10n.t('Probe token {0} stored for {1}.', envName, ref.service));
    }
    if (vscode.workspace.isTrusted) await ctx.runner.checkServices([ref], { probe: true });
  },
});

const showReport: CommandFactory = () => ({
  run: async () => {
    const doc = await vscode.workspace.openTextDocument(REPORT_URI);
    await vscode.window.showTextDocument(doc, { preview: true });
  },
});

const showLogs: CommandFactory = (ctx) => ({
  requiresTrust: true,
  run: async (arg) => {
    const ref = await resolveService(ctx.store, arg, vscode.l10n.t('Show the logs of which service?'), (s) => s.container !== null);
    const service = ref && findService(ctx.store.all(), ref)?.service;
    const container = service && chosenContainer(arg, service);
    if (ref && container) ctx.terminals.showLogs(ref.service, container.id);
    else if (ref) void vscode.window.showWarningMessage(vscode.l10n.t('{0} has no container: nothing to show logs for.', ref.service));
  },
});

const openShell: CommandFactory = (ctx) => ({
  requiresTrust: true,
  run: async (arg) => {
    const ref = await resolveService(ctx.store, arg, vscode.l10n.t('Open a shell in which service?'), (s) => s.container?.state === 'running');
    const service = ref && findService(ctx.store.all(), ref)?.service;
    const container = service && chosenContainer(arg, service);
    if (ref && container?.state === 'running') {
      const backend = await ctx.runner.getBackend();
      if (await backend.hasShell(container.id)) ctx.terminals.openShell(ref.service, container.id);
      else {
        void vscode.window.showWarningMessage(
          vscode.l10n.t(
            "{0}'s image has no shell (/bin/sh): it is distroless or scratch. Its files are still checked through the engine; use Show Logs to see what it does.",
            ref.service,
          ),
        );
      }
    } else if (ref) {
      // The report's own command: it names the engine that was checked (a context, a remote host).
      const start = service?.action?.kind === 'start' ? service.action.command : undefined;
      void vscode.window.showWarningMessage(
        start
          ? vscode.l10n.t('{0} has no running container: start it first ({1}).', ref.service, start)
          : vscode.l10n.t('{0} has no running container: start it first.', ref.service),
      );
    }
  },
});

/** Opens a module's folder (reveals it in the explorer) or a route's file at its line. */
const revealSource: CommandFactory = () => ({
  run: async (arg) => {
    const target = typeof arg === 'object' && arg !== null ? (arg as { resource?: unknown; line?: unknown }) : {};
    if (typeof target.resource !== 'string') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Runtime Drift: choose a module or route in the Containers view to reveal its source.'));
      return;
    }
    const uri = vscode.Uri.file(target.resource);
    const stat = await vscode.workspace.fs.stat(uri).then(
      (s) => s,
      () => undefined,
    );
    if (!stat) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Runtime Drift: {0} does not exist in the workspace.', target.resource));
      return;
    }
    if (stat.type & vscode.FileType.Directory) {
      await vscode.commands.executeCommand('revealInExplorer', uri);
      return;
    }
    const line = typeof target.line === 'number' && target.line > 0 ? target.line - 1 : 0;
    const position = new vscode.Position(line, 0);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
  },
});

const showOutput: CommandFactory = (ctx) => ({ run: () => ctx.channel.show() });

/** The Get Started walkthrough (package.json contributes.walkthroughs), by `publisher.name#id`. */
const WALKTHROUGH = 'runtime-drift.runtime-drift#runtimeDrift.gettingStarted';

const getStarted: CommandFactory = () => ({ run: () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false) });

// ---------------------------------------------------------------------------
// The table: every id package.json contributes, with its handler

export const COMMANDS: Record<CommandId, CommandFactory> = {
  [COMMAND.checkRuntime]: checkRuntime,
  [COMMAND.refresh]: refresh,
  [COMMAND.rebuildService]: rebuildService,
  [COMMAND.startService]: serviceAction('start', () => vscode.l10n.t('Start which service?')),
  [COMMAND.recreateService]: serviceAction('recreate', () => vscode.l10n.t('Recreate which service?')),
  [COMMAND.pullService]: serviceAction('pull', () => vscode.l10n.t('Pull the image of which service?')),
  [COMMAND.startAll]: startAll,
  [COMMAND.probeRoutes]: probeRoutes,
  [COMMAND.setProbeCredential]: setProbeCredential,
  [COMMAND.showReport]: showReport,
  [COMMAND.showLogs]: showLogs,
  [COMMAND.openShell]: openShell,
  [COMMAND.revealSource]: revealSource,
  [COMMAND.showOutput]: showOutput,
  [COMMAND.getStarted]: getStarted,
};

export function registerCommands(ctx: CommandContext, log: LogSink, secrets: () => readonly string[]): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, factory]: [string, CommandFactory]) => {
    const spec = factory(ctx);
    return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      if (spec.requiresTrust && !vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Runtime Drift only reads engine state in an untrusted workspace. Trust this workspace to run probes, rebuilds, logs and shells.'));
        return undefined;
      }
      try {
        return await spec.run(...args);
      } catch (err) {
        const message = shortError(err, secrets());
        log.log('error', `${id} failed: ${message}${err instanceof Error && err.stack ? `\n${err.stack}` : ''}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Runtime Drift: {0}', message));
        return undefined;
      }
    });
  });
}

function probeSummary(service: ServiceReport): string {
  if (service.routes.length === 0) return vscode.l10n.t('{0}: no routes to probe.', service.name);
  const counts = new Map<string, number>();
  for (const r of service.routes) {
    const key = r.status === null ? r.verdict : String(r.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const parts = [...counts].map(([k, n]) => `${n} × ${k}`);
  return vscode.l10n.t('{0}: {1} route(s) probed — {2}.', service.name, service.routes.length, parts.join(', '));
}
