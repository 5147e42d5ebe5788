// `npm run corpus`: bench/corpus.ts run the way the product runs the same code: bundled by esbuild
// with scripts/build.mjs's settings, the route parser its own bundle beside it (dist/routeParser.js's
// entry, loaded through src/engine/routeParserLoader.ts as the scan worker loads it). Run through tsx
// instead, each module is compiled to CommonJS on its own and every imported binding is read through
// a getter of the exporting module (tsNodes.ts's node tests at every node): about a quarter of
// apitable's scan went there, a cost no bundle of the product has (bench/README.md).
// Arguments are handed on: npm run corpus -- NAME... --verbose, --try DIR.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { common, entries, parserApart } from './build.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(repo, 'bench', 'tmp', 'corpus');
const parser = entries.find((e) => e.outfile.endsWith('/routeParser.js'));
if (!parser) throw new Error('scripts/build.mjs has no route parser entry');
const built = await Promise.all([
  build({ ...common, entryPoints: [join(repo, 'bench', 'corpus.ts')], outfile: join(out, 'corpus.js'), plugins: [parserApart], write: false }),
  build({ ...common, ...parser, entryPoints: parser.entryPoints.map((p) => join(repo, p)), outfile: join(out, 'routeParser.js'), write: false }),
]);
// A file is written only when its bytes changed: the parser's V8 code cache (kept beside it, as the
// scan worker keeps its own in the scan cache's folder: bench/corpus.ts) is named by the bundle's
// size and mtime, so the same code keeps its cache from one run to the next.
mkdirSync(out, { recursive: true });
for (const f of built.flatMap((b) => b.outputFiles)) {
  const same = existsSync(f.path) && Buffer.from(f.contents).equals(readFileSync(f.path));
  if (!same) writeFileSync(f.path, f.contents);
}
const run = spawnSync(process.execPath, [join(out, 'corpus.js'), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, RUNTIME_DRIFT_CORPUS_ROOT: repo } });
process.exitCode = run.status ?? 1;
