// An Nx target that builds its project before running the output: @nx/js:node (formerly
// @nrwl/node:execute, @nx/node:node) runs its `buildTarget`, then node on that target's main output
// file, from the workspace root. A service starting such a target (`nx run api:serve:development`)
// runs a build made at start, of the build target the serve target names (`api:build-worker`), not
// necessarily the one called `build`. https://nx.dev/nx-api/js/executors/node
import { objectField } from './buildProject';

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
  for (const command of startText.split(/&&|\|\||[;|\n]/)) {
    const run = /\bnx\s+run\s+(?:--?[\w-]+(?:=\S+)?\s+)*['"]?[\w@./-]+:([\w-]+)(?::([\w-]+))?/.exec(command);
    const short = run ? undefined : /\bnx\s+(serve|start)\s+(?:--?[\w-]+(?:=\S+)?\s+)*['"]?[\w@./-]+/.exec(command);
    const name = run?.[1] ?? short?.[1];
    if (name === undefined) continue;
    const target = objectField(targets, name);
    if (!BUILD_AND_RUN.test(String(target['executor']))) continue;
    const configurations = objectField(target, 'configurations');
    const configuration = run?.[2] ?? (typeof target['defaultConfiguration'] === 'string' ? target['defaultConfiguration'] : undefined);
    const buildTarget = (configuration === undefined ? undefined : objectField(configurations, configuration)['buildTarget']) ?? objectField(target, 'options')['buildTarget'];
    const built = typeof buildTarget === 'string' ? buildTarget.split(':')[1] : undefined;
    if (built !== undefined && built !== '') return built;
  }
  return undefined;
}
