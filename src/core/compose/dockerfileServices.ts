// A workspace with Dockerfiles and no compose file (a fifth of the public projects we measure):
// each Dockerfile is checked as a service of its own, as `docker build` and `docker run` make it.
// Its name is its folder's (the workspace's for one at the root), its build context the folder its
// COPY sources are found from, its image the tag the project's README or scripts build it as
// (`docker build -t shop-app .`), else its name. Its containers are those running that image.
import path from 'node:path';
import type { FsLike } from '../ports';
import type { ServiceSpec } from '../model';
import { copiesFromContext, isContextRoot, parseDockerfile } from '../dockerfile/parse';
import { SKIPPED_DIRS, toPosix } from './walk';

/** A Dockerfile's name: `Dockerfile`, `Dockerfile.prod`, `api.Dockerfile` (any case). */
const DOCKERFILE_NAME = /^(?:dockerfile(?:[.-]([\w.-]+))?|([\w.-]+)\.dockerfile)$/i;
/** Folders whose Dockerfiles are not a service of the project: tests, fixtures, others' code vendored in. */
const NOT_SERVICE_DIRS = new Set(['test', 'tests', '__tests__', 'fixtures', '__fixtures__', 'testdata', 'e2e', 'vendor', 'third_party', 'third-party']);
/** A variant naming a test image (`node_e2e.Dockerfile`, `Dockerfile.test`): built by the test suite, not run as the project. */
const TEST_VARIANT = /(?:^|[._-])(?:tests?|e2e|spec)(?:$|[._-])/i;
/** Folders that hold a project's Dockerfiles rather than name a part of it (`docker/Dockerfile`): the service takes the name of the folder above. */
const HOLDER_DIRS = new Set(['docker', 'dockerfiles', 'deploy', 'deployment', 'deployments', 'build', 'ci', 'container', 'containers', 'infra', 'ops', 'packaging']);
/** At most this many Dockerfile services: a workspace of more is a collection, checked one folder at a time. */
const MAX_SERVICES = 20;

/**
 * The Dockerfiles of the workspace (down to `maxDepth` folders, not in dependencies, build output,
 * hidden or test folders), each as the service `docker build` + `docker run` make of it.
 * `projectName`: the name compose would give the workspace's folder.
 */
export async function dockerfileServices(fs: FsLike, workspaceDir: string, projectName: string, maxDepth: number): Promise<ServiceSpec[]> {
  const found = (await dockerfilesUnder(fs, workspaceDir, maxDepth)).slice(0, MAX_SERVICES);
  const taken = new Set<string>();
  const out: ServiceSpec[] = [];
  for (const file of found) {
    const text = await fs.readFile(file).catch(() => undefined);
    if (text === undefined || !/^\s*FROM\s/im.test(text)) continue;
    const name = uniqueName(serviceName(workspaceDir, file, projectName), taken);
    const context = await contextOf(fs, workspaceDir, file, text);
    out.push({
      name,
      project: projectName,
      projectDir: workspaceDir,
      composeFiles: [],
      image: name,
      build: { context, dockerfile: file },
      ports: exposedPorts(text).map((target) => ({ target, protocol: 'tcp' as const })),
      drift: {},
      standalone: { dockerfile: toPosix(path.relative(workspaceDir, file)), context: toPosix(path.relative(workspaceDir, context)) || '.' },
    });
  }
  return out;
}

async function dockerfilesUnder(fs: FsLike, root: string, maxDepth: number): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    const names = await fs.readdir(dir);
    const dirs: string[] = [];
    for (const n of names) {
      const p = path.join(dir, n);
      const st = DOCKERFILE_NAME.test(n) || (depth < maxDepth && !n.startsWith('.') && !SKIPPED_DIRS.has(n) && !NOT_SERVICE_DIRS.has(n)) ? await fs.stat(p) : undefined;
      if (st?.isFile && DOCKERFILE_NAME.test(n)) {
        if (isServiceDockerfile(n)) out.push(p);
      } else if (st?.isDirectory) dirs.push(p);
    }
    for (const d of dirs) await visit(d, depth + 1);
  };
  await visit(root, 0);
  // The root's first, then by folder: the project's own image before its parts'.
  return out.sort((a, b) => path.dirname(a).split(path.sep).length - path.dirname(b).split(path.sep).length || a.localeCompare(b));
}

/**
 * Not a hidden one (`.gitpod.Dockerfile`: a development environment's image), nor a test image by
 * its variant (`node_e2e.Dockerfile`, `Dockerfile.test`).
 */
function isServiceDockerfile(name: string): boolean {
  const m = DOCKERFILE_NAME.exec(name);
  const variant = m?.[1] ?? m?.[2];
  return !name.startsWith('.') && (variant === undefined || !TEST_VARIANT.test(variant));
}

/** `api/Dockerfile` → `api`; `Dockerfile.prod` at the root → `<project>-prod`; compose's characters. */
function serviceName(workspaceDir: string, file: string, projectName: string): string {
  const m = DOCKERFILE_NAME.exec(path.basename(file));
  const variant = m?.[1] ?? m?.[2];
  let dir = path.dirname(file);
  while (dir !== workspaceDir && HOLDER_DIRS.has(path.basename(dir).toLowerCase())) dir = path.dirname(dir);
  const base = dir === workspaceDir ? projectName : path.basename(dir);
  const name = variant !== undefined && variant.toLowerCase() !== base.toLowerCase() ? `${base}-${variant}` : base;
  return name.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'app';
}

function uniqueName(name: string, taken: Set<string>): string {
  let n = name;
  for (let i = 2; taken.has(n); i++) n = `${name}-${i}`;
  taken.add(n);
  return n;
}

/**
 * The build context: of the Dockerfile's folder and the folders above it up to the workspace, the
 * one most of its COPY sources exist in (`COPY api/package.json ./` is written from the root);
 * the Dockerfile's own folder on a tie, as `docker build <its folder>` would take it.
 */
async function contextOf(fs: FsLike, workspaceDir: string, file: string, text: string): Promise<string> {
  let sources: string[];
  try {
    sources = parseDockerfile(text).stages.flatMap((s) => s.copies.filter(copiesFromContext).flatMap((c) => c.sources));
  } catch {
    sources = [];
  }
  const named = sources.filter((s) => !isContextRoot(s) && !/^[a-z]+:\/\//i.test(s)).map((s) => s.split(/[*?[]/)[0]?.replace(/\/+$/, '') ?? '').filter((s) => s !== '' && !path.isAbsolute(s));
  let best = path.dirname(file);
  let bestCount = -1;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    let count = 0;
    for (const s of named) if ((await fs.stat(path.join(dir, s))) !== undefined) count++;
    if (count > bestCount) [best, bestCount] = [dir, count];
    if (dir === workspaceDir || !dir.startsWith(`${workspaceDir}${path.sep}`)) break;
  }
  return best;
}

/** The ports its EXPOSE lines name (`EXPOSE 3000 8080/tcp`), literal ones only. */
function exposedPorts(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/^\s*EXPOSE\s+([^\n]+)/gim)) {
    for (const word of (m[1] ?? '').split(/\s+/)) {
      const p = /^(\d+)(?:\/tcp)?$/i.exec(word);
      if (p && !out.includes(Number(p[1]))) out.push(Number(p[1]));
    }
  }
  return out;
}
