// A server rendered by Razzle (`razzle build`: webpack bundles the server entry into build/server.js
// and the client into build/public), the build folder copied into the final stage
// (src/core/mapping/bundlerOutput.ts, bundler.ts).
import { memFs } from '../helpers/memFs';
import { assertMapping } from './assertMapping';
import type { ServiceSpec } from '../../../src/core/model';

const spec: ServiceSpec = { name: 'site', project: 'p', projectDir: '/ws', composeFiles: [], ports: [], drift: {}, build: { context: '/ws', dockerfile: '/ws/Dockerfile' } };

const DOCKERFILE = [
  'FROM node:20-alpine AS compile',
  'WORKDIR /srv/site',
  'COPY package.json yarn.lock ./',
  'COPY src ./src',
  'COPY public ./public',
  'RUN yarn install && yarn build',
  'FROM node:20-alpine',
  'WORKDIR /srv/site',
  'COPY --from=compile /srv/site/build ./build',
  'CMD ["node", "build/server.js"]',
  '',
].join('\n');

const files = (extra: Record<string, string> = {}, dockerfile = DOCKERFILE) =>
  memFs({
    '/ws/package.json': JSON.stringify({ dependencies: { express: '^4', react: '^18' }, devDependencies: { razzle: '^4' }, scripts: { start: 'razzle start', build: 'razzle build', 'start:prod': 'node build/server.js' } }),
    '/ws/yarn.lock': '',
    '/ws/src/index.js': "import express from 'express';\nimport app from './server';\nexpress().use((req, res) => app.handle(req, res)).listen(3000);\n",
    '/ws/src/server.js': "import express from 'express';\nconst server = express();\nserver.get('/ping', (req, res) => res.send('ok'));\nexport default server;\n",
    '/ws/src/client.js': "console.log('client');\n",
    '/ws/public/robots.txt': '',
    '/ws/Dockerfile': dockerfile,
    ...extra,
  });

suite('a server rendered by Razzle', () => {
  test('razzle build bundles the server into build/ by default: the image has the bundle of src there', async () => {
    await assertMapping(files(), { sourceRoot: '/ws/src', target: '/srv/site/build', bundled: true }, spec);
  });

  test("razzle.config.js's appBuild names another folder", async () => {
    const dockerfile = DOCKERFILE.replace('/srv/site/build ./build', '/srv/site/out ./out').replace('build/server.js', 'out/server.js');
    const config = "module.exports = { modifyPaths({ paths }) { paths.appBuild = path.resolve(__dirname, 'out'); return paths; } };\n";
    await assertMapping(files({ '/ws/razzle.config.js': config }, dockerfile), { sourceRoot: '/ws/src', target: '/srv/site/out', bundled: true }, spec);
  });
});
