// Command ids in one place: package.json contributes them, views and links point at them.
export const COMMAND = {
  checkRuntime: 'runtimeDrift.checkRuntime',
  rebuildService: 'runtimeDrift.rebuildService',
  probeRoutes: 'runtimeDrift.probeRoutes',
  setProbeCredential: 'runtimeDrift.setProbeCredential',
  showReport: 'runtimeDrift.showReport',
  refresh: 'runtimeDrift.refresh',
  showLogs: 'runtimeDrift.showLogs',
  openShell: 'runtimeDrift.openShell',
  revealSource: 'runtimeDrift.revealSource',
  showOutput: 'runtimeDrift.showOutput',
} as const;

export type CommandId = (typeof COMMAND)[keyof typeof COMMAND];
