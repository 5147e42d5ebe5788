// This machine's processes, as a fault case sees them: is a compose or a build step still running?
import { readdirSync, readFileSync } from 'node:fs';

/** Command lines of this machine's processes (other than this one) that contain `needle`. */
export function processesWith(needle: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmd.includes(needle) && Number(pid) !== process.pid) found.push(`${pid}: ${cmd}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Polls `ok` every 200 ms for at most `ms`; its last answer. */
export async function until(ms: number, ok: () => boolean): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (ok()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return ok();
}

/** The classic builder: it stops a build whose client goes away, and needs no buildx. */
export const BUILD_ENV = { DOCKER_BUILDKIT: '0', COMPOSE_DOCKER_CLI_BUILD: '0' };
