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

/** Google's distroless Node.js images (gcr.io/distroless/nodejs22-debian12), whose ENTRYPOINT is node itself: https://github.com/GoogleContainerTools/distroless/blob/main/nodejs/README.md */
const DISTROLESS_NODE = /^(?:gcr\.io\/)?distroless\/nodejs[\w.-]*(?:[:@]|$)/;

/**
 * How the stage's image hands its command to node: `always` when the base image's entrypoint is node
 * itself and the Dockerfile sets none of its own (distroless: `CMD ["dist/main.js"]` runs `node
 * dist/main.js`), `options` for the official node image, whose entrypoint script runs node only for
 * a command starting with an option (`CMD ["--max-old-space-size=500", "dist/main"]`); else undefined.
 */
export function nodeArguments(df: Dockerfile, stage: Stage): 'always' | 'options' | undefined {
  if (fromNodeImage(df, stage)) return 'options';
  const chain = stageChain(df.stages, stage);
  const base = chain[0];
  return base !== undefined && DISTROLESS_NODE.test(base.from) && chain.every((s) => s.entrypoint === undefined) ? 'always' : undefined;
}

/** The built stage starts nothing of its own: no start command in its chain, FROM Node's image. */
export function startsNothing(df: Dockerfile, stage: Stage): boolean {
  return stageChain(df.stages, stage).every((s) => s.start === undefined) && fromNodeImage(df, stage);
}
