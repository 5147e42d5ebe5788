// A real sshd on a loopback port, key-only, with a host key and a client key of the test's own,
// and an `ssh` on a PATH of its own that reads an ssh config of the test's own: the user's
// ~/.ssh is never read or changed. Each login is logged (LogLevel VERBOSE), so tests count them.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { findFreePort } from '../../fixtures/incident/driver.mjs';

export interface SshServer {
  port: number;
  /** Folder to put first on PATH: its `ssh` uses the test's config. */
  binDir: string;
  /** Host aliases in that config: a working login, a key the server does not know, a host key that does not match. */
  hosts: { good: string; badKey: string; badHostKey: string };
  /** Successful logins so far. */
  logins(): number;
  /** Remote commands started so far (the login's own, each `docker system dial-stdio`). */
  sessions(): number;
  stop(): Promise<void>;
}

function keygen(path: string): string {
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);
  return readFileSync(`${path}.pub`, 'utf8').trim();
}

export interface SshServerOptions {
  /** sshd's AllowStreamLocalForwarding (default yes, as sshd's own default): "no" as hardened servers set it. */
  streamLocalForwarding?: boolean;
  /** sshd's ForceCommand: what every login runs instead of the command asked for. */
  forceCommand?: string;
  /** sshd's SetEnv: variables every session starts with, as a user's shell profile would set them. */
  setEnv?: Record<string, string>;
}

export async function startSshServer(opts: SshServerOptions = {}): Promise<SshServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rd-sshd-'));
  chmodSync(dir, 0o700);
  const port = await findFreePort();
  const hostPub = keygen(join(dir, 'host_key'));
  const otherHostPub = keygen(join(dir, 'other_host_key'));
  writeFileSync(join(dir, 'authorized_keys'), `${keygen(join(dir, 'client_key'))}\n`);
  keygen(join(dir, 'stranger_key'));
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      'UsePAM no',
      'LogLevel VERBOSE',
      `AllowStreamLocalForwarding ${opts.streamLocalForwarding === false ? 'no' : 'yes'}`,
      ...(opts.forceCommand ? [`ForceCommand ${opts.forceCommand}`] : []),
      ...(opts.setEnv ? [`SetEnv ${Object.entries(opts.setEnv).map(([k, v]) => `${k}=${v}`).join(' ')}`] : []),
      '',
    ].join('\n'),
  );
  // Known hosts by alias: the "bad" alias expects another key than the server has.
  writeFileSync(join(dir, 'known_hosts'), `rd-ssh-good ${hostPub}\nrd-ssh-badkey ${hostPub}\nrd-ssh-badhost ${otherHostPub}\n`);
  const host = (alias: string, key: string) =>
    [
      `Host ${alias}`,
      '  HostName 127.0.0.1',
      `  Port ${port}`,
      '  User root',
      `  HostKeyAlias ${alias}`,
      `  IdentityFile ${join(dir, key)}`,
      '  IdentitiesOnly yes',
      '  IdentityAgent none',
      `  UserKnownHostsFile ${join(dir, 'known_hosts')}`,
      '  GlobalKnownHostsFile /dev/null',
      '  StrictHostKeyChecking yes',
      '',
    ].join('\n');
  writeFileSync(join(dir, 'ssh_config'), host('rd-ssh-good', 'client_key') + host('rd-ssh-badkey', 'stranger_key') + host('rd-ssh-badhost', 'client_key'));
  const binDir = join(dir, 'bin');
  spawnSync('mkdir', ['-p', binDir]);
  writeFileSync(join(binDir, 'ssh'), `#!/bin/sh\nexec /usr/bin/ssh -F '${join(dir, 'ssh_config')}' "$@"\n`);
  chmodSync(join(binDir, 'ssh'), 0o755);

  // sshd insists on its privilege separation folder; made here only when missing, removed after.
  const privsep = '/run/sshd';
  const madePrivsep = !existsSync(privsep);
  if (madePrivsep) mkdirSync(privsep, { mode: 0o755 });
  const cleanup = (): void => {
    rmSync(dir, { recursive: true, force: true });
    if (madePrivsep) rmSync(privsep, { recursive: true, force: true });
  };

  let log = '';
  const sshd: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  sshd.stderr?.on('data', (c: Buffer) => (log += c.toString('utf8')));
  const deadline = Date.now() + 10_000;
  while (!/Server listening on 127\.0\.0\.1/.test(log)) {
    if (sshd.exitCode !== null || Date.now() > deadline) {
      sshd.kill();
      cleanup();
      throw new Error(`sshd did not start: ${log}`);
    }
    await delay(50);
  }
  return {
    port,
    binDir,
    hosts: { good: 'rd-ssh-good', badKey: 'rd-ssh-badkey', badHostKey: 'rd-ssh-badhost' },
    logins: () => (log.match(/Accepted publickey for /g) ?? []).length,
    sessions: () => (log.match(/Starting session: command /g) ?? []).length,
    async stop() {
      const exited = new Promise((resolve) => sshd.once('exit', resolve));
      if (sshd.exitCode === null) sshd.kill('SIGTERM');
      await Promise.race([exited, delay(5000)]);
      cleanup();
    },
  };
}
