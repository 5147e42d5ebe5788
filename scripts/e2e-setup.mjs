#!/usr/bin/env node
// Installs what the end-to-end tests need: Debian's Chromium and ripgrep, and code-server
// 4.100.3 (VS Code 1.100.3 in a browser) in .cache/code-server, following
// /work/shared/RECIPES.md. @vscode/test-electron cannot download VS Code here, so code-server
// from the npm registry is the real VS Code we test against.
//
// Idempotent: a second run only checks (dpkg-query + `code-server --version`) and exits in
// about a second. Prints the launcher path on the last stdout line; other scripts can also
// `import { ensureE2eSetup } from './e2e-setup.mjs'`.
//
// Environment: RUNTIME_DRIFT_CODE_SERVER_DIR overrides the cache folder.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Debian packages: the browser, ripgrep for VS Code's search, and headers for native rebuilds. */
const APT_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'libsecret-1-dev', 'libxkbfile-dev', 'libx11-dev'];

/** Native modules of VS Code's server that must be rebuilt against this Node (the recipe's list). */
const VSCODE_NATIVE_MODULES = ['kerberos', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog', 'node-pty'];

export function defaultCacheDir() {
  return process.env.RUNTIME_DRIFT_CODE_SERVER_DIR ?? path.join(repoRoot, '.cache', 'code-server');
}

/** The file to run with `node` to start code-server from a given cache folder. */
export function codeServerLauncher(cacheDir = defaultCacheDir()) {
  return path.join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

// npm_config_yes answers npx/npm prompts; set for children only so the caller's env is untouched.
const childEnv = {
  ...process.env,
  npm_config_yes: 'true',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  // npm's download cache beside the install, not in the user's home: the setup leaves HOME as it was.
  npm_config_cache: path.join(repoRoot, '.cache', 'npm'),
  ...nodeHeaders(),
};

/**
 * Native rebuilds (argon2, node-pty...) need this Node's headers. node-gyp downloads them unless
 * told where they are, and nothing can be downloaded here: use the system's (Debian's nodejs
 * ships them in /usr/include/node) when they are this Node's, whatever the user's ~/.npmrc says.
 */
function nodeHeaders() {
  try {
    const header = readFileSync('/usr/include/node/node_version.h', 'utf8');
    const part = (name) => new RegExp(`#define ${name} (\\d+)`).exec(header)?.[1];
    const version = `v${part('NODE_MAJOR_VERSION')}.${part('NODE_MINOR_VERSION')}.${part('NODE_PATCH_VERSION')}`;
    return version === process.version ? { npm_config_nodedir: '/usr' } : {};
  } catch {
    return {};
  }
}

function log(message) {
  process.stderr.write(`[e2e-setup] ${message}\n`);
}

function run(cmd, args, cwd) {
  log(`${path.relative(repoRoot, cwd) || '.'}$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd, env: childEnv, stdio: ['ignore', 'inherit', 'inherit'] });
}

function missingAptPackages() {
  // Not-installed packages make dpkg-query exit 1; the status text still tells which.
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...APT_PACKAGES], {
    encoding: 'utf8',
  });
  const installed = new Set(
    result.stdout
      .split('\n')
      .filter((line) => line.endsWith(' installed'))
      .map((line) => line.split(' ')[0].split(':')[0]),
  );
  return APT_PACKAGES.filter((p) => !installed.has(p));
}

function ensureAptPackages() {
  const binariesPresent = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/rg');
  const missing = missingAptPackages();
  if (binariesPresent && missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages (${missing.join(', ')}); run as root or apt-get install them`);
  }
  const aptEnv = { ...childEnv, DEBIAN_FRONTEND: 'noninteractive' };
  log(`apt-get install ${missing.join(' ')}`);
  execFileSync('apt-get', ['update'], { env: aptEnv, stdio: ['ignore', 'inherit', 'inherit'] });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...APT_PACKAGES], {
    env: aptEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/**
 * Runs code-server with a home of its own inside the cache: on its first start code-server
 * writes ~/.config/code-server/config.yaml and prints "Wrote default config file" before the
 * version, which a check of the first line read as a failure on a fresh machine (and it wrote
 * into the user's HOME). Here nothing in HOME is read or written.
 */
export function codeServerEnv(cacheDir = defaultCacheDir()) {
  const home = path.join(cacheDir, 'home');
  mkdirSync(home, { recursive: true });
  return {
    ...childEnv,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
  };
}

function codeServerWorks(cacheDir) {
  const launcher = codeServerLauncher(cacheDir);
  if (!existsSync(path.join(cacheDir, '.installed')) || !existsSync(launcher)) return false;
  const config = path.join(cacheDir, 'version-check.yaml');
  writeFileSync(config, 'auth: none\n');
  const result = spawnSync(process.execPath, [launcher, '--config', config, '--version'], { encoding: 'utf8', timeout: 120_000, env: codeServerEnv(cacheDir) });
  // The version line, wherever code-server puts it among its log lines.
  const version = result.stdout.split('\n').find((line) => /^\d+\.\d+\.\d+ /.test(line));
  if (result.status === 0 && version?.startsWith(`${CODE_SERVER_VERSION} `)) return true;
  log(`code-server --version failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stdout}${result.stderr}`.trim());
  return false;
}

function link(target, linkPath) {
  rmSync(linkPath, { force: true, recursive: isRealDir(linkPath) });
  symlinkSync(target, linkPath);
}

function isRealDir(p) {
  try {
    const stat = lstatSync(p);
    return stat.isDirectory() && !stat.isSymbolicLink();
  } catch {
    return false;
  }
}

const CACHE_PACKAGE_NAME = 'e2e-code-server';

function isOurCache(cacheDir) {
  try {
    return JSON.parse(readFileSync(path.join(cacheDir, 'package.json'), 'utf8')).name === CACHE_PACKAGE_NAME;
  } catch {
    return false;
  }
}

function installCodeServer(cacheDir) {
  // A half-finished install (killed run) leaves modules that look fine; start clean, but only
  // wipe a folder this script made (RUNTIME_DRIFT_CODE_SERVER_DIR may point anywhere).
  if (existsSync(cacheDir) && readdirSync(cacheDir).length > 0 && !isOurCache(cacheDir)) {
    throw new Error(`${cacheDir} is not empty and was not made by e2e-setup; remove it or pick another folder`);
  }
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  // Own package.json so npm treats the cache as its project and never walks up to the repo's.
  writeFileSync(path.join(cacheDir, 'package.json'), JSON.stringify({ name: CACHE_PACKAGE_NAME, private: true }, null, 2));

  // --ignore-scripts: code-server's postinstall refuses root and downloads ripgrep.
  run('npm', ['install', '--prefix', cacheDir, '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`], cacheDir);
  run('npm', ['rebuild', '--prefix', cacheDir, 'argon2'], cacheDir);

  const vscodeDir = path.join(cacheDir, 'node_modules', 'code-server', 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir);

  // @vscode/ripgrep's own postinstall would download rg; Debian's works the same.
  const rgBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  link(execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim(), path.join(rgBin, 'rg'));

  run('npm', ['rebuild', ...VSCODE_NATIVE_MODULES], vscodeDir);

  // The server loads some modules through node_modules.asar paths, as in a packaged build.
  link('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  link('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  link('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));

  run('npm', ['install', '--omit=dev', '--ignore-scripts'], path.join(vscodeDir, 'extensions'));

  if (!existsSync(codeServerLauncher(cacheDir))) throw new Error(`code-server launcher missing after install in ${cacheDir}`);
  writeFileSync(path.join(cacheDir, '.installed'), `${CODE_SERVER_VERSION}\n`);
}

/** Installs whatever is missing; returns the code-server launcher (run it with `node`). */
export function ensureE2eSetup(cacheDir = defaultCacheDir()) {
  ensureAptPackages();
  if (codeServerWorks(cacheDir)) {
    log(`code-server ${readFileSync(path.join(cacheDir, '.installed'), 'utf8').trim()} already in ${cacheDir}`);
  } else {
    installCodeServer(cacheDir);
    if (!codeServerWorks(cacheDir)) throw new Error(`code-server in ${cacheDir} does not start (--version failed)`);
  }
  return codeServerLauncher(cacheDir);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const launcher = ensureE2eSetup();
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.stdout.write(`${launcher}\n`);
}
