// The bench child (bench/child.ts) and the bundles it loads at run time, built as scripts/build.mjs
// builds dist/: one definition for bench/run.ts (this checkout) and bench/pairs.ts (any commit's
// checkout, so the plugins come from that checkout's build.mjs when it has them).
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { BuildOptions, Plugin } from 'esbuild';

type BuildScript = { entries: Array<BuildOptions & { entryPoints: string[]; outfile: string }>; withoutSsh2?: Plugin; withoutBuildKit?: Plugin; parserApart?: Plugin };

/**
 * `repo/bench/child.ts` into `out/child.cjs`, and next to it (where the runtime looks for them, as
 * in dist/) the build.mjs entries whose outfile `beside` matches. No source map: --enable-source-maps
 * would parse it at load and inflate every child's RSS. The child is built without comments, without
 * ssh2 or dockerode's BuildKit session and with the route parser apart, as dist/cliMain.js is (a
 * two-byte source, ssh2, gRPC or the TypeScript compiler would weigh on the peak; build.mjs
 * withoutSsh2, withoutBuildKit, parserApart).
 */
export async function bundleBenchChild(repo: string, out: string, beside: RegExp): Promise<void> {
  await mkdir(out, { recursive: true });
  // Same externals as scripts/build.mjs: ssh2's optional native parts are loaded in try/catch.
  const options: BuildOptions = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error', external: ['vscode', 'cpu-features', './crypto/build/Release/sshcrypto.node'] };
  const script = (await import(pathToFileURL(join(repo, 'scripts', 'build.mjs')).href)) as BuildScript;
  const plugins = [script.withoutSsh2, script.withoutBuildKit, script.parserApart].filter((p): p is Plugin => p !== undefined);
  await Promise.all([
    build({ ...options, minifyWhitespace: true, plugins, entryPoints: [join(repo, 'bench', 'child.ts')], outfile: join(out, 'child.cjs') }),
    ...script.entries.filter((e) => beside.test(e.outfile)).map((e) => build({ ...options, ...e, entryPoints: e.entryPoints.map((p) => join(repo, p)), outfile: join(out, basename(e.outfile)) })),
  ]);
}
