// The Dockerfile a service's build reads, parsed with its build args, once per check: the check
// asks of one service whether it runs another language, only rebuilds, or brings a folder, and
// each answer starts from the same parse (foreignImage.ts, buildWatcher.ts, workspaceFiles.ts).
// The parse depends on the file and the args only; the target and the compose start are applied
// after it by each reader, on copies (a parsed Dockerfile is never changed in place).
import type { FsLike } from '../ports';
import { parseDockerfile, type Dockerfile } from './parse';

/** A view of `fs` that remembers answers by key for its own life: one check's (checkWorkspace makes one per check). */
export function withRemembered(fs: FsLike): FsLike {
  const known = new Map<string, Promise<unknown>>();
  return {
    ...fs,
    remembered<T>(key: string, make: () => Promise<T>): Promise<T> {
      let answer = known.get(key) as Promise<T> | undefined;
      if (answer === undefined) {
        answer = make();
        known.set(key, answer);
      }
      return answer;
    },
  };
}

/** The Dockerfile at `file` parsed with `args`; undefined when it is no file. Parsed once per check where the view remembers (withRemembered). */
export function parsedDockerfile(fs: FsLike, file: string, args: Readonly<Record<string, string>> | undefined): Promise<Dockerfile | undefined> {
  const make = async () => ((await fs.stat(file))?.isFile ? parseDockerfile(await fs.readFile(file), args) : undefined);
  return fs.remembered ? fs.remembered(`dockerfile\0${file}\0${JSON.stringify(Object.entries(args ?? {}).sort())}`, make) : make();
}
