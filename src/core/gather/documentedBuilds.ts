// A service whose `image:` no compose service builds, built by a command the project writes down
// (`docker build -t shop-app .` in its README, a package.json script, a Makefile or a shell script
// beside the compose file or at the workspace's root): that build is where its source is read from.
import path from 'node:path';
import type { DocumentedBuildRef, ServiceSpec } from '../model';
import type { FsLike } from '../ports';
import { buildArgsOf, documentedBuilds, tagMatches, type DocumentedBuild } from '../compose/documentedBuilds';
import { imageKey } from '../compose/builtImages';
import { isAtOrInside } from '../pathInside';
import { workflowBuilds } from '../compose/workflowBuilds';

/** The files read, in each folder: the first of them that says wins. */
const DOC_FILES = ['README.md', 'readme.md', 'README', 'package.json', 'Makefile', 'makefile'];
/** Shell scripts of a folder read too, by name. */
const SCRIPT = /\.(?:sh|bash)$/;
/** The repository's CI workflows, read (after the files above) for a Dockerfile service's build. */
const WORKFLOWS_DIR = path.join('.github', 'workflows');
const WORKFLOW = /\.ya?ml$/;
/**
 * Other CI systems' pipeline files at the repository's root, read after the workflows for their
 * `docker build` lines (a CircleCI `command:`, a Drone `commands:` item, a GitLab `script:` line):
 * paths from the repository's root, as the pipeline runs there.
 */
const CI_FILES = /^(?:\.gitlab-ci\.ya?ml|\.travis\.ya?ml|\.drone(?:[.-][\w.-]+)?\.ya?ml|bitbucket-pipelines\.ya?ml|azure-pipelines\.ya?ml|cloudbuild\.ya?ml|Jenkinsfile)$/;
/** CI pipeline files in a folder of their own at the repository's root. */
const CI_NESTED = [path.join('.circleci', 'config.yml'), path.join('.buildkite', 'pipeline.yml')];
/** A file larger than this is not read for build commands. */
const MAX_DOC_BYTES = 512 * 1024;

/**
 * For each service of `specs` running an image that no compose service builds (not in `builders`),
 * the service as if its definition built that image as the command does: its build's context and
 * Dockerfile resolved from the file's folder, inside the workspace. Read only where such a service is.
 * One whose context or Dockerfile is outside the workspace has no `build` (nothing there is read),
 * only the command, marked not to be run.
 */
export async function documentedBuilders(fs: FsLike, specs: readonly ServiceSpec[], builders: ReadonlyMap<ServiceSpec, ServiceSpec>, workspaceDir: string): Promise<Map<ServiceSpec, ServiceSpec>> {
  const out = new Map<ServiceSpec, ServiceSpec>();
  const wanting = specs.filter((s) => s.image !== undefined && s.build === undefined && s.error === undefined && !builders.has(s));
  if (wanting.length === 0) return out;
  const commands = new Map<string, Awaited<ReturnType<typeof folderBuilds>>>();
  for (const spec of wanting) {
    // A command whose context or Dockerfile is outside the workspace: named in the fix, never run or read.
    let outside: ServiceSpec | undefined;
    for (const dir of new Set([spec.projectDir, workspaceDir])) {
      if (!isAtOrInside(workspaceDir, dir)) continue;
      if (!commands.has(dir)) commands.set(dir, await folderBuilds(fs, dir));
      const hit = commands.get(dir)?.find((b) => (b.tagPattern ? tagMatches(b.tag, spec.image ?? '') : imageKey(b.tag, false) === imageKey(spec.image ?? '', false)));
      if (!hit) continue;
      const { context, dockerfile, base } = await resolvedFrom(fs, hit, dir, workspaceDir);
      const ref = { command: hit.command, where: whereWritten(hit, dir, workspaceDir) };
      const away = [[context, hit.context], [dockerfile, hit.dockerfile ?? path.join(hit.context, 'Dockerfile')]].find(([abs]) => !isAtOrInside(workspaceDir, abs ?? ''));
      if (away) outside ??= { ...spec, documentedBuild: { ...ref, notRun: { outside: away[1] ?? '' } } };
      if (away || !(await fs.stat(dockerfile))?.isFile) continue;
      out.set(spec, { ...spec, build: { context, dockerfile, ...(hit.target !== undefined ? { target: hit.target } : {}) }, documentedBuild: { ...ref, ...rerunOf(hit, base, workspaceDir) } });
      break;
    }
    if (outside && !out.has(spec)) out.set(spec, outside);
  }
  return out;
}

/**
 * A build command's context and Dockerfile, from the folder it is written in; a script in a
 * folder below the workspace (`docker/build.sh`, run as `bash docker/build.sh`) whose Dockerfile
 * is only there from the workspace's root is read from the root.
 */
async function resolvedFrom(fs: FsLike, hit: DocumentedBuild & { file: string }, dir: string, workspaceDir: string): Promise<{ context: string; dockerfile: string; base: string }> {
  const here = { ...resolvedBuild(hit, dir), base: dir };
  if (dir === workspaceDir || !SCRIPT.test(hit.file) || (await fs.stat(here.dockerfile))?.isFile) return here;
  const root = { ...resolvedBuild(hit, workspaceDir), base: workspaceDir };
  return (await fs.stat(root.dockerfile))?.isFile ? root : here;
}

/** A build command's context and Dockerfile, absolute: `-f` from the folder it is written in, else the context's `Dockerfile`. */
function resolvedBuild(hit: DocumentedBuild, dir: string): { context: string; dockerfile: string } {
  const context = path.resolve(dir, hit.context);
  return { context, dockerfile: path.resolve(hit.dockerfile !== undefined ? dir : context, hit.dockerfile ?? 'Dockerfile') };
}

/** Where a build command is written, from the workspace: `README.md:93`. */
function whereWritten(hit: DocumentedBuild & { file: string }, dir: string, workspaceDir: string): string {
  return `${relative(workspaceDir, path.join(dir, hit.file))}:${hit.line}`;
}

/** How we run a build command (from its folder, with the arguments we pass), or the word we do not run. */
function rerunOf(hit: DocumentedBuild, dir: string, workspaceDir: string): Pick<DocumentedBuildRef, 'run' | 'notRun'> {
  const args = buildArgsOf(hit);
  return args ? { run: { dir: relative(workspaceDir, dir), args } } : { notRun: { word: 'notRun' in hit.rerun ? hit.rerun.notRun : '' } };
}

/** A path from the workspace, with `/`; `.` for the workspace itself. */
function relative(workspaceDir: string, p: string): string {
  return path.relative(workspaceDir, p).split(path.sep).join('/') || '.';
}

/**
 * The build commands of a folder's README, package.json, Makefile and shell scripts; with
 * `workflows`, then those of its .github/workflows (`run: docker build …` lines and build-push-action
 * steps) and of its other CI pipelines (CI_FILES, CI_NESTED), whose paths are the repository's: read
 * only for the workspace's root.
 */
async function folderBuilds(fs: FsLike, dir: string, workflows = false): Promise<(DocumentedBuild & { file: string })[]> {
  const names = await fs.readdir(dir);
  const files = [...DOC_FILES.filter((n) => names.includes(n)), ...names.filter((n) => SCRIPT.test(n)).sort()];
  if (workflows) {
    files.push(...(await fs.readdir(path.join(dir, WORKFLOWS_DIR)).catch(() => [])).filter((n) => WORKFLOW.test(n)).sort().map((n) => path.join(WORKFLOWS_DIR, n)));
    files.push(...names.filter((n) => CI_FILES.test(n)).sort(), ...CI_NESTED);
  }
  const out: (DocumentedBuild & { file: string })[] = [];
  for (const name of files) {
    const file = path.join(dir, name);
    const st = await fs.stat(file);
    if (!st?.isFile || (st.size ?? 0) > MAX_DOC_BYTES) continue;
    const text = await fs.readFile(file).catch(() => '');
    const builds = name.startsWith(WORKFLOWS_DIR) ? [...documentedBuilds(text), ...workflowBuilds(text)].sort((a, b) => a.line - b.line) : documentedBuilds(text);
    out.push(...builds.map((b) => ({ ...b, file: name })));
  }
  return out;
}

/**
 * Each Dockerfile service (ServiceSpec.standalone) with the build the project writes down for its
 * Dockerfile (`docker build -t shop-app -f api/Dockerfile .` in the README, a script or a Makefile
 * of the workspace's root or the Dockerfile's folder): its tag is the image to look for, its
 * context the build's. A command naming another Dockerfile, or one outside the workspace, is not it.
 */
export async function documentedStandaloneBuilds(fs: FsLike, specs: readonly ServiceSpec[], workspaceDir: string): Promise<void> {
  const commands = new Map<string, Awaited<ReturnType<typeof folderBuilds>>>();
  for (const spec of specs) {
    const build = spec.build;
    if (!spec.standalone || !build) continue;
    for (const dir of new Set([path.dirname(build.dockerfile), build.context, workspaceDir])) {
      if (!isAtOrInside(workspaceDir, dir)) continue;
      if (!commands.has(dir)) commands.set(dir, await folderBuilds(fs, dir, dir === workspaceDir));
      const hit = commands.get(dir)?.find((b) => resolvedBuild(b, dir).dockerfile === build.dockerfile);
      const context = hit && resolvedBuild(hit, dir).context;
      if (!hit || !context || !isAtOrInside(workspaceDir, context)) continue;
      spec.image = hit.tag;
      spec.build = { ...build, context };
      spec.standalone = { ...spec.standalone, context: relative(workspaceDir, context) };
      // Written in a folder below the workspace: run from there.
      const command = dir === workspaceDir ? hit.command : `cd ${relative(workspaceDir, dir)} && ${hit.command}`;
      spec.documentedBuild = { command, where: whereWritten(hit, dir, workspaceDir), ...rerunOf(hit, dir, workspaceDir) };
      break;
    }
  }
}
