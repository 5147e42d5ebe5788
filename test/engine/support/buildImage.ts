// Builds a small test image from files written to a temporary build context.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dockerCli } from './dockerCli';
import { TEST_PROJECT_LABEL } from './projectNames';

/** Base images engine-setup makes locally (no registry is reachable, nothing can be pulled). */
export const DISTROLESS_NODE = 'runtime-drift/node:distroless';
export const BUSYBOX_NODE = 'runtime-drift/node:busybox';

export interface BuildImageOptions {
  /** Image tag, e.g. `${project}_api`. */
  tag: string;
  /** Context-relative path -> content; must include "Dockerfile". */
  files: Record<string, string>;
  /** Context-relative path -> link target, for images that need symlinks (COPY keeps them). */
  symlinks?: Record<string, string>;
  /** Labels the image with TEST_PROJECT_LABEL, so cleanupProject() removes it (and its untagged predecessors). */
  project?: string;
}

/** Builds with the classic builder (it uses a local FROM tag without pulling); returns the image ID. */
export async function buildImage(opts: BuildImageOptions): Promise<string> {
  const context = mkdtempSync(join(tmpdir(), 'rd-build-'));
  try {
    for (const [rel, content] of Object.entries(opts.files)) {
      const path = join(context, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    for (const [rel, target] of Object.entries(opts.symlinks ?? {})) {
      const path = join(context, rel);
      mkdirSync(dirname(path), { recursive: true });
      symlinkSync(target, path);
    }
    // Not com.docker.compose.project: containers inherit image labels, and a compose label on an
    // image would make every container run from it look like part of a compose project.
    const labels = opts.project ? ['--label', `${TEST_PROJECT_LABEL}=${opts.project}`] : [];
    await dockerCli(['build', '-q', '-t', opts.tag, ...labels, context], { env: { DOCKER_BUILDKIT: '0' }, check: true, timeoutMs: 300_000 });
    const inspected = await dockerCli(['image', 'inspect', '--format', '{{.Id}}', opts.tag], { check: true });
    return inspected.stdout.trim();
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}
