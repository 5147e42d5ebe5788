// An image started by `litefs mount` (LiteFS on Fly.io) runs the app its configuration's `exec`
// ends with (`npm start`), after the migration steps: what that runs decides the mapping.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const LITEFS = 'fuse:\n  dir: "${LITEFS_DIR}"\nexec:\n  - cmd: npx prisma migrate deploy\n    if-candidate: true\n  - cmd: npm start\n';

const files = (extra: Record<string, string>) =>
  memFs({
    '/ws/package.json': JSON.stringify({ type: 'module', dependencies: { express: '5' }, devDependencies: { '@react-router/dev': '7' }, scripts: { build: 'react-router build', start: 'node index.ts' } }),
    '/ws/tsconfig.json': JSON.stringify({ include: ['**/*.ts', '**/*.tsx'], compilerOptions: { noEmit: true } }),
    '/ws/index.ts': "await import('./server/index.ts');\n",
    '/ws/server/index.ts': "import express from 'express';\nconst app = express();\napp.get('/healthz', (_req, res) => res.send('ok'));\napp.listen(8081);\n",
    '/ws/app/root.tsx': 'export default function App() { return null; }\n',
    '/ws/other/litefs.yml': LITEFS,
    ...extra,
  });

const DOCKERFILE = (copy: string, cmd: string) => `FROM node:22 AS build\nWORKDIR /myapp\nADD . .\nRUN npm ci && npm run build\nFROM node:22\nWORKDIR /myapp\nCOPY --from=build /myapp/build /myapp/build\n${copy}\nADD . .\nCMD ${cmd}\n`;

suite('an image started by litefs mount', () => {
  test("runs the last command of the exec in the litefs.yml it copies to /etc/litefs.yml (npm start = node index.ts): the source as copied, not the framework's bundle", async () => {
    const m = await inferMapping(files({ '/ws/Dockerfile': DOCKERFILE('ADD other/litefs.yml /etc/litefs.yml', '["litefs", "mount"]') }), buildSpec());
    assert.equal(m?.sourceRoot, '/ws', m?.evidence.join('\n'));
    assert.equal(m?.target, '/myapp', m?.evidence.join('\n'));
    assert.equal(m?.bundled, false);
  });

  test('reads the configuration -config names', async () => {
    const m = await inferMapping(files({ '/ws/Dockerfile': DOCKERFILE('COPY other/litefs.yml /config/fs.yml', '["litefs", "mount", "-config", "/config/fs.yml"]') }), buildSpec());
    assert.equal(m?.target, '/myapp', m?.evidence.join('\n'));
  });
});
