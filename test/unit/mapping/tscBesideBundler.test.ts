// A package compiled by tsc whose build also bundles a front end of its own (a widget built by Vite
// into public/): the image starting tsc's output runs files compiled one by one, not a bundle.
import { assertMapping } from './assertMapping';
import type { ServiceSpec } from '../../../src/core/model';

const spec: ServiceSpec = { name: 'bridge', project: 'ws', projectDir: '/ws', composeFiles: [], ports: [], drift: {}, build: { context: '/ws', dockerfile: '/ws/Dockerfile' } };

/** Our own bridge: no server framework of its own (it listens through a library), a widget beside it. */
const bridge = (build: Record<string, string>, dockerfile: string, more: Record<string, string> = {}) => ({
  '/ws/package.json': JSON.stringify({ name: 'bridge', scripts: { start: 'node ./lib/app.js', ...build }, dependencies: { 'acme-bridge-kit': '1' }, devDependencies: { vite: '5', typescript: '5' } }),
  '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './lib', rootDir: './src' }, include: ['src/**/*'] }),
  '/ws/src/app.ts': "import { main } from './main';\nmain();\n",
  '/ws/src/main.ts': 'export function main() {}\n',
  '/ws/widget/vite.config.ts': 'export default {};\n',
  '/ws/widget/src/index.tsx': '',
  '/ws/Dockerfile': dockerfile,
  ...more,
});

const TWO_STAGES = 'FROM node:20 AS build\nWORKDIR /build\nCOPY . .\nRUN yarn --ignore-scripts\nRUN yarn build\nFROM node:20-slim\nWORKDIR /usr/src/app\nCOPY --from=build /build/lib /usr/src/app/lib\nCOPY --from=build /build/public /usr/src/app/public\n';
const TSC_AND_VITE = { build: 'yarn build:app && yarn build:widget', 'build:app': 'tsc --build', 'build:widget': 'vite build --config widget/vite.config.ts' };

suite('mapping: tsc output beside a front-end bundler', () => {
  test('the image starting a file of tsc outDir (ENTRYPOINT node lib/app.js) is not a bundle though the package depends on vite', async () => {
    await assertMapping(bridge(TSC_AND_VITE, `${TWO_STAGES}ENTRYPOINT ["node", "lib/app.js", "-c", "/config/config.yaml"]\nCMD ["-f", "/config/registration.yaml"]\n`), { sourceRoot: '/ws/src', target: '/usr/src/app/lib', bundled: false }, spec);
  });

  test('a launcher copied as written that loads tsc output (app.js requiring ./lib/main) is not a bundle either', async () => {
    const files = bridge(TSC_AND_VITE, `${TWO_STAGES}COPY app.js /usr/src/app/\nENTRYPOINT ["node", "app.js"]\n`, { '/ws/app.js': "const main = require('./lib/main');\nmain.main();\n" });
    await assertMapping(files, { target: '/usr/src/app/lib', bundled: false }, spec);
  });

  test('tsc only checking types (tsc --noEmit) beside vite leaves the bundler verdict as it was', async () => {
    const checked = { build: 'tsc --noEmit && vite build --config widget/vite.config.ts' };
    await assertMapping(bridge(checked, `${TWO_STAGES}ENTRYPOINT ["node", "lib/app.js"]\n`), { bundled: true }, spec);
  });

  test('a build running no tsc (webpack writing lib) leaves the bundler verdict as it was', async () => {
    const files = bridge({ build: 'webpack --config webpack.config.js' }, `${TWO_STAGES}ENTRYPOINT ["node", "lib/app.js"]\n`);
    const pkg = JSON.parse(files['/ws/package.json']) as { devDependencies: Record<string, string> };
    pkg.devDependencies = { webpack: '5' };
    await assertMapping({ ...files, '/ws/package.json': JSON.stringify(pkg) }, { bundled: true }, spec);
  });

  test("a server whose build is `tsc && webpack` (webpack's output.path a constant's folder, not tsc's outDir) starting tsc's output is not a bundle", async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ scripts: { build: 'tsc && webpack --mode production', start: 'node build/server/index.js' }, dependencies: { express: '4', react: '18' }, devDependencies: { webpack: '5', typescript: '5' } }),
      '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './build', rootDir: './src' }, include: ['src'] }),
      '/ws/src/server/index.ts': '',
      '/ws/src/client/index.tsx': '',
      '/ws/webpack.config.ts': "const outFolder = 'public-dist'\nmodule.exports = () => ({ entry: './src/client/index.tsx', output: { path: path.join(__dirname, outFolder) } })\n",
      '/ws/Dockerfile': 'FROM node:20\nWORKDIR /srv/shortener\nCOPY package.json ./\nRUN npm ci\nCOPY . ./\nRUN npm run build\nCMD ["npm", "run", "start"]\n',
    };
    await assertMapping(files, { sourceRoot: '/ws/src', target: '/srv/shortener/build', bundled: false }, spec);
  });
});
