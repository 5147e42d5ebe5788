// Starts a real VS Code (code-server, installed by scripts/e2e-setup.mjs) with one packaged
// extension installed, in throwaway user-data and extensions folders, so each test run sees a
// fresh profile and never the developer's own.

import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The first start compiles nothing, but on two busy cores the server can take ~10 s to listen. */
const STARTUP_TIMEOUT_MS = 60_000;
const INSTALL_TIMEOUT_MS = 120_000;
/** How long stop() lets code-server shut its extension hosts down before SIGKILL. */
const STOP_GRACE_MS = 5_000;

export type CodeServerOptions = {
  /** Packaged extension to install before the server starts. */
  vsix: string;
  /** Folder opened as the workspace. */
  workspace: string;
  /** Port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /** Merged over the defaults into User/settings.json. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and so for the extension host. */
  env?: Record<string, string>;
  /**
   * Keep workspace trust on: the folder then opens in restricted mode, without the startup
   * prompt (security.workspace.trust.startupPrompt "never"). Default off.
   */
  restricted?: boolean;
  /**
   * The display language (code-server's --locale). VS Code uses it only once a language pack for
   * it is installed through the running server (browser.ts installVsix), then the page reloaded.
   */
  locale?: string;
};

export type CodeServer = {
  url: string;
  userDataDir: string;
  extensionsDir: string;
  /** code-server's stdout and stderr, kept for diagnosing a failed test. */
  logFile: string;
  stop(): Promise<void>;
};

/**
 * Trust and startup editor: without them a dialog or the welcome page covers the workbench.
 * The rest keep VS Code from calling the gallery and telemetry hosts, unreachable here anyway.
 */
const BASE_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
};

/** Where scripts/e2e-setup.mjs puts code-server; same override variable as the script. */
export function codeServerLauncher(): string {
  const cacheDir = process.env.RUNTIME_DRIFT_CODE_SERVER_DIR ?? path.join(repoRoot, '.cache', 'code-server');
  const launcher = path.join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(launcher)) {
    throw new Error(`code-server is not installed at ${launcher}; run: node scripts/e2e-setup.mjs`);
  }
  return launcher;
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const launcher = codeServerLauncher();
  const baseDir = await mkdtemp(path.join(tmpdir(), 'rd-e2e-'));
  const userDataDir = path.join(baseDir, 'user-data');
  const extensionsDir = path.join(baseDir, 'extensions');
  const logFile = path.join(baseDir, 'code-server.log');
  const configFile = path.join(baseDir, 'config.yaml');
  await mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  await writeFile(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        ...BASE_SETTINGS,
        ...(opts.restricted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {}),
        ...opts.settings,
      },
      null,
      2,
    ),
  );
  // Without --config code-server creates ~/.config/code-server/config.yaml with a password.
  await writeFile(configFile, 'auth: none\n');

  // A home of its own: code-server writes its logs and heartbeat under ~/.local/share, and the
  // tests must neither read nor leave anything in the user's HOME (a fresh machine is the test machine).
  const home = path.join(baseDir, 'home');
  await mkdir(home, { recursive: true });
  const env = childEnv({ HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share'), XDG_CACHE_HOME: path.join(home, '.cache'), ...opts.env });
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  const install = await execFileAsync(
    process.execPath,
    [launcher, ...common, '--force', '--install-extension', path.resolve(opts.vsix)],
    { env, timeout: INSTALL_TIMEOUT_MS },
  );
  if (!/successfully installed/i.test(install.stdout)) {
    throw new Error(`installing ${opts.vsix} failed:\n${install.stdout}${install.stderr}`);
  }

  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [
      launcher,
      ...common,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(opts.restricted ? [] : ['--disable-workspace-trust']),
      ...(opts.locale ? ['--locale', opts.locale] : []),
      path.resolve(opts.workspace),
    ],
    // detached: its own process group, so stop() also reaches the extension host and pty host.
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const stop = async (): Promise<void> => {
    await killGroup(child);
    log.end();
    if (process.env.RUNTIME_DRIFT_E2E_KEEP !== '1') await rm(baseDir, { recursive: true, force: true });
  };

  try {
    await waitForHealthy(url, child, logFile);
  } catch (error) {
    await killGroup(child);
    log.end();
    throw error;
  }
  return { url, userDataDir, extensionsDir, logFile, stop };
}

function childEnv(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Run from a VS Code terminal, these would make code-server talk to that VS Code instead.
    if (!key.startsWith('VSCODE_')) env[key] = value;
  }
  return { ...env, ...extra };
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('could not pick a free port');
  return address.port;
}

async function waitForHealthy(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}):\n${await tail(logFile)}`);
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${STARTUP_TIMEOUT_MS} ms:\n${await tail(logFile)}`);
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  signalGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child.pid ?? 0, 'SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
  // The extension host may outlive the server by a moment; make sure nothing of the group stays.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Group already gone.
  }
}

async function tail(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-40).join('\n');
}
