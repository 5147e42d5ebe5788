// An Nx target that builds its project before running the output: @nx/js:node (formerly
// @nrwl/node:execute, @nx/node:node) runs its `buildTarget`, then node on that target's main output
// file, from the workspace root. A service starting such a target (`nx run api:serve:development`)
// runs a build made at start, of the build target the serve target names (`api:build-worker`), not
// necessarily the one called `build`. https://nx.dev/nx-api/js/executors/node
import { nxRunTargets, objectField } from './buildProject';

/** The executors that build their `buildTarget` and run its output. */
const BUILD_AND_RUN = /^@(?:nx|nrwl)\/(?:js|node):(?:node|execute)$/;

/**
 * The name of the build target (of the same project) that the Nx target a start command runs
 * builds before running its output: `nx run api:serve:development` (or `nx serve api`) with serve's
 * executor @nx/js:node and `buildTarget: "api:build:development"` gives `build`. Undefined when the
 * text runs no such target of this project.
 */
export function nxStartedBuildTarget(startText: string, nx: Record<string, unknown> | undefined): string | undefined {
  const targets = objectField(nx, 'targets');
  for (const run of nxRunTargets(startText)) {
    const target = objectField(targets, run.target);
    if (!BUILD_AND_RUN.test(String(target['executor']))) continue;
    const configurations = objectField(target, 'configurations');
    const configuration = run.configuration ?? (typeof target['defaultConfiguration'] === 'string' ? target['defaultConfiguration'] : undefined);
    const buildTarget = (configuration === undefined ? undefined : objectField(configurations, configuration)['buildTarget']) ?? objectField(target, 'options')['buildTarget'];
    const built = typeof buildTarget === 'string' ? buildTarget.split(':')[1] : undefined;
    if (built !== undefined && built !== '') return built;
  }
  return undefined;
}

/**
 * The source file (relative to the workspace root) the Nx target a start command runs starts: the
 * `main` option of the build target an @nx/js:node target builds and runs (`nx serve worker`, whose
 * build's main is `apps/worker/src/main.ts`). Undefined when the text runs no such target of this project.
 */
export function nxStartedMain(startText: string, nx: Record<string, unknown> | undefined): string | undefined {
  const built = nxStartedBuildTarget(startText, nx);
  const main = built === undefined ? undefined : objectField(objectField(objectField(nx, 'targets'), built), 'options')['main'];
  return typeof main === 'string' && main !== '' ? main : undefined;
}
