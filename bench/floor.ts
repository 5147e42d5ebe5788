// The engine floor: the fewest engine API calls that yield the same facts as a check, all at
// once, over the socket, with no analysis. One container list for the project, then per
// container: inspect, image inspect, one listing of the target with the fastest method the engine
// offers (`find … -exec stat` through exec in a running container, output lines counted; the
// archive API, tar headers counted and bodies skipped, when exec cannot answer) and, for a
// container running an old image, one archive of the newest image through a created-never-started
// container, as the product must (once for images alike in their layers, VOLUMEs and WORKDIR, as the
// product lists them: engine/imageFilesystem.ts); plus the R route GETs (the route rung's facts). Whatever the
// product spends above this is ours to explain.
import { Agent, request } from 'node:http';
import Dockerode from 'dockerode';
import { demuxer, findCommand } from '../src/engine/execListing';
import { filesystemKey } from '../src/engine/imageFilesystem';

export interface FloorInput {
  project: string;
  target: string;
  /** Loopback base URLs and route paths per service name. */
  probes: Record<string, { port: number; paths: string[] }>;
}

export interface FloorFacts {
  containers: number;
  containerFiles: number;
  stale: number;
  imageFiles: number;
  probes: number;
}

/** Bound for the whole floor run: a healthy local engine answers in seconds. */
const FLOOR_TIMEOUT_MS = 300_000;
const PROBE_TIMEOUT_MS = 3_000;
const TAR_BLOCK = 512;

export async function runFloor(docker: Dockerode, input: FloorInput): Promise<FloorFacts> {
  const signal = AbortSignal.timeout(FLOOR_TIMEOUT_MS);
  const agent = new Agent({ keepAlive: true });
  try {
    const imageListings = new Map<string, Promise<number>>();
    const summaries = await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${input.project}`] }, abortSignal: signal });
    const perContainer = await Promise.all(
      summaries.map(async (s) => {
        const container = docker.getContainer(s.Id);
        const service = s.Labels['com.docker.compose.service'] ?? '';
        const probe = input.probes[service];
        const [info, files, answers] = await Promise.all([
          container.inspect({ abortSignal: signal }),
          countRunning(container, input.target, s.State === 'running', signal),
          Promise.all((probe?.paths ?? []).map((p) => loopbackStatus(agent, probe?.port ?? 0, p))),
        ]);
        const image = await docker.getImage(info.Config.Image).inspect();
        const stale = image.Id !== info.Image;
        // Images alike in what decides their files (a LABEL apart) are listed once, as the product lists them.
        const key = filesystemKey(image) ?? image.Id;
        let listed = stale ? imageListings.get(key) : undefined;
        if (stale && listed === undefined) imageListings.set(key, (listed = countImage(docker, image.Id, input.target, signal)));
        return { files, stale, imageFiles: listed ? await listed : 0, probes: answers.length };
      }),
    );
    return {
      containers: perContainer.length,
      containerFiles: perContainer.reduce((n, c) => n + c.files, 0),
      stale: perContainer.filter((c) => c.stale).length,
      imageFiles: perContainer.reduce((n, c) => n + c.imageFiles, 0),
      probes: perContainer.reduce((n, c) => n + c.probes, 0),
    };
  } finally {
    agent.destroy();
  }
}

/** Files under `target` in an image: one archive through a created-never-started container. */
async function countImage(docker: Dockerode, imageId: string, target: string, signal: AbortSignal): Promise<number> {
  const lister = await docker.createContainer({
    Image: imageId,
    Entrypoint: [''],
    Cmd: ['/nonexistent'],
    NetworkDisabled: true,
    HostConfig: { NetworkMode: 'none' },
    abortSignal: signal,
  });
  try {
    return await countArchive(await lister.getArchive({ path: target, abortSignal: signal }));
  } finally {
    await lister.remove({ force: true, v: true }).catch(() => undefined);
  }
}

/** Files under `target`: through exec find when the container runs and find answers, else the archive API. */
async function countRunning(container: Dockerode.Container, target: string, running: boolean, signal: AbortSignal): Promise<number> {
  if (running) {
    const exec = await container.exec({ Cmd: findCommand(target), AttachStdout: true, AttachStderr: true, abortSignal: signal } as Dockerode.ExecCreateOptions);
    const stream = await exec.start({ hijack: true, stdin: false });
    let lines = 0;
    const feed = demuxer(
      (chunk) => {
        for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines += 1;
      },
      () => undefined,
    );
    for await (const chunk of stream as AsyncIterable<Buffer>) feed(chunk);
    if ((await exec.inspect()).ExitCode === 0) return lines;
  }
  return countArchive(await container.getArchive({ path: target, abortSignal: signal }));
}

/**
 * Regular files in a tar stream, reading headers only: the smallest parser possible (ustar
 * size field, type flag), so the floor is not slowed by any library's per-entry machinery.
 * PAX/GNU long-name records are skipped like any other entry; their type flags are not files.
 */
export async function countArchive(stream: NodeJS.ReadableStream): Promise<number> {
  let files = 0;
  let pending = Buffer.alloc(0);
  let skip = 0; // body bytes (padded) still to skip before the next header
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let buf = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let off = 0;
    while (true) {
      if (skip > 0) {
        const n = Math.min(skip, buf.length - off);
        skip -= n;
        off += n;
        if (skip > 0) break;
      }
      if (buf.length - off < TAR_BLOCK) break;
      if (buf[off] === 0) {
        off += TAR_BLOCK; // end-of-archive blocks
        continue;
      }
      const type = buf[off + 156];
      const size = parseInt(buf.toString('latin1', off + 124, off + 136).replace(/\0.*$/, '').trim() || '0', 8);
      // '0', NUL (old tar) and '1'/'2' (hard/soft links) are what the product counts as files.
      if (type === 0x30 || type === 0 || type === 0x31 || type === 0x32) files += 1;
      off += TAR_BLOCK;
      skip = Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;
    }
    buf = buf.subarray(off);
    pending = buf.length > 0 ? Buffer.from(buf) : Buffer.alloc(0);
  }
  return files;
}

function loopbackStatus(agent: Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent, timeout: PROBE_TIMEOUT_MS }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.once('timeout', () => req.destroy(new Error(`GET 127.0.0.1:${port}${path} timed out`)));
    req.once('error', reject);
    req.end();
  });
}
