// A service that runs an image another service of its project builds: `api` has `build: .` and
// `image: acme/app`, `worker` only `image: acme/app` and its own command. Compose builds that image
// only through `api` (`up -d worker` alone would pull `acme/app` from a registry), so the worker's
// source, mapping and routes are the build's, and its fixes build through `api`.
import type { ServiceBuild, ServiceSpec } from '../model';
import { repositoryName } from './imageReference';

/** Docker Hub's implied parts written out: `node` -> `docker.io/library/node`, `acme/app` -> `docker.io/acme/app`. */
function qualified(name: string): string {
  const first = name.split('/')[0] ?? '';
  const hasHost = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasHost) return name.replace(/^index\.docker\.io\//, 'docker.io/');
  return name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`;
}

/**
 * What two references to one image have in common: the repository with its defaults written out,
 * and with `withTag` its tag (`:latest` when none) and digest; `acme/app` and
 * `docker.io/library/acme/app:latest` alike.
 */
export function imageKey(ref: string, withTag: boolean): string {
  const name = repositoryName(ref);
  return withTag ? qualified(name) + (ref.slice(name.length) || ':latest') : qualified(name);
}

/** The program a service starts from its image, as its definition overrides it (none: the image's own). */
export function startOf(s: ServiceSpec | undefined): string {
  return JSON.stringify([s?.config?.entrypoint ?? null, s?.config?.command ?? null]);
}

function sameBuild(a: ServiceBuild, b: ServiceBuild): boolean {
  return a.context === b.context && a.dockerfile === b.dockerfile && a.target === b.target;
}

/**
 * Which services build the image a service runs (`build:` beside the same `image:`, by imageKey),
 * within the same scope (the compose project; by default all of them).
 */
export function buildersOf(specs: readonly ServiceSpec[], withTag: boolean, scope: (s: ServiceSpec) => string = () => ''): (s: ServiceSpec) => ServiceSpec[] {
  const keyOf = (s: ServiceSpec, image: string) => `${scope(s)}\0${imageKey(image, withTag)}`;
  const builders = new Map<string, ServiceSpec[]>();
  for (const s of specs) {
    if (s.build === undefined || s.image === undefined || s.error !== undefined) continue;
    const key = keyOf(s, s.image);
    builders.set(key, [...(builders.get(key) ?? []), s]);
  }
  return (s) => (s.image === undefined ? [] : (builders.get(keyOf(s, s.image)) ?? []));
}

/** The first of the services building an image when all build it alike (one Dockerfile, context and stage); none when they differ. */
export function soleBuilder(candidates: readonly ServiceSpec[]): ServiceSpec | undefined {
  const build = candidates[0]?.build;
  if (build === undefined) return undefined;
  return candidates.every((b) => b.build !== undefined && sameBuild(b.build, build)) ? candidates[0] : undefined;
}

/**
 * Marks each service with an image and no build whose image one build of its project makes (one
 * Dockerfile, context and stage, however many services name it): `build` is that build, `builtBy`
 * the first service that has it. Services whose definition failed are left as they are.
 */
export function linkBuiltImages(specs: ServiceSpec[]): void {
  const builders = buildersOf(specs, true, (s) => s.project);
  for (const s of specs) {
    if (s.build !== undefined || s.image === undefined || s.error !== undefined) continue;
    const builder = soleBuilder(builders(s));
    if (builder?.build === undefined) continue;
    s.build = builder.build;
    s.builtBy = builder.name;
    // Its own command or entrypoint: it starts another program of the image than the builder's (a worker).
    if (startOf(s) !== startOf(builder)) s.ownStart = true;
  }
  markSiblingStarts(specs);
}

/**
 * Services of one project building alike (`app` and `worker` both `build: .`), one with a command
 * or entrypoint of its own that another of them does not share (`deno task dev` beside `deno task
 * worker`): each such service starts its own program of that image, as a worker of a built image
 * does (ownStart). A service keeping the image's start is its server as built.
 */
function markSiblingStarts(specs: ServiceSpec[]): void {
  const own = specs.filter((s) => s.build !== undefined && s.builtBy === undefined && s.error === undefined);
  for (const s of own) {
    if (s.config?.command === undefined && s.config?.entrypoint === undefined) continue;
    const build = s.build as ServiceBuild;
    if (own.some((o) => o !== s && o.project === s.project && sameBuild(o.build as ServiceBuild, build) && startOf(o) !== startOf(s))) s.ownStart = true;
  }
}
