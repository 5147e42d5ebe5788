// A start command that compiles the source before it runs it (`nest start --watch`, `tsc-watch
// --onSuccess "node dist/main.js"`): the container writes the build output itself, in the folder
// tsconfig's outDir names, so a checkout with no output folder still has one once the container runs
// (a dev container bind-mounting the workspace). https://docs.nestjs.com/cli/usages#nest-start
import { commandWords, type Stage } from '../dockerfile/parse';
import { followScripts } from '../routes/serverApps';

/** The compilers that write the outDir on start, then run (or watch) the output. */
const START_COMPILER = /(?:^|[\s;&|(/])(?:nest\s+start\b[^&|;]*|tsc-watch\b[^&|;]*|tsc\s+[^&|;]*(?:--watch|-w)\b[^&|;]*)/;

/** The compiling part of the stage's start command, its package's scripts followed; undefined when it compiles nothing. */
export function startCompiles(stage: Stage, scripts: Record<string, string>): string | undefined {
  const words = followScripts(commandWords(stage.start ?? ''), scripts, { hops: 3 });
  return START_COMPILER.exec(words.join(' '))?.[0].trim();
}
