// Bundles the extension and the CLI with esbuild. Runtime libraries are bundled, so the
// .vsix and the CLI need no node_modules at run time.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const common = {
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
 * The route parser (src/core/parserBundle.ts: the route reader, the build-script reader and the
 * TypeScript compiler, about 9 MB) is its own bundle. scanFile.ts's require of './extract' (made
 * at the first file that may declare a route, in the scan worker) and bundleScript.ts's require of
 * './bundleCall' (at the first build script that may call a bundler's API, in the engine side and
 * the command) and remixRouteConfig.ts's require of './routeConfigRun' (at the first React Router
 * route config built in code) go to src/engine/routeParserLoader.ts, which loads that bundle with a V8 code cache:
 * the other bundles load in a tenth of the time and memory, a tree with no route source never
 * loads the parser, and a later process compiles it from its cache.
 */
const PARSER_FILE = 'routeParser.js';
export const parserApart = {
  name: 'route-parser-apart',
  setup(b) {
    const loader = { path: fileURLToPath(new URL('../src/engine/routeParserLoader.ts', import.meta.url)) };
    b.onResolve({ filter: /^\.\/extract$/ }, (args) => (/[\\/]routes[\\/]scanFile\.ts$/.test(args.importer) ? loader : undefined));
    b.onResolve({ filter: /^\.\/bundleCall$/ }, (args) => (/[\\/]mapping[\\/]bundleScript\.ts$/.test(args.importer) ? loader : undefined));
    b.onResolve({ filter: /^\.\/routeConfigRun$/ }, (args) => (/[\\/]routes[\\/]remixRouteConfig\.ts$/.test(args.importer) ? loader : undefined));
  },
};

/**
 * docker-modem requires ssh2 at load for its own ssh:// transport, which this tool never uses: an
 * ssh:// engine is reached through src/engine/sshTunnel.ts (the system's ssh), and the engine
 * client is handed the tunnel's local socket. Loading ssh2 instantiates a WebAssembly module with
 * a 16 MB memory (about 4 MB resident) and compiles its JavaScript: in the CLI and in the extension
 * host that is memory and start-up time for nothing. Here docker-modem's `require('ssh2')` gets a module
 * whose Client refuses to be made, saying why.
 */
export const withoutSsh2 = {
  name: 'without-ssh2',
  setup(b) {
    b.onResolve({ filter: /^ssh2$/ }, (args) => (/[\\/]docker-modem[\\/]/.test(args.importer) ? { path: 'ssh2', namespace: 'without-ssh2' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'without-ssh2' }, () => ({
      contents: "exports.Client = class Client { constructor() { throw new Error('docker-modem\\'s ssh2 transport is not bundled: ssh:// engines go through the ssh tunnel'); } };",
      loader: 'js',
    }));
  },
};

/**
 * dockerode requires its BuildKit session (`./session`: gRPC with @grpc/grpc-js and a proto loader)
 * when it loads, and its BuildKit progress reader (`./buildkit`: protobufjs) in `followProgress`:
 * both serve only `buildImage` with BuildKit, which this tool never calls (images are built by
 * docker compose, src/engine/composeCli.ts). Bundled, they were 570 KB of the engine's source (V8
 * keeps a script's source for the process's life) and gRPC's module set-up at every start. Here
 * they are modules that say why they are not there.
 */
export const withoutBuildKit = {
  name: 'without-buildkit',
  setup(b) {
    b.onResolve({ filter: /^\.\/(session|buildkit)$/ }, (args) => (/[\\/]dockerode[\\/]lib[\\/]docker\.js$/.test(args.importer) ? { path: args.path, namespace: 'without-buildkit' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'without-buildkit' }, () => ({
      contents: "const why = () => new Error('dockerode\\'s BuildKit session is not bundled: images are built by docker compose'); module.exports = (docker, auth, handler) => handler(why()); module.exports.followProgress = () => { throw why(); };",
      loader: 'js',
    }));
  },
};

export const entries = [
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  // The extension's engine side, required on first use (src/vscode/backendLoader.ts). Without
  // comments: V8 keeps a script's source for the process's life, and a few non-Latin-1 characters
  // in bundled libraries' comments made this 3.5 MB source a two-byte string (7 MB of the
  // extension host's heap; 2.4 MB one-byte without them). The source map still maps. No ssh2 and
  // no BuildKit session (withoutSsh2, withoutBuildKit): 2.9 -> 1.8 MB.
  { entryPoints: ['src/engine/extensionBackend.ts'], outfile: 'dist/engine.js', minifyWhitespace: true, plugins: [withoutSsh2, withoutBuildKit, parserApart] },
  // Walks and reads source trees beside the main thread (src/engine/sourceScanner.ts).
  { entryPoints: ['src/engine/scanWorker.ts'], outfile: 'dist/scanWorker.js', plugins: [parserApart] },
  // Without comments, as dist/engine.js: a few characters beyond Latin-1 in our readers' comments (`…`,
  // a URL's Chinese anchor) made this 10.5 MB source a two-byte string, 21 MB of the scan worker's heap
  // for its life and a UTF-8 decode at every load; 7.1 MB one byte a character without them (load from
  // the code cache 366-394 -> 246-258 ms of CPU, RSS 102 -> 76 MB: bench/README.md, thirty-third round).
  { entryPoints: ['src/core/parserBundle.ts'], outfile: `dist/${PARSER_FILE}`, minifyWhitespace: true },
  // The command: a small first bundle that starts an ssh:// engine's login, then requires the rest (src/cli/entry.ts).
  { entryPoints: ['src/cli/entry.ts'], outfile: 'dist/cli.js', external: [...common.external, './cliMain.js'] },
  // Without comments, as dist/engine.js: a bundled library's comments (undici's curly quotes) made
  // this 3.6 MB source a two-byte string, which V8 keeps for the process's life.
  // No ssh2 (withoutSsh2): the CLI reaches an ssh:// engine through its own tunnel.
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cliMain.js', minifyWhitespace: true, plugins: [withoutSsh2, withoutBuildKit, parserApart] },
];

// Run as a script (not imported by a test that builds a bundle the same way).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const only = process.argv[2];
  await Promise.all(
    entries
      .filter((e) => !only || e.outfile.includes(only))
      .map((e) => build({ ...common, ...e })),
  );
}
