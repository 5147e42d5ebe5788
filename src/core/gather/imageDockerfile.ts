// Which Dockerfile of a project builds a prebuilt image its compose file runs. A project that
// publishes its server as `ghcr.io/acme/shop` and runs that image from its own compose file keeps
// the recipe beside it, named for the image: `Dockerfile.shop`, `shop.Dockerfile`, `docker/shop/
// Dockerfile`, `worker/Dockerfile` for `acme/shop-worker`; or, for a project of one image, the
// Dockerfile at its root. Only the file names are read here; whether the Dockerfile brings a
// server's folder is the caller's to judge.
import * as path from 'node:path';
import type { ServiceBuild } from '../model';
import type { FsLike } from '../ports';
import { DEFAULT_DOCKERFILE, defaultDockerfileIn } from '../dockerfile/dockerfileName';

/** Folders where projects keep the Dockerfiles of their images, besides the project root. */
const DOCKERFILE_DIRS = ['', 'docker', 'dockers', 'dockerfile', 'dockerfiles', 'deploy', 'deployments', 'apps', 'packages', 'services'];

/** `shop-worker` with the project's words left out (`worker`), beside the name itself. */
export function imageNameForms(repository: string, projectWords: readonly string[]): string[] {
  const own = new Set(projectWords);
  const rest = repository.toLowerCase().split(/[-_.]+/).filter((w) => w !== '' && !own.has(w)).join('-');
  return [...new Set([repository, ...(rest !== '' && rest !== repository ? [rest] : [])])];
}

/** The Dockerfile names that say they build `name`: in a folder of that name, or with it beside the word Dockerfile. */
function namedCandidates(projectRoot: string, name: string): string[] {
  return DOCKERFILE_DIRS.flatMap((dir) => {
    const base = path.join(projectRoot, dir);
    const inFolder = path.join(base, name, DEFAULT_DOCKERFILE);
    return dir === 'apps' || dir === 'packages' || dir === 'services'
      ? [inFolder]
      : [path.join(base, `Dockerfile.${name}`), path.join(base, `${name}.Dockerfile`), path.join(base, `${name}.dockerfile`), path.join(base, `Dockerfile-${name}`), inFolder];
  });
}

/** A Dockerfile variant named for a way to build, not for an image of its own (`Dockerfile.prod`). */
const BUILD_VARIANT = /^Dockerfile[.-](?:dev|development|prod|production|release|local|alpine|slim|debian|bookworm|node)$/i;

/** The root's Dockerfile: the one `docker build .` reads (`Dockerfile`, else `dockerfile`), else its only build variant (`Dockerfile.prod`). */
async function rootDockerfile(fs: FsLike, projectRoot: string): Promise<string | undefined> {
  const variants = (await fs.readdir(projectRoot)).filter((n) => BUILD_VARIANT.test(n));
  return (await defaultDockerfileIn(fs, projectRoot)) ?? (variants.length === 1 && variants[0] !== undefined ? path.join(projectRoot, variants[0]) : undefined);
}

/** A candidate that exists: a folder's Dockerfile is the one a build of that folder reads (`Dockerfile`, else `dockerfile`). */
async function existingDockerfile(fs: FsLike, file: string): Promise<string | undefined> {
  if (path.basename(file) === DEFAULT_DOCKERFILE) return defaultDockerfileIn(fs, path.dirname(file));
  return (await fs.stat(file))?.isFile ? file : undefined;
}

/**
 * The builds (Dockerfile and context: the project root, else the Dockerfile's folder) that may
 * make the image `repository` (its last path part, no tag): the Dockerfiles named for it; else,
 * when the image is named like the project (`namesProject`), the root's.
 */
export async function buildsForImage(fs: FsLike, repository: string, projectRoot: string, opts: { projectWords: readonly string[]; namesProject: boolean }): Promise<ServiceBuild[]> {
  const named: string[] = [];
  for (const form of imageNameForms(repository, opts.projectWords)) {
    for (const candidate of namedCandidates(projectRoot, form)) {
      const file = await existingDockerfile(fs, candidate);
      if (file !== undefined && !named.includes(file)) named.push(file);
    }
  }
  const root = named.length === 0 && opts.namesProject ? await rootDockerfile(fs, projectRoot) : undefined;
  const files = root !== undefined ? [root] : named;
  return files.flatMap((dockerfile) => [...new Set([projectRoot, path.dirname(dockerfile)])].map((context) => ({ context, dockerfile })));
}
