// A `COPY --from=<stage>` source that starts with a variable the Dockerfile never sets (`COPY
// --from=build $WORKDIR/dist ./dist`): the stage's base image sets it (its ENV), which the files do
// not show. Left as written it is no path (`/$WORKDIR/dist`) and names nothing the stage made. When
// the stage copied from works in its image's WORKDIR and copied the build context there (`COPY .
// .`), what follows the variable is taken in that WORKDIR, where the stage's build wrote it, and the
// copy keeps the variable and what it was taken as: the mapping says so in a warning. Otherwise the
// source stays as written and names nothing.
import { posix } from 'node:path';
import { copiesFromContext, findStage, isContextRoot, stageChain, type CopyInstr, type Dockerfile, type Stage } from './parse';

/** A source made of an unset variable and a path under it: `$WORKDIR/dist`, `${APP_HOME}/build`. */
const VARIABLE_SOURCE = /^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))(\/.*)?$/;

/** The Dockerfile with such sources taken in the WORKDIR of the stage they are copied from. */
export function withImageVariables(df: Dockerfile): Dockerfile {
  return { ...df, stages: df.stages.map((stage) => (stage.copies.some((c) => c.from !== undefined && c.sources.some((s) => VARIABLE_SOURCE.test(s))) ? { ...stage, copies: stage.copies.map((c) => taken(df, c)) } : stage)) };
}

function taken(df: Dockerfile, copy: CopyInstr): CopyInstr {
  const from = copy.from === undefined ? undefined : findStage(df.stages, copy.from);
  const workdir = from && imageWorkdirHoldingContext(df, from);
  if (from === undefined || workdir === undefined) return copy;
  let variable: CopyInstr['imageVariable'];
  const sources = copy.sources.map((source) => {
    const m = VARIABLE_SOURCE.exec(source);
    if (!m) return source;
    variable ??= { name: (m[1] ?? m[2]) as string, taken: workdir, image: stageChain(df.stages, from)[0]?.from ?? '' };
    return posix.join(workdir, m[3] ?? '.');
  });
  return variable ? { ...copy, sources, imageVariable: variable } : copy;
}

/**
 * The WORKDIR `stage` works in when it is its base image's (its chain's first stage FROM an image
 * sets none, nor does any stage after it) and a stage of the chain copied the whole context there.
 */
function imageWorkdirHoldingContext(df: Dockerfile, stage: Stage): string | undefined {
  const chain = stageChain(df.stages, stage);
  const root = chain[0];
  if (!root?.workdirOfImage || chain.some((s) => s.workdir !== root.workdir)) return undefined;
  const holds = chain.some((s) => s.copies.some((c) => copiesFromContext(c) && c.dest === root.workdir && c.sources.length > 0 && c.sources.every(isContextRoot)));
  return holds ? root.workdir : undefined;
}

/** The variables taken so, each once with the line of its first copy, in the order of the stages. */
export function imageVariableCopies(df: Dockerfile): { name: string; line: number; image: string; taken: string }[] {
  const seen = new Map<string, { name: string; line: number; image: string; taken: string }>();
  for (const copy of df.stages.flatMap((s) => s.copies)) if (copy.imageVariable && !seen.has(copy.imageVariable.name)) seen.set(copy.imageVariable.name, { ...copy.imageVariable, line: copy.line });
  return [...seen.values()];
}
