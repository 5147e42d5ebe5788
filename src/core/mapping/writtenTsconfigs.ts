// tsconfigs the Dockerfile writes itself instead of taking the repository's: `RUN echo '{...}' >
// tsconfig.json`, `RUN cp tsconfig.docker.json tsconfig.json`, `RUN sed -i ... tsconfig.json`, a
// heredoc (`COPY <<EOF tsconfig.json`), a COPY from an image (a stage's copy is the file that stage holds). The build compiles with
// that file, so the repository's file of the same name decides nothing: the mapping reads the text
// the Dockerfile gives when it gives it whole, and otherwise says the build's config is not known.
import { join, posix } from 'node:path';
import type { FsLike } from '../ports';
import type { Stage } from '../dockerfile/parse';
import { runParts, stageRoot } from './runTsconfig';

/** What the Dockerfile does to one tsconfig of the context: the line, and the whole text when it writes one out. */
export interface WrittenTsconfig {
  line: number;
  text?: string;
}

/** A tsconfig file name (`tsconfig.json`, `tsconfig.build.json`, `./apps/api/tsconfig.app.json`). */
const TSCONFIG = String.raw`(?:\S*/)?tsconfig[\w.-]*\.json`;
const TSCONFIG_PATH = new RegExp(`^${TSCONFIG}$`);
const REDIRECT = new RegExp(String.raw`(?:>>?|\btee(?:\s+-a)?)\s*(['"]?)(${TSCONFIG})\1(?:\s|$)`);
const EDIT = new RegExp(String.raw`\bsed\s+(?:-\S*i\S*|--in-place)\b.*\s(${TSCONFIG})\s*$`);
const COPIED = new RegExp(String.raw`^\s*(?:cp|mv|ln)\s+(?:-\S+\s+)*\S+\s+(${TSCONFIG})\s*$`);
/** `echo '{...}' > f`, `printf '%s' '{...}' > f`: the text written, single-quoted. */
const ECHOED = /^\s*(?:echo(?:\s+-[neE]+)?|printf(?:\s+'%s\\?n?')?)\s+'([^']*)'\s*>/;

/**
 * The tsconfigs of the context (absolute paths, as where the stage holds the context root puts
 * them) that the stages write or change, with the text when written whole and valid JSON.
 */
export function writtenTsconfigs(stages: readonly Stage[], context: string): Map<string, WrittenTsconfig> {
  const out = new Map<string, WrittenTsconfig>();
  for (const stage of stages) {
    const root = stageRoot(stages, stage);
    if (root === undefined) continue;
    const inContext = (imagePath: string): string | undefined => {
      const rel = posix.relative(root, imagePath);
      return rel.startsWith('..') || posix.isAbsolute(rel) ? undefined : join(context, ...rel.split('/'));
    };
    const add = (imagePath: string, found: WrittenTsconfig) => {
      const file = inContext(imagePath);
      if (file !== undefined) out.set(file, found);
    };
    for (const run of stage.runs) {
      for (const { part, cwd } of runParts(run.command, run.workdir ?? stage.workdir)) {
        const target = REDIRECT.exec(part)?.[2] ?? EDIT.exec(part)?.[1] ?? COPIED.exec(part)?.[1];
        if (target === undefined) continue;
        const text = REDIRECT.test(part) && !/>>/.test(part) ? jsonText(ECHOED.exec(part)?.[1]) : undefined;
        add(posix.resolve(cwd, target), { line: run.line, ...(text !== undefined ? { text } : {}) });
      }
    }
    for (const w of stage.written ?? []) if (TSCONFIG_PATH.test(w.path)) add(w.path, { line: w.line, ...(jsonText(w.text) !== undefined ? { text: w.text } : {}) });
    for (const copy of stage.copies) {
      // From a stage of this Dockerfile: the file that stage holds, the context's unless a RUN there wrote it (read above).
      if (copy.from === undefined || stages.some((st) => st.name === copy.from || String(st.index) === copy.from)) continue;
      for (const source of copy.sources) {
        const name = posix.basename(source);
        const dest = copy.destIsDir ? posix.join(copy.dest, name) : copy.dest;
        if (TSCONFIG_PATH.test(posix.basename(dest))) add(dest, { line: copy.line });
      }
    }
  }
  return out;
}

/** The text when it parses as a JSON object. */
function jsonText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** `fs` with the tsconfigs the Dockerfile writes whole read as it writes them. */
export function withWrittenTsconfigs(fs: FsLike, written: ReadonlyMap<string, WrittenTsconfig>): FsLike {
  const texts = new Map([...written].flatMap(([file, w]) => (w.text !== undefined ? [[join(file), w.text] as const] : [])));
  if (texts.size === 0) return fs;
  const view: FsLike = {
    readFile: async (path) => texts.get(join(path)) ?? fs.readFile(path),
    stat: async (path) => {
      const text = texts.get(join(path));
      return text !== undefined ? { isFile: true, isDirectory: false, mtimeMs: 0, size: text.length } : fs.stat(path);
    },
    readdir: (path) => fs.readdir(path),
  };
  if (fs.realpath) view.realpath = fs.realpath.bind(fs);
  return view;
}
