// The hand-run ladder: what a person (or a shell script) does today, one service after the
// other, with the docker CLI and curl. Each step is a separate process, as in a script:
//   docker ps --filter label=...            find the service's container
//   docker inspect <c>                      its image ID, image reference, state
//   docker image inspect <ref>              what the reference points to now (stale?)
//   find <src> -type f                      the source files
//   docker exec <c> find /app/dist -type f  what the container has (docker cp | tar -t without a shell)
//   docker run --rm --entrypoint find ...   what the newest image has, when the container is stale
//   curl per route                          what the running service answers
// then a set difference, done here (a script would pipe through sed | sort | comm).
import { execFile, spawn } from 'node:child_process';
import { join, relative } from 'node:path';

export interface HandInput {
  project: string;
  dir: string;
  target: string;
  services: { name: string; port: number; paths: string[] }[];
  /** curl when the machine has it, else a node fetch one process per request. */
  curl: boolean;
  /** Containers have a shell and find (busybox); else `docker cp - | tar -t`. */
  shell: boolean;
}

export interface HandFacts {
  containers: number;
  stale: number;
  missingFiles: number;
  missingInImage: number;
  probes: number;
}

/** One step's bound: a docker CLI call on a healthy local engine takes well under a second. */
const STEP_TIMEOUT_MS = 120_000;
const MAX_OUTPUT = 256 * 1024 * 1024;

function sh(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: STEP_TIMEOUT_MS, maxBuffer: MAX_OUTPUT }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${file} ${args.slice(0, 3).join(' ')}…: ${stderr.trim() || err.message}`));
      else resolve(stdout);
    });
  });
}

/** `a | b` without a shell: two argument-array processes, a's stdout into b's stdin. */
function pipe(a: string[], b: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const left = spawn(a[0] ?? 'false', a.slice(1), { stdio: ['ignore', 'pipe', 'ignore'], timeout: STEP_TIMEOUT_MS });
    const right = spawn(b[0] ?? 'false', b.slice(1), { stdio: ['pipe', 'pipe', 'ignore'], timeout: STEP_TIMEOUT_MS });
    left.stdout.pipe(right.stdin);
    let out = '';
    right.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    left.once('error', reject);
    right.once('error', reject);
    right.once('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${b.join(' ')} exited ${code}`))));
  });
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

/** `find dir -type f` output into the set of paths, docker cp + tar -t when no shell is there. */
async function listContainer(id: string, target: string, shell: boolean): Promise<Set<string>> {
  if (shell) return new Set(lines(await sh('docker', ['exec', id, 'find', target, '-type', 'f'])));
  // Without a shell the archive is the only way in; tar -t names entries relative to the parent.
  const parent = target.replace(/\/[^/]+$/, '') || '/';
  const names = lines(await pipe(['docker', 'cp', `${id}:${target}`, '-'], ['tar', '-t']));
  return new Set(names.filter((n) => !n.endsWith('/')).map((n) => `${parent}/${n}`.replace(/\/+/g, '/')));
}

export async function runHand(input: HandInput): Promise<HandFacts> {
  const facts: HandFacts = { containers: 0, stale: 0, missingFiles: 0, missingInImage: 0, probes: 0 };
  for (const svc of input.services) {
    const ids = lines(
      await sh('docker', ['ps', '-aq', '--no-trunc', '--filter', `label=com.docker.compose.project=${input.project}`, '--filter', `label=com.docker.compose.service=${svc.name}`]),
    );
    const id = ids[0];
    if (!id) continue;
    facts.containers += 1;
    const [info] = JSON.parse(await sh('docker', ['inspect', id])) as { Image: string; Config: { Image: string }; State: { Status: string } }[];
    if (!info) continue;
    const [image] = JSON.parse(await sh('docker', ['image', 'inspect', info.Config.Image])) as { Id: string }[];
    const stale = image?.Id !== info.Image;
    if (stale) facts.stale += 1;

    const srcDir = join(input.dir, svc.name, 'src');
    const sources = lines(await sh('find', [srcDir, '-type', 'f']));
    const inContainer = await listContainer(id, input.target, input.shell);
    const expected = sources.map((s) => `${input.target}/${relative(srcDir, s).replace(/\.ts$/, '.js')}`);
    const missing = expected.filter((p) => !inContainer.has(p));
    facts.missingFiles += missing.length;
    if (stale && missing.length > 0) {
      const inImage = new Set(
        lines(await sh('docker', ['run', '--rm', '--network', 'none', '--entrypoint', 'find', info.Config.Image, input.target, '-type', 'f'])),
      );
      facts.missingInImage += missing.filter((p) => inImage.has(p)).length;
    }

    for (const path of svc.paths) {
      const url = `http://127.0.0.1:${svc.port}${path}`;
      if (input.curl) await sh('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', '3', url]);
      else await sh(process.execPath, ['-e', 'fetch(process.argv[1]).then((r) => console.log(r.status))', url]);
      facts.probes += 1;
    }
  }
  return facts;
}
