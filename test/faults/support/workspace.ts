// Real file trees for fault cases: a compose workspace in a temp folder, its snapshot (to show a
// check changed nothing), and removal that works even on folders a case made unreadable.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface Workspace {
  dir: string;
  /** Its compose project name: the folder's name, lowercased. */
  project: string;
  write(rel: string, content: string | Buffer): string;
  mkdir(rel: string): string;
  remove(): void;
}

/** A workspace whose compose project name (its folder name) is unique to this run. */
export function createWorkspace(prefix: string): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), `rdfault-${prefix}-`));
  return {
    dir,
    project: path.basename(dir).toLowerCase(),
    write(rel, content) {
      const abs = path.join(dir, rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      return abs;
    },
    mkdir(rel) {
      const abs = path.join(dir, rel);
      mkdirSync(abs, { recursive: true });
      return abs;
    },
    remove() {
      // Give back permissions a case took away, without following links out of the tree.
      execFileSync('chmod', ['-R', 'u+rwx', dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every entry under dir (links not followed) with its type, size, mode and mtime: equal snapshots mean nothing changed. Names as bytes: a non-UTF-8 name is an entry too. */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: Buffer, rel: string): void => {
    const st = lstatSync(abs);
    const link = st.isSymbolicLink() ? ` -> ${readlinkSync(abs, 'buffer').toString('hex')}` : '';
    out.push(`${rel} ${st.mode.toString(8)} ${st.size} ${st.mtimeMs}${link}`);
    if (st.isDirectory()) {
      for (const name of readdirSync(abs, { encoding: 'buffer' }).sort(Buffer.compare)) {
        walk(Buffer.concat([abs, Buffer.from('/'), name]), `${rel}/${name.toString('hex')}`);
      }
    }
  };
  walk(Buffer.from(dir), '.');
  return out;
}

/** Root without CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH: file permissions apply to it, and it still reaches the engine socket it owns. */
export const WITHOUT_ROOT_FILE_ACCESS = ['setpriv', '--inh-caps=-dac_override,-dac_read_search', '--bounding-set=-dac_override,-dac_read_search'];

/** A workspace with one service, `app`, built from ./app with `dockerfile`, source app/src mapped to /app. */
export function appWorkspace(prefix: string, dockerfile: string): Workspace {
  const ws = createWorkspace(prefix);
  ws.write('compose.yaml', 'services:\n  app:\n    build: ./app\n    network_mode: host\n    x-runtime-drift:\n      source: app/src\n      target: /app\n');
  ws.write('app/src/main.ts', 'export {};\n');
  ws.write('app/Dockerfile', dockerfile);
  return ws;
}
