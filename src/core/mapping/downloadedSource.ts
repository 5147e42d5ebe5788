// An image whose source is fetched, not copied from the build context: `ADD https://…/archive/
// main.tar.gz`, `RUN git clone https://… /app`, `RUN curl -L https://… | tar xz`. Its files are
// whatever that URL served when the image was built, not the workspace's: the mapping says so,
// and the check compares none of them. Where it lands is the Dockerfile's word (the clone's folder,
// else the WORKDIR the image starts in); that the download is this repository's package (the one at
// or above the context) is an assumption, said as one.
import * as l10n from '@vscode/l10n';
import { dirname, join, posix } from 'node:path';
import type { SourceMapping } from '../model';
import { commandWords, stagesBuiltFor, type Dockerfile } from '../dockerfile/parse';
import type { FsLike } from '../ports';
import { builtStage } from './builtImage';

/** A fetch of source in the stages the image is built from: what it fetches, at which line, and the image folder it lands in when the Dockerfile says. */
export interface Download {
  source: string;
  line: number;
  into?: string;
}

const ARCHIVE = /\.(?:tar\.gz|tgz|tar\.xz|tar\.bz2|tar|zip|git)$/i;

/** `git clone URL [DIR]` or a fetch piped into tar/unzip (`curl -L URL | tar xz`), in a RUN. */
const CLONE = /\bgit\s+clone\b([^&|;]*)/;
const FETCH_UNPACKED = /\b(?:curl|wget)\b[^&|;]*?(\w+:\/\/\S+)[^&;]*\|\s*(?:tar|bsdtar|unzip)\b/;

/** System folders where a fetched lone file is a tool's (a shell completion, a CA certificate, a binary), never the app's source. */
const SYSTEM_FOLDER = /^\/(?:etc|bin|sbin|lib\w*|usr\/(?:share|bin|sbin|lib\w*|local\/(?:share|bin|sbin|lib\w*)))(?:\/|$)/;

/** The downloads of source in the stages `target` is built from, earliest first. */
export function downloadsOf(df: Dockerfile, target: string | undefined): Download[] {
  const out: Download[] = [];
  for (const stage of stagesBuiltFor(df, target).stages) {
    for (const d of stage.downloads ?? []) if (ARCHIVE.test(d.source) || !SYSTEM_FOLDER.test(d.dest)) out.push({ source: d.source, line: d.line });
    for (const run of stage.runs) {
      const clone = CLONE.exec(run.command);
      // The repository is the first word like one (flags and their values before it); the folder, the word after it.
      const words = clone ? commandWords(clone[1] ?? '') : [];
      const at = words.findIndex((w) => /:\/\/|^git@|\.git$/.test(w));
      const dir = words[at + 1];
      const into = dir !== undefined && !dir.startsWith('-') ? { into: posix.resolve(run.workdir ?? '/', dir) } : {};
      if (at >= 0) out.push({ source: words[at] as string, line: run.line, ...into });
      const fetched = FETCH_UNPACKED.exec(run.command);
      if (fetched?.[1] !== undefined) out.push({ source: fetched[1], line: run.line });
    }
  }
  return out;
}

/**
 * The mapping of an image that copies no source of the context but fetches it: the package at or
 * above the context (none: no mapping) taken as what was fetched, at the clone's folder, else the
 * WORKDIR the image starts in. Undefined when the image fetches nothing.
 */
export async function downloadedMapping(fs: FsLike, df: Dockerfile | undefined, target: string | undefined, context: string): Promise<SourceMapping | undefined> {
  const downloads = df ? downloadsOf(df, target) : [];
  // The fetch of the source itself (an archive, a clone) over a lone file's (`ADD …/package.json`).
  const first = downloads.find((d) => d.into !== undefined || ARCHIVE.test(d.source)) ?? downloads[0];
  const stage = df && builtStage(df, target);
  if (!first || !stage) return undefined;
  const sourceRoot = await packageAtOrAbove(fs, context);
  if (sourceRoot === undefined) return undefined;
  const into = downloads.find((d) => d.into !== undefined)?.into ?? stage.workdir;
  const evidence = [
    l10n.t('the image fetches its source ({0}, line {1}) instead of copying the build context: its files are what that URL served at build time, not the workspace\'s, and are not compared', first.source, first.line),
    l10n.t('source root {0}: the package at or above the build context, assumed to be what is fetched', sourceRoot),
    into === stage.workdir ? l10n.t('target {0}: the WORKDIR the image starts in', into) : l10n.t('target {0}: the folder it is cloned into', into),
  ];
  return { sourceRoot, target: into, rewrites: {}, bundled: false, modulesDir: 'modules', evidence, downloaded: { source: first.source, line: first.line } };
}

/** The nearest folder at or above `dir` with a package.json, not above the repository's root (a .git beside it). */
async function packageAtOrAbove(fs: FsLike, dir: string): Promise<string | undefined> {
  for (let d = dir; ; d = dirname(d)) {
    if ((await fs.stat(join(d, 'package.json')))?.isFile) return d;
    if ((await fs.stat(join(d, '.git'))) || dirname(d) === d) return undefined;
  }
}
