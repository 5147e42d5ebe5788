// The action that fits a service's state, as compose steps. Pure.
// Not running → start; runs an old image (or was changed inside) → recreate; image behind the
// source → rebuild; a registry image (no build:) is never built: at most pulled. An image another
// service builds (ServiceSpec.builtBy) is built through that service: `up` of this one would pull it.
// An image the project builds outside compose (ServiceSpec.documentedBuild) is built by us first,
// as that command says (documentedBuild.run), or not at all: never pulled.
import * as l10n from '@vscode/l10n';
import type { ActionKind, DocumentedBuildRef, ImageBuildStep, ServiceAction, ServiceSpec } from '../model';

/** What the ladder found about a service, as far as the choice of action goes. */
export interface ActionFacts {
  spec: Pick<ServiceSpec, 'name' | 'build' | 'builtBy' | 'documentedBuild' | 'standalone'>;
  /** Compose command for the command line ("docker compose" / "docker-compose"), with its file flags. */
  composeLabel: string;
  /** The docker command of the same engine, for a documented build (dockerCommandOf); default `docker`. */
  dockerLabel?: string;
  engineError: boolean;
  /** The container's state; undefined when there is none. */
  containerState: string | undefined;
  stale: boolean;
  /** The image the service would run exists. */
  imageExists: boolean;
  /** The image (or the current container's image) lacks files of the source or has other builds. */
  imageBehind: boolean;
  /** A current container differs from its own image (docker cp, a write at run time). */
  changedInside: boolean;
  /** The container was created from another compose configuration than the files declare now. */
  configChanged?: boolean;
  /** The container is a Swarm task: compose does not own it, the Swarm does (its fix is a service update). */
  swarmTask?: boolean;
  /** A one-shot job that exited with 0: done, nothing to start (`up` would run it again). */
  completed?: boolean;
  /** The container's name and the image reference the service runs: a Dockerfile's (spec.standalone) actions name them. */
  container?: string;
  imageRef?: string;
}

/** Button texts; functions, so each is looked up in the bundle configured when it is asked. */
export const ACTION_LABEL: Record<ActionKind, (service: string) => string> = {
  start: (s) => l10n.t`Start ${s}`,
  recreate: (s) => l10n.t`Recreate ${s}`,
  rebuild: (s) => l10n.t`Rebuild ${s}`,
  pull: (s) => l10n.t`Pull ${s}`,
};

export function actionFor(f: ActionFacts): ServiceAction | null {
  // Every action ends in `compose up`, which would start a second container beside a Swarm task.
  if (f.engineError || f.swarmTask) return null;
  if (f.spec.standalone) return standaloneAction(f);
  const svc = f.spec.name;
  const built = Boolean(f.spec.build);
  if (!f.containerState) {
    // Another service's build makes the image: built through it when missing or behind.
    if (f.spec.builtBy !== undefined && (!f.imageExists || f.imageBehind)) return make(f, 'start', [['build', f.spec.builtBy], ['up', '-d', svc]]);
    // An image built outside compose (documentedBuild): no compose step makes it; we build it as written, or the fix says the command.
    if (!built && f.spec.documentedBuild && (!f.imageExists || f.imageBehind)) return documented(f, 'start', f.spec.documentedBuild);
    // `up` builds a missing image itself; an existing one behind the source needs --build.
    return make(f, 'start', [['up', '-d', ...(built && f.imageExists && f.imageBehind ? ['--build'] : []), svc]]);
  }
  if (f.stale) {
    // The tag already points at a newer image: recreating runs it, unless that image is behind too.
    if (f.imageBehind) return behind(f);
    return make(f, 'recreate', [['up', '-d', svc]]);
  }
  if (f.imageBehind) return behind(f);
  if (f.changedInside) return make(f, 'recreate', [['up', '-d', '--force-recreate', svc]]);
  // Compose recreates a container whose configuration changed by itself: no --force-recreate.
  if (f.configChanged) return make(f, 'recreate', [['up', '-d', svc]]);
  if (f.containerState !== 'running' && !f.completed) return make(f, 'start', [['up', '-d', svc]]);
  return null;
}

function behind(f: ActionFacts): ServiceAction | null {
  const svc = f.spec.name;
  if (f.spec.build) return make(f, 'rebuild', [['build', builderOf(f.spec)], ['up', '-d', svc]]);
  if (f.spec.documentedBuild) return documented(f, 'rebuild', f.spec.documentedBuild);
  return make(f, 'pull', [['pull', svc], ['up', '-d', svc]]);
}

/**
 * A Dockerfile with no compose file: the container a person ran from its image is made again by
 * the engine with its own options (ServiceAction.container), after our build where the image is
 * behind. None without a container: how to run one (ports, volumes, env) is the person's.
 */
function standaloneAction(f: ActionFacts): ServiceAction | null {
  const name = f.container;
  const image = f.imageRef;
  if (!name || !image || !f.containerState) return null;
  const make = (kind: ActionKind, run: string, imageBuild?: ImageBuildStep): ServiceAction => ({
    kind,
    label: ACTION_LABEL[kind](f.spec.name),
    ...(imageBuild ? { imageBuild } : {}),
    steps: [],
    container: { name, image },
    command: [...(imageBuild ? [imageBuildCommand(imageBuild, f.dockerLabel ?? 'docker')] : []), run].join(' && '),
  });
  const recreate = l10n.t`recreate ${name} on ${image} with its own options`;
  if (f.imageBehind) {
    const build = standaloneBuild(f.spec, image);
    return build ? make('rebuild', recreate, build) : null;
  }
  if (f.stale || f.changedInside) return make('recreate', recreate);
  if (f.containerState !== 'running' && !f.completed) return make('start', `${f.dockerLabel ?? 'docker'} start ${name}`);
  return null;
}

/**
 * How we build a Dockerfile's image: the project's own command where it writes one that we run
 * (not one that pushes or exports: that is a release), else `docker build -t TAG [-f FILE] CONTEXT`.
 * None when the project's command is one we do not run: its fix names it.
 */
export function standaloneBuild(spec: Pick<ServiceSpec, 'documentedBuild' | 'standalone'>, image: string): ImageBuildStep | undefined {
  const documented = spec.documentedBuild;
  if (documented && !RELEASE.test(documented.command)) return documented.run;
  const context = spec.standalone?.context ?? '.';
  const file = spec.standalone?.dockerfile ?? 'Dockerfile';
  const named = file === `${context === '.' ? '' : `${context}/`}Dockerfile` ? [] : ['-f', file];
  return { dir: '.', args: ['build', '-t', image, ...named, context] };
}

/** A build command that publishes the image instead of making it here. */
export const RELEASE = /\s(?:--push|--output|-o)(?:[\s=]|$)/;

/** Our own run of a documented build, then up; none when we do not run that command. */
function documented(f: ActionFacts, kind: ActionKind, build: DocumentedBuildRef): ServiceAction | null {
  return build.run ? make(f, kind, [['up', '-d', f.spec.name]], build.run) : null;
}

function make(f: ActionFacts, kind: ActionKind, steps: string[][], imageBuild?: ImageBuildStep): ServiceAction {
  const compose = steps.map((s) => `${f.composeLabel} ${s.join(' ')}`);
  return {
    kind,
    label: ACTION_LABEL[kind](f.spec.name),
    ...(imageBuild ? { imageBuild } : {}),
    steps,
    command: [...(imageBuild ? [imageBuildCommand(imageBuild, f.dockerLabel ?? 'docker')] : []), ...compose].join(' && '),
  };
}

/** A documented build as we run it, as one command line: `(cd web && docker build --tag=shop-app .)`. */
export function imageBuildCommand(step: ImageBuildStep, dockerLabel: string): string {
  const run = `${dockerLabel} ${step.args.map(shellWord).join(' ')}`;
  return step.dir === '.' ? run : `(cd ${shellWord(step.dir)} && ${run})`;
}

/** A word as a shell reads it back: quoted when it has a space (its other characters are plain, buildArgsOf). */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** The service `compose build` is given to build this one's image: itself, or the one whose build makes it. */
export function builderOf(spec: Pick<ServiceSpec, 'name' | 'builtBy'>): string {
  return spec.builtBy ?? spec.name;
}

/** What an action asked for by kind runs: our build of a documented image, then compose's steps; or why nothing. */
export interface ActionPlan {
  imageBuild?: ImageBuildStep;
  steps: string[][];
  /** A documented build we do not run (DocumentedBuildRef.notRun, or none read): nothing runs, the person runs it. */
  refused?: DocumentedBuildRef;
}

/**
 * The plan of an action asked for by kind, when the report offers none of that kind. An image built
 * outside compose is never pulled: a rebuild (or a pull, or a start while it is missing) runs its
 * documented build first, or nothing when we do not run that command.
 */
export function planOf(kind: ActionKind, spec: Pick<ServiceSpec, 'name' | 'build' | 'builtBy' | 'documentedBuild'>, opts: { forceRecreate: boolean; imageMissing?: boolean }): ActionPlan {
  const svc = spec.name;
  const up = ['up', '-d', ...(opts.forceRecreate ? ['--force-recreate'] : []), svc];
  const doc = spec.build ? undefined : spec.documentedBuild;
  if (doc && (kind === 'rebuild' || kind === 'pull' || opts.imageMissing)) return doc.run ? { imageBuild: doc.run, steps: [up] } : { steps: [], refused: doc };
  switch (kind) {
    case 'start':
      return { steps: [['up', '-d', svc]] };
    case 'recreate':
      return { steps: [up] };
    case 'rebuild':
      // A registry image has nothing to build: the nearest thing is a pull.
      return { steps: spec.build ? [['build', builderOf(spec)], up] : [['pull', svc], up] };
    case 'pull':
      return { steps: [['pull', svc], up] };
  }
}
