// An image whose Dockerfile names no start command (no CMD or ENTRYPOINT in the built stage or the
// stages it is built FROM) over Node's official image, whose own CMD is `node` (a REPL, no app:
// https://github.com/nodejs/docker-node): what runs is given where the image is run (a deploy's
// task definition, `docker run image ./bin/start.sh`), which the repository may not hold.
import { stageChain, type Dockerfile, type Stage } from '../dockerfile/parse';

/** Whether a stage's image is the official node image (FROM node:20, or a stage built FROM one). */
export function fromNodeImage(df: Dockerfile, stage: Stage): boolean {
  const base = stageChain(df.stages, stage)[0];
  return base !== undefined && /^(?:docker\.io\/)?(?:library\/)?node(?:[:@]|$)/.test(base.from);
}

/** The built stage starts nothing of its own: no start command in its chain, FROM Node's image. */
export function startsNothing(df: Dockerfile, stage: Stage): boolean {
  return stageChain(df.stages, stage).every((s) => s.start === undefined) && fromNodeImage(df, stage);
}
