// Bundles the extension and the CLI with esbuild. Runtime libraries are bundled, so the
// .vsix and the CLI need no node_modules at run time.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // ssh2 (pulled in by docker-modem) has optional native parts; they are loaded in try/catch.
  external: ['vscode', 'cpu-features', './crypto/build/Release/sshcrypto.node'],
};

/**
 * The route parser (src/core/routes/extract.ts and the TypeScript compiler, about 9 MB) is its own
 * bundle, required by scanFile.ts at the first file that may declare a route: the scan worker's
 * bundle loads in a tenth of the time and memory, and a tree with no route source never loads it.
 */
const PARSER_FILE = 'routeParser.js';
const parserApart = {
  name: 'route-parser-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/extract$/ }, (args) => (/[\\/]routes[\\/]scanFile\.ts$/.test(args.importer) ? { path: `./${PARSER_FILE}`, external: true } : undefined));
  },
};

const entries = [
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  // The extension's engine side, required on first use (src/vscode/backendLoader.ts).
  { entryPoints: ['src/engine/extensionBackend.ts'], outfile: 'dist/engine.js' },
  // Walks and reads source trees beside the main thread (src/engine/sourceScanner.ts).
  { entryPoints: ['src/engine/scanWorker.ts'], outfile: 'dist/scanWorker.js', plugins: [parserApart] },
  { entryPoints: ['src/core/routes/extract.ts'], outfile: `dist/${PARSER_FILE}` },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

const only = process.argv[2];
await Promise.all(
  entries
    .filter((e) => !only || e.outfile.includes(only))
    .map((e) => build({ ...common, ...e })),
);
