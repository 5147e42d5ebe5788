// Command ids in one place: package.json contributes them, views and links point at them.
import type { ActionKind } from './model';

export const COMMAND = {
  checkRuntime: 'runtimeDrift.checkRuntime',
  rebuildService: 'runtimeDrift.rebuildService',
  startService: 'runtimeDrift.startService',
  startAll: 'runtimeDrift.startAll',
  recreateService: 'runtimeDrift.recreateService',
  pullService: 'runtimeDrift.pullService',
  probeRoutes: 'runtimeDrift.probeRoutes',
  setProbeCredential: 'runtimeDrift.setProbeCredential',
  showReport: 'runtimeDrift.showReport',
  refresh: 'runtimeDrift.refresh',
  showLogs: 'runtimeDrift.showLogs',
  openShell: 'runtimeDrift.openShell',
  revealSource: 'runtimeDrift.revealSource',
  showOutput: 'runtimeDrift.showOutput',
  getStarted: 'runtimeDrift.getStarted',
} as const;

export type CommandId = (typeof COMMAND)[keyof typeof COMMAND];

/** The command that runs each kind of service action (model.ts ActionKind). */
export const ACTION_COMMAND = {
  start: COMMAND.startService,
  recreate: COMMAND.recreateService,
  rebuild: COMMAND.rebuildService,
  pull: COMMAND.pullService,
} as const satisfies Record<ActionKind, CommandId>;
