// A service that runs an image another service of its project builds: `api` has `build: .` and
// `image: acme/app`, `worker` only `image: acme/app` and its own command. Compose builds that image
// only through `api` (`up -d worker` alone would pull `acme/app` from a registry), so the worker's
// source, mapping and routes are the build's, and its fixes build through `api`.
import type { ServiceBuild, ServiceSpec } from '../model';

/** `acme/app` and `docker.io/library/acme/app:latest` alike: the reference with its defaults written out. */
function fullReference(ref: string): string {
  const withTag = /@|:[\w][\w.-]*$/.test(ref.slice(ref.lastIndexOf('/') + 1)) ? ref : `${ref}:latest`;
  const first = withTag.split('/')[0] ?? '';
  const hasHost = withTag.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasHost) return withTag;
  return withTag.includes('/') ? `docker.io/${withTag}` : `docker.io/library/${withTag}`;
}

function startOf(s: ServiceSpec | undefined): string {
  return JSON.stringify([s?.config?.entrypoint ?? null, s?.config?.command ?? null]);
}

function sameBuild(a: ServiceBuild, b: ServiceBuild): boolean {
  return a.context === b.context && a.dockerfile === b.dockerfile && a.target === b.target;
}

/**
 * Marks each service with an image and no build whose image one build of its project makes (one
 * Dockerfile, context and stage, however many services name it): `build` is that build, `builtBy`
 * the first service that has it. Services whose definition failed are left as they are.
 */
export function linkBuiltImages(specs: ServiceSpec[]): void {
  const builders = new Map<string, ServiceSpec[]>();
  for (const s of specs) {
    if (s.build === undefined || s.image === undefined || s.error !== undefined) continue;
    const key = `${s.project}\0${fullReference(s.image)}`;
    builders.set(key, [...(builders.get(key) ?? []), s]);
  }
  for (const s of specs) {
    if (s.build !== undefined || s.image === undefined || s.error !== undefined) continue;
    const found = builders.get(`${s.project}\0${fullReference(s.image)}`) ?? [];
    const build = found[0]?.build;
    if (build === undefined || !found.every((b) => b.build !== undefined && sameBuild(b.build, build))) continue;
    s.build = build;
    s.builtBy = found[0]?.name;
    // Its own command or entrypoint: it starts another program of the image than the builder's (a worker).
    if (startOf(s) !== startOf(found[0])) s.ownStart = true;
  }
}
