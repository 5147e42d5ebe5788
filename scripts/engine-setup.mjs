// Makes a real Docker engine available for the engine tests, from a fresh Debian 12 machine (root)
// or an already prepared one. Idempotent: each step checks before it acts, and says what it did.
//   1. docker.io, docker-compose (v1), busybox-static, podman, openssh and openssl from Debian, when missing
//   2. dockerd on unix:///var/run/docker.sock, started detached when it does not answer
//   3. local base images (no registry is reachable, so nothing can be pulled):
//        runtime-drift/node:distroless  host node + its shared libraries, no shell
//        runtime-drift/node:busybox     the same + busybox (sh, find, ls, cat, wget...)
// See shared/RECIPES.md "A real Docker engine" for why each flag is there.
import { execFile, spawn } from 'node:child_process';
import { accessSync, chmodSync, closeSync, constants, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SOCKET = '/var/run/docker.sock';
const DOCKERD_LOG = '/tmp/dockerd.log';
const ENGINE_START_TIMEOUT_MS = 60_000;
const NODE_BIN = '/usr/bin/node';
const LOADER = '/lib64/ld-linux-x86-64.so.2';
const BUSYBOX = '/bin/busybox';
const IMAGE_PATH = 'ENV PATH=/usr/local/bin:/usr/bin:/bin';
/** Bump when the rootfs layout changes, so machines that kept old images rebuild them. */
const RECIPE_VERSION = '1';
const LOCK_PATH = join(tmpdir(), 'runtime-drift-engine-setup.lock');
const LOCK_WAIT_MS = 20 * 60_000; // a first run may install packages
const LOCK_STALE_MS = 30 * 60_000;
const BUSYBOX_APPLETS = ['sh', 'ash', 'find', 'ls', 'cat', 'wget', 'echo', 'sleep', 'mkdir', 'rm', 'env', 'ps', 'test', 'grep', 'head', 'tail', 'true', 'false', 'kill'];

function log(message) {
  console.log(`[engine-setup] ${message}`);
}

/** execFile with an argument array; resolves with the exit code instead of throwing. */
function run(command, args, { timeoutMs = 120_000, env } = {}) {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) || (err && !stderr ? String(err.message) : '') });
    });
  });
}

async function mustRun(command, args, options) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.code}: ${result.stderr.trim() || result.stdout.trim()}`);
  }
  return result;
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Absolute path of a command, looking in PATH and the sbin folders a non-login root PATH may lack. */
export function findCommand(name) {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  return dirs.map((dir) => join(dir, name)).find(isExecutable);
}

/** Command -> the Debian package that brings it. Podman, sshd, ssh and openssl: the engine-transport tests (#11). */
const PACKAGES = {
  dockerd: 'docker.io',
  docker: 'docker.io',
  'docker-compose': 'docker-compose',
  podman: 'podman',
  sshd: 'openssh-server',
  ssh: 'openssh-client',
  openssl: 'openssl',
};

async function ensurePackages() {
  const missing = Object.keys(PACKAGES).filter((name) => !findCommand(name));
  const packages = [...new Set(missing.map((name) => PACKAGES[name]))];
  if (!isExecutable(BUSYBOX)) packages.push('busybox-static');
  if (packages.length === 0) {
    log(`packages: ${Object.keys(PACKAGES).join(', ')} and busybox already installed`);
    return;
  }
  log(`packages: installing ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await mustRun('apt-get', ['update'], { timeoutMs: 600_000, env });
  await mustRun('apt-get', ['install', '-y', ...packages], { timeoutMs: 900_000, env });
  log('packages: installed');
}

async function engineAnswers() {
  const result = await run('docker', ['-H', `unix://${SOCKET}`, 'info', '--format', '{{.ServerVersion}}'], { timeoutMs: 10_000 });
  return result.code === 0 ? result.stdout.trim() : undefined;
}

function logTail() {
  try {
    return readFileSync(DOCKERD_LOG, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

async function ensureEngine() {
  const version = await engineAnswers();
  if (version) {
    log(`engine: dockerd ${version} already answers at unix://${SOCKET}`);
    return;
  }
  // A docker0 bridge left by an earlier dockerd clashes with --bridge=none.
  await run('ip', ['link', 'delete', 'docker0'], { timeoutMs: 10_000 });
  log(`engine: starting dockerd (log: ${DOCKERD_LOG})`);
  const out = openSync(DOCKERD_LOG, 'a');
  const dockerd = findCommand('dockerd') ?? 'dockerd';
  const child = spawn(
    'setsid',
    [dockerd, '--data-root', '/var/lib/docker', '--bridge=none', '--iptables=false', '--ip6tables=false', '-H', `unix://${SOCKET}`],
    { detached: true, stdio: ['ignore', out, out] },
  );
  child.unref(); // Left running on purpose: later test tiers reuse the engine.
  closeSync(out);
  const deadline = Date.now() + ENGINE_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const started = await engineAnswers();
    if (started) {
      log(`engine: dockerd ${started} answers at unix://${SOCKET}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`dockerd did not answer within ${ENGINE_START_TIMEOUT_MS / 1000} s. Last lines of ${DOCKERD_LOG}:\n${logTail()}`);
}

/** Absolute library paths `ldd` reports for a binary ("libc.so.6 => /lib/.../libc.so.6 (0x…)"). */
async function sharedLibraries(binary) {
  const { stdout } = await mustRun('ldd', [binary]);
  const libs = new Set();
  for (const line of stdout.split('\n')) {
    const match = /=>\s*(\/\S+)/.exec(line) ?? /^\s*(\/\S+)\s+\(/.exec(line);
    if (match?.[1]) libs.add(match[1]);
  }
  libs.add(LOADER);
  return [...libs];
}

/** Copies a host file into the rootfs at the same path, following symlinks (the target's bytes). */
function copyIn(rootfs, hostPath, mode) {
  const dest = join(rootfs, hostPath);
  mkdirSync(dirname(dest), { recursive: true });
  copyFileSync(hostPath, dest);
  chmodSync(dest, mode);
}

async function nodeVersion() {
  return (await mustRun(NODE_BIN, ['--version'])).stdout.trim();
}

async function imageLabel(image, label) {
  const result = await run('docker', ['-H', `unix://${SOCKET}`, 'image', 'inspect', '--format', `{{ index .Config.Labels "${label}" }}`, image], { timeoutMs: 15_000 });
  return result.code === 0 ? result.stdout.trim() : undefined;
}

async function buildBaseImage(tag, withBusybox, stamp) {
  const current = await imageLabel(tag, 'runtime-drift.recipe');
  if (current === stamp) {
    log(`image: ${tag} present (${stamp})`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'rd-rootfs-'));
  try {
    const rootfs = join(work, 'rootfs');
    mkdirSync(rootfs);
    copyIn(rootfs, NODE_BIN, 0o755);
    for (const lib of await sharedLibraries(NODE_BIN)) copyIn(rootfs, lib, 0o755);
    for (const dir of ['tmp', 'app', 'etc', 'usr/local/bin', 'bin']) mkdirSync(join(rootfs, dir), { recursive: true });
    chmodSync(join(rootfs, 'tmp'), 0o1777);
    if (withBusybox) {
      copyIn(rootfs, BUSYBOX, 0o755);
      for (const applet of BUSYBOX_APPLETS) symlinkSync('busybox', join(rootfs, 'bin', applet));
    }
    const tarball = join(work, 'rootfs.tar');
    await mustRun('tar', ['--numeric-owner', '--owner=0', '--group=0', '-C', rootfs, '-cf', tarball, '.']);
    await mustRun(
      'docker',
      ['-H', `unix://${SOCKET}`, 'import', '--change', IMAGE_PATH, '--change', `LABEL runtime-drift.recipe=${stamp}`, '--change', 'CMD ["node"]', tarball, tag],
      { timeoutMs: 300_000 },
    );
    log(`image: built ${tag} (${stamp}${current ? `, replacing ${current}` : ''})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Several test runs on one machine may set up at once; without a lock two imports of the same tag
 * race and leave a dangling image. A lock older than LOCK_STALE_MS belongs to a dead run.
 */
async function withLock(work) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(LOCK_PATH, 'wx'));
      break;
    } catch (err) {
      if (err?.code !== 'EEXIST') throw err;
      try {
        if (Date.now() - statSync(LOCK_PATH).mtimeMs > LOCK_STALE_MS) rmSync(LOCK_PATH, { force: true });
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`${LOCK_PATH} held for over ${LOCK_WAIT_MS / 1000} s; remove it if no setup runs`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK_PATH, { force: true });
  }
}

export async function setupEngine() {
  await withLock(async () => {
    await ensurePackages();
    await ensureEngine();
    const stamp = `${RECIPE_VERSION}-node-${await nodeVersion()}`;
    await buildBaseImage('runtime-drift/node:distroless', false, stamp);
    await buildBaseImage('runtime-drift/node:busybox', true, stamp);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  setupEngine().catch((err) => {
    console.error(`[engine-setup] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
