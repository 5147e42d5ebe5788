// Whether a command line (a RUN, a start command, a package script) runs a build or a package
// script by name: one vocabulary (the package managers, the task runners, the build tools) for the
// readers that ask. Three questions, kept apart on purpose:
// - BUILD_COMMAND: does it build the sources (a build tool, or a script or task named build)? Read
//   where a RUN's output appears (dockerfile/locate.ts: the last RUN that builds) and whether an
//   image builds at all (runsABuild): a script of another name (`npm run migrate`) is no build there.
// - runsTasks: does a RUN run a task runner's task or a package script by name, which may build
//   whatever its name (`pnpm turbo make-bin`)? Only where "may this build?" is enough (an image
//   that never builds its bundle). Read without the package's scripts, so a package manager needs
//   `run`: `pnpm install` or a bare `yarn` would otherwise count.
// - scriptsRun / scriptRun: which package scripts it runs by name (`npm run x`, and pnpm, yarn and
//   bun also by the bare name, `pnpm x`), for the reader to look up in the package's scripts (a
//   name that is a manager's own command, `npm install`, is found in none).
import type { Dockerfile } from '../dockerfile/parse';

/** The package managers that run a package.json script by name. */
const PACKAGE_MANAGERS = '(?:npm|pnpm|yarn|bun)';

/** Monorepo task runners: `turbo build`, `nx run api:bundle`, `lerna run build`. */
const TASK_RUNNERS = '(?:turbo|nx|lerna)';

/** A RUN that builds (compiles or bundles) the sources; Vite+'s `vp pack` is tsdown (https://viteplus.dev/guide/pack). */
export const BUILD_COMMAND = /\b(?:tsc|build|grunt|gulp|tsup|tsdown|rolldown|esbuild|webpack|swc|babel|ncc|vp\s+pack)\b/;

/**
 * The task runners' own commands, which run no task: Turborepo's (`turbo prune --scope=api --docker`
 * writes a pruned copy of the workspace, https://turborepo.com/docs/reference) and Nx's that only
 * read or reset the workspace (`nx reset`, `nx graph`, `nx show projects`).
 */
const RUNNER_OWN_COMMANDS = '(?:turbo\\s+(?:prune|login|logout|link|unlink|gen|generate|daemon|telemetry|ls|info|query|scan|bin|completion|docs)|nx\\s+(?:reset|graph|show|report|list|daemon|connect|init|add|migrate))\\b';

/** A task runner or a package script run by name (`pnpm turbo make-bin`, `nx run api:bundle`, `npm run pack`): what it runs may build, whatever its name; not a runner's own command (RUNNER_OWN_COMMANDS). */
const TASK_RUN = new RegExp(`(?:^|[\\s;&|(])(?!${RUNNER_OWN_COMMANDS})(?:${TASK_RUNNERS}\\s+(?:run\\s+)?|${PACKAGE_MANAGERS}\\s+run\\s+)[\\w:@/.-]+`);

/** A package script run by name (`npm run build`, `pnpm build`), the name in group 1. */
const SCRIPT_RUN = `\\b${PACKAGE_MANAGERS}\\s+(?:run\\s+)?([\\w:.-]+)`;

/** A RUN of any stage runs a build (BUILD_COMMAND). */
export function runsABuild(df: Dockerfile): boolean {
  return df.stages.some((st) => st.runs.some((r) => BUILD_COMMAND.test(r.command)));
}

/** A RUN of any stage runs a task or a package script by name (TASK_RUN). */
export function runsTasks(df: Dockerfile): boolean {
  return df.stages.some((st) => st.runs.some((r) => TASK_RUN.test(r.command)));
}

/** The names of the package scripts a text runs, in order (`yarn build:web && yarn build:server`: both; npm-run-all's `run-s clean build:app`: both). */
export function scriptsRun(text: string): string[] {
  return [...[...text.matchAll(new RegExp(SCRIPT_RUN, 'g'))].map((m) => m[1] as string), ...runAllScripts(text)];
}

/**
 * The scripts npm-run-all runs (`run-s clean build:app`, `run-p a b`, `npm-run-all -s a b`), by
 * name: its operands up to the end of the command or `--` (the arguments handed on); a glob
 * (`build:*`) names no one script. https://github.com/mysticatea/npm-run-all/blob/master/docs/npm-run-all.md
 */
function runAllScripts(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[\s;&|(])(?:run-s|run-p|npm-run-all)((?:\s+[^\s;&|()]+)*)/g)) {
    for (const raw of (m[1] ?? '').trim().split(/\s+/)) {
      const word = raw.replace(/^(['"])(.*)\1$/, '$2');
      if (word === '--') break;
      if (word !== '' && !word.startsWith('-') && !/[*?{]/.test(word)) out.push(word);
    }
  }
  return out;
}

/** The first package script a command runs by name, and the rest of the line after its name (the arguments given to it). */
export function scriptRun(command: string): { name: string; rest: string } | undefined {
  const m = new RegExp(`${SCRIPT_RUN}(.*)`).exec(command);
  return m?.[1] === undefined ? undefined : { name: m[1], rest: m[2] ?? '' };
}
