#!/usr/bin/env node
// The `runtime-drift` command's first module (dist/cli.js). For an ssh:// engine the login is a
// check's largest fixed cost (key exchange, then the remote shell); it starts here, before the
// main bundle (dist/cliMain.js, 3.5 MB) is loaded and compiled, so that the two overlap.
import { parseArgs } from './args';
import { tuneV8ForCli } from './v8Tuning';
import type { main as Main } from './main';
import { resolveDockerHost } from '../engine/dockerHost';
import { openSshTunnel } from '../engine/sshTunnel';
import type { SshTunnel } from '../engine/sshTunnel';

/** The run's ssh tunnel, opened now when the engine is ssh://; anything unusable is main's to report. */
function earlyTunnel(argv: string[]): SshTunnel | undefined {
  try {
    const args = parseArgs(argv, process.cwd());
    if (args.command !== 'check' && args.command !== 'rebuild') return undefined;
    const target = resolveDockerHost(args.host, process.env);
    return target.options.protocol === 'ssh' ? openSshTunnel(target.host, { env: process.env }) : undefined;
  } catch {
    return undefined;
  }
}

tuneV8ForCli();
const argv = process.argv.slice(2);
const tunnel = earlyTunnel(argv);
// Kept out of this bundle (scripts/build.mjs): required once the login is under way.
const { main } = require('./cliMain.js') as { main: typeof Main };
void main(argv, tunnel).then((code) => {
  process.exitCode = code;
});
