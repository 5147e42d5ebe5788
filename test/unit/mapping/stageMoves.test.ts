// A RUN moving a folder that a COPY --from of the same stage brought in: the moved folder is that
// stage's folder copied to the new place.
import { assertMapping } from './assertMapping';
import { buildSpec } from '../helpers/buildSpec';

/** Our own server: tsc with no rootDir over src and shared, so its output keeps the folders (out/server/src). */
const files = (move: string) => ({
  '/ws/package.json': JSON.stringify({ scripts: { build: 'tsc -p tsconfig.json', start: 'node src/main.js' }, dependencies: { express: '4' }, devDependencies: { typescript: '5' } }),
  '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'out/server' }, include: ['src', 'shared'] }),
  '/ws/src/main.ts': "import { x } from '../shared/x';\nexport const y = x;\n",
  '/ws/shared/x.ts': 'export const x = 1;\n',
  '/ws/Dockerfile': ['FROM node:20 AS build', 'WORKDIR /build', 'COPY . ./', 'RUN npm run build', 'FROM node:20-alpine', 'WORKDIR /srv/app', 'COPY --from=build /build/out /srv/app/out', move, 'CMD ["npm", "start"]', ''].join('\n'),
});

suite('mapping: moves of folders copied from another stage', () => {
  test('`RUN mv /srv/app/out/server/src /srv/app/` puts the compiled source root where the image starts it', async () => {
    await assertMapping(files('RUN mv /srv/app/out/server/src /srv/app/ && mv /srv/app/out/server/shared /srv/app/'), { sourceRoot: '/ws/src', target: '/srv/app/src', bundled: false });
  });

  test('a move to a new name (`mv out/server/src code`, relative to the WORKDIR) lands at that name', async () => {
    const f = files('RUN mv out/server/src code');
    f['/ws/package.json'] = f['/ws/package.json'].replace('node src/main.js', 'node code/main.js');
    await assertMapping(f, { sourceRoot: '/ws/src', target: '/srv/app/code' }, buildSpec());
  });
});
