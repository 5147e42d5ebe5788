// Removes what an engine test made for one compose project, whichever way it was made.
import { dockerCli } from './dockerCli';
import { TEST_PROJECT_LABEL } from './projectNames';

/**
 * Force-removes every container labelled com.docker.compose.project=<name> (any state) and every
 * image tagged `<name>_*` (compose v1 naming), `<name>-*` (v2), `<name>/*` or `<name>:*`, or
 * labelled TEST_PROJECT_LABEL=<name> (see buildImage), plus the project's
 * networks and volumes. Never throws: cleanup must not hide the test's own failure.
 */
export async function cleanupProject(name: string): Promise<void> {
  const label = `label=com.docker.compose.project=${name}`;
  const testLabel = `label=${TEST_PROJECT_LABEL}=${name}`;
  const containers = [...new Set([...(await lines(['ps', '-aq', '--filter', label])), ...(await lines(['ps', '-aq', '--filter', testLabel]))])];
  if (containers.length) await dockerCli(['rm', '-f', '-v', ...containers]);

  const refs = await lines(['images', '--format', '{{.Repository}}:{{.Tag}}']);
  const ours = refs.filter((ref) => [`${name}_`, `${name}-`, `${name}/`, `${name}:`].some((prefix) => ref.startsWith(prefix)));
  // Images built with buildImage() carry the project label, which also catches the untagged
  // ones a rebuild of the same tag leaves behind.
  const labelled = await lines(['images', '-q', '--filter', testLabel]);
  const images = [...new Set([...ours, ...labelled])];
  if (images.length) await dockerCli(['rmi', '-f', ...images]);

  const networks = await lines(['network', 'ls', '-q', '--filter', label]);
  if (networks.length) await dockerCli(['network', 'rm', ...networks]);
  const volumes = await lines(['volume', 'ls', '-q', '--filter', label]);
  if (volumes.length) await dockerCli(['volume', 'rm', '-f', ...volumes]);
}

async function lines(args: string[]): Promise<string[]> {
  const result = await dockerCli(args);
  if (result.code !== 0) return [];
  return result.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}
