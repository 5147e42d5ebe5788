// Nitro's server entry is <output>/server/index.mjs; a Vite plugin running Nitro may choose an output
// folder no config file names (dist/output): the image starting such an entry says where it was built.
import assert from 'node:assert/strict';
import { assertMapping } from './assertMapping';

const files = (dockerfile: string) => ({
  '/ws/package.json': JSON.stringify({ type: 'module', scripts: { build: 'vite build' }, dependencies: { nitropack: '2', react: '19' } }),
  '/ws/vite.config.ts': "import { defineConfig } from 'vite';\nimport nitro from './nitro.config';\nexport default defineConfig({ plugins: [nitro()] });\n",
  '/ws/nitro.config.ts': "import viteNitro from 'some-vite-nitro-plugin';\nexport default () => viteNitro({ srcDir: 'server', preset: 'node-server' });\n",
  '/ws/server/api/hello.ts': 'export default defineEventHandler(() => "hi");\n',
  '/ws/src/main.tsx': 'export {};\n',
  '/ws/Dockerfile': dockerfile,
});

suite('mapping: the Nitro output an image starts', () => {
  test("a Vite config handing the project's nitro.config to Vite bundles with Nitro; the started server/index.mjs, copied from dist/output, is the bundle", async () => {
    const df = 'FROM node:22 AS builder\nWORKDIR /usr/src\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22\nWORKDIR /srv\nCOPY --from=builder /usr/src/dist/output ./output\nCMD ["node", "output/server/index.mjs"]\n';
    await assertMapping(files(df), {
      target: '/srv/output/server',
      bundled: true,
      evidence: [
        'bundle output dist/output/server (the image starts /srv/output/server/index.mjs, Nitro\'s server entry, built at dist/output/server)',
        // The srcDir is an option of the plugin's call, not of a Nitro config the project exports: not known.
        "Nitro's srcDir is not named by a config of the project, and its folder has no api/, routes/ or middleware/ of its own: which folder Nitro bundles is not known from the files (x-runtime-drift.source names it)",
      ],
    });
  });

  test("vite-plugin-with-nitro without a srcDir option runs Nitro on server/ (its default): that folder is the source, bundled, and nothing is said unknown", async () => {
    const df = 'FROM node:22 AS builder\nWORKDIR /usr/src\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22\nWORKDIR /srv\nCOPY --from=builder /usr/src/dist/output ./output\nCMD ["node", "output/server/index.mjs"]\n';
    const m = await assertMapping(
      {
        ...files(df),
        '/ws/package.json': JSON.stringify({ type: 'module', scripts: { build: 'vite build' }, dependencies: { react: '19' }, devDependencies: { 'vite-plugin-with-nitro': '0.0.3' } }),
        '/ws/nitro.config.ts': "import viteNitro from 'vite-plugin-with-nitro';\nconst options = { preset: 'node-server' };\nexport default () => viteNitro(options);\n",
      },
      { sourceRoot: '/ws/server', target: '/srv/output/server', bundled: true },
    );
    assert.ok(!m.evidence.some((e) => e.includes('not known from the files')), m.evidence.join('\n'));
  });

  test('a package with a folder Nitro scans at its own root (routes/) says nothing of an unknown srcDir', async () => {
    const df = 'FROM node:22\nWORKDIR /srv\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", ".output/server/index.mjs"]\n';
    const m = await assertMapping({ ...files(df), '/ws/routes/index.ts': 'export default defineEventHandler(() => "hi");\n' }, { bundled: true });
    assert.ok(!m.evidence.some((e) => e.includes('not known from the files')), m.evidence.join('\n'));
  });

  test("an image starting Nitro's default output keeps it: .output/server", async () => {
    const df = 'FROM node:22 AS builder\nWORKDIR /usr/src\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22\nWORKDIR /srv\nCOPY --from=builder /usr/src/.output ./.output\nCMD ["node", ".output/server/index.mjs"]\n';
    await assertMapping(files(df), { target: '/srv/.output/server', bundled: true });
  });
});
