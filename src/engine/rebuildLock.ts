// One rebuild per service at a time, across processes (two editors, an editor and the CLI, two
// terminals): a lock file per engine, project and service in the temp folder, holding its
// owner's host and pid. Not in the workspace (a check changes nothing there) and not in HOME.
// A lock whose owner process is gone is taken over, so a killed rebuild blocks nothing.
import * as l10n from '@vscode/l10n';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BusyError } from '../core/errors';
import { processAlive } from './processAlive';
import type { RebuildLocksLike } from '../core/ports';

interface LockOwner {
  host: string;
  pid: number;
  started: string;
}

export function createRebuildLocks(engineHost: string, dir = join(tmpdir(), 'runtime-drift-locks')): RebuildLocksLike {
  const file = (project: string, service: string): string =>
    join(dir, `rebuild-${createHash('sha256').update(`${engineHost}\0${project}\0${service}`).digest('hex').slice(0, 24)}.lock`);

  const liveOwner = (path: string): LockOwner | undefined => {
    let owner: LockOwner;
    try {
      owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    } catch {
      return undefined; // gone, or half written by a killed process
    }
    if (owner.host !== hostname()) return owner; // another machine's: cannot tell, respect it
    return processAlive(owner.pid) ? owner : undefined;
  };

  return {
    acquire(project, service) {
      mkdirSync(dir, { recursive: true });
      const path = file(project, service);
      for (let attempt = 0; attempt < 2; attempt++) {
        let fd: number;
        try {
          fd = openSync(path, 'wx', 0o644);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
          const owner = liveOwner(path);
          if (owner) {
            throw new BusyError(
              owner.host !== hostname()
                ? l10n.t('busy: a rebuild of {0} is already running (pid {1} on {2}, since {3}); nothing was done — try again when it ends', service, owner.pid, owner.host, owner.started)
                : l10n.t('busy: a rebuild of {0} is already running (pid {1}, since {2}); nothing was done — try again when it ends', service, owner.pid, owner.started),
            );
          }
          unlinkQuietly(path); // its owner is gone
          continue;
        }
        const me: LockOwner = { host: hostname(), pid: process.pid, started: new Date().toISOString() };
        writeSync(fd, JSON.stringify(me));
        closeSync(fd);
        return () => {
          const now = liveOwner(path);
          if (now?.pid === me.pid && now.host === me.host) unlinkQuietly(path);
        };
      }
      throw new BusyError(`busy: another process keeps taking the rebuild lock of ${service}; nothing was done`);
    },
    holder(project, service) {
      const owner = liveOwner(file(project, service));
      return owner ? `pid ${owner.pid}, since ${owner.started}` : undefined;
    },
  };
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
