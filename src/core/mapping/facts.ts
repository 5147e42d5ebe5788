// What the placement rules decide from, and what each decides.
import * as l10n from '@vscode/l10n';
import type { Dockerfile } from '../dockerfile/parse';
import type { Location } from '../dockerfile/locate';
import type { ServiceSpec } from '../model';
import type { FsLike } from '../ports';
import type { TsConfigInfo } from './tsconfig';
import type { BuildProject } from './buildProject';
import type { Emit } from './emit';
import type { BundledBy } from './bundler';
import type { RunBundle } from '../dockerfile/runBundle';
import type { StartedSource } from './startedSource';

/** What is known before deciding: one read of every file the rules look at. */
import type { StartedElsewhere } from './startedElsewhere';

export interface Facts {
  fs: FsLike;
  spec: ServiceSpec;
  context: string;
  project: BuildProject;
  ts: TsConfigInfo | undefined;
  tsName: string;
  sourceRoot: string;
  emit: Emit | undefined;
  /** Compiled file by file (tsc, swc, babel): a tsconfig that emits, or a server's tsconfig. */
  compiled: boolean;
  bundler: BundledBy | undefined;
  /** Where the bundler's own configuration says it writes (vite.config's build.outDir...). */
  bundlerOut: { path: string; why: string } | undefined;
  /** A bundle made by a RUN of the Dockerfile (`deno compile --output app`), with its output. */
  runBundle: RunBundle | undefined;
  /** The image's start command runs this source file as copied: the image holds the source, not a build of it. */
  started: StartedSource | undefined;
  /** The image's start command runs a dev server (`vite`) over the source as copied. */
  devServer: string | undefined;
  /** The image starts a launcher of the project (bin/start.js) that starts this file of its build output. */
  launched: { launcher: string; output: string } | undefined;
  /** The image starts a file the context does not hold, one package folder does (startedElsewhere.ts). */
  startedElsewhere?: StartedElsewhere;
  df: Dockerfile | undefined;
  /** Where the image has a context path (`at`: the placement at that image path, when it has several). */
  locate: (absPath: string, at?: string) => Location | undefined;
  evidence: string[];
}

/** Where the source lands in the image, as one rule decided it. */
export interface Placement {
  target: string;
  buildOutDir?: string;
  rewrites: Record<string, string>;
  /** The image holds the source itself, names unchanged. */
  copiedAsIs?: boolean;
  /** The image copies the local build output from the context (not the source, not a build stage's output). */
  copiesLocalOutput?: boolean;
  /** The source folder copied file by file: the context paths the image's COPYs name, the only ones expected there. */
  copiedOnly?: string[];
  /** The image compiles the copied source itself: `buildOutDir` says where compiled files sit, not what the image was built from. */
  builtInImage?: true;
}

/** Where the image holds a folder, and the Dockerfile line that says so. */
export function targetFrom(loc: Location): string {
  return l10n.t`target ${loc.path} from ${loc.evidence}`;
}
