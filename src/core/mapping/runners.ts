// The programs that run the JavaScript or TypeScript file they are given: a runtime (`node`,
// `bun`, `deno`), a TypeScript runner (`tsx`, `ts-node`, `esno`, `vite-node`, ...) or a restarting
// wrapper (`nodemon`, `node-dev`, `forever`). One list for every reader of a command line: what an image
// starts (startedSource, startScript), what a build script runs (bundleScript) and whether a
// package's start script runs a server (serverApps).
import { posix } from 'node:path';

const FILE_RUNNERS: ReadonlySet<string> = new Set([
  'node',
  'nodejs',
  'bun',
  'deno',
  'tsx',
  'ts-node',
  'ts-node-dev',
  'ts-node-esm',
  'esno',
  'esr',
  'jiti',
  'vite-node',
  'sucrase-node',
  'babel-node',
  'nodemon',
  'node-dev',
  // forever keeps the script it is given running (`forever -m 5 dist/index.js`, `forever start app.js`): https://github.com/foreversd/forever
  'forever',
]);

/** Whether `word` (a program, maybe with its folder: `/usr/local/bin/node`) is one of FILE_RUNNERS. */
export function isFileRunner(word: string): boolean {
  return FILE_RUNNERS.has(posix.basename(word));
}

/** FILE_RUNNERS as a regex alternation (longest first, so `ts-node-dev` is not read as `ts-node`). */
export const FILE_RUNNER_ALTERNATION = [...FILE_RUNNERS]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
  .join('|');
