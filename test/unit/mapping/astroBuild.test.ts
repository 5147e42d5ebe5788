// Astro rendering on demand (output 'server', an adapter) bundles its source folder into the server
// folder of its outDir (the Node adapter's dist/server/entry.mjs); a static build serves no code.
import assert from 'node:assert/strict';
import { assertMapping } from './assertMapping';

const files = (config: string, out = 'dist') => ({
  '/ws/package.json': JSON.stringify({ type: 'module', scripts: { dev: 'astro dev', build: 'astro build' }, dependencies: { astro: '4', '@astrojs/node': '8' } }),
  '/ws/tsconfig.json': '{"extends":"astro/tsconfigs/strict"}',
  '/ws/astro.config.mjs': config,
  '/ws/src/pages/index.astro': '<h1>hi</h1>\n',
  '/ws/src/pages/api/ping.ts': 'export const GET = () => new Response("ok");\n',
  '/ws/site/pages/api/ping.ts': 'export const GET = () => new Response("ok");\n',
  '/ws/Dockerfile': `FROM node:22\nWORKDIR /srv\nCOPY . .\nRUN npm ci && npm run build\nCMD node ${out}/server/entry.mjs\n`,
});

suite('mapping: Astro built to render on demand', () => {
  test("output 'server' with the Node adapter: src bundled into dist/server", async () => {
    const config = "import node from '@astrojs/node';\nexport default { output: 'server', adapter: node({ mode: 'standalone' }) };\n";
    await assertMapping(files(config), { sourceRoot: '/ws/src', target: '/srv/dist/server', bundled: true, evidence: ['bundled: astro build (its "build" script)'] });
  });

  test('srcDir and outDir set in the config move the source folder and the bundle', async () => {
    const config = "import node from '@astrojs/node';\nexport default { srcDir: './site', outDir: './out', adapter: node({ mode: 'standalone' }) };\n";
    const m = await assertMapping(files(config, 'out'), { sourceRoot: '/ws/site', target: '/srv/out/server', bundled: true });
    assert.ok(m.evidence.includes('bundle output out/server (the server folder of Astro\'s outDir in astro.config.mjs)'), m.evidence.join('\n'));
  });

  test('a static build (no adapter, no server output) is no server bundle', async () => {
    const m = await assertMapping(files('export default { site: "https://example.com" };\n'), {});
    assert.notEqual(m.target, '/srv/dist/server', m.evidence.join('\n'));
  });
});
