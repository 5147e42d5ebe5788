import assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { DriftOverrides, ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';
import { accentedBundle, englishLeft, pseudoBundle, untranslated } from './pseudo';

const spec = (drift: DriftOverrides = {}): ServiceSpec => ({
  name: 'api',
  project: 'ws',
  projectDir: '/ws',
  composeFiles: ['/ws/compose.yaml'],
  ports: [],
  drift,
  build: { context: '/ws/backend', dockerfile: '/ws/backend/Dockerfile' },
});

const COMPILED = 'FROM node-base AS build\nWORKDIR /src\nCOPY . .\nRUN npm run build\nFROM node-base\nWORKDIR /app\nCOPY --from=build /src/dist ./dist\nCMD ["node","dist/main.js"]\n';

/** Workspaces whose mappings reach the evidence sentences of src/core/mapping. */
const CASES: [string, Record<string, string>, DriftOverrides?][] = [
  ['tsc rootDir/outDir, multi-stage, .dockerignore', {
    '/ws/backend/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
    '/ws/backend/package.json': '{"scripts":{"build":"tsc -p tsconfig.json"},"dependencies":{"@nestjs/core":"^10"}}',
    '/ws/backend/Dockerfile': COMPILED,
    '/ws/backend/.dockerignore': 'node_modules\n*.log\n',
    '/ws/backend/src/main.ts': '',
  }],
  ['no rootDir, the src folder; modules by override', {
    '/ws/backend/tsconfig.json': '{"compilerOptions":{"outDir":"dist"}}',
    '/ws/backend/package.json': '{"dependencies":{"express":"^4"}}',
    '/ws/backend/Dockerfile': COMPILED,
    '/ws/backend/src/main.ts': '',
  }, { modulesDir: 'features' }],
  ['no outDir: compiled beside the sources', {
    '/ws/backend/tsconfig.json': '{"compilerOptions":{}}',
    '/ws/backend/package.json': '{"dependencies":{"express":"^4"}}',
    '/ws/backend/Dockerfile': 'FROM node-base\nWORKDIR /app\nCOPY src ./src\nRUN npx tsc\nCMD ["node","src/main.js"]\n',
    '/ws/backend/src/main.ts': '',
  }],
  ['a bundled front end', {
    '/ws/backend/package.json': '{"dependencies":{"react":"^18"},"devDependencies":{"vite":"^5"},"scripts":{"build":"vite build"}}',
    '/ws/backend/Dockerfile': 'FROM node-base AS build\nWORKDIR /src\nCOPY . .\nRUN npm run build\nFROM web-base\nCOPY --from=build /src/dist /srv\n',
    '/ws/backend/src/main.tsx': '',
  }],
  ['plain JavaScript copied as-is', {
    '/ws/backend/package.json': '{"dependencies":{"express":"^4"}}',
    '/ws/backend/Dockerfile': 'FROM node-base\nWORKDIR /app\nCOPY src ./src\nCMD ["node","src/index.js"]\n',
    '/ws/backend/src/index.js': '',
  }],
  ['plain JavaScript started from its copied folder, a front-end webpack build beside it', {
    '/ws/backend/package.json': '{"dependencies":{"express":"^4","vue":"^2"},"scripts":{"start":"node server","build":"webpack"}}',
    '/ws/backend/server/index.js': '',
    '/ws/backend/Dockerfile': 'FROM node-base AS assets\nWORKDIR /srv\nCOPY ./client ./client\nRUN npm run build\nFROM node-base\nWORKDIR /srv\nCOPY --from=assets /srv/assets ./assets\nCOPY ./server ./server\nCMD ["node", "server"]\n',
  }],
  ['a server bundled by its build script', {
    '/ws/backend/package.json': '{"dependencies":{"express":"^4"},"scripts":{"build":"esbuild src/main.ts --bundle --outfile=dist/main.js"}}',
    '/ws/backend/Dockerfile': COMPILED,
    '/ws/backend/src/main.ts': '',
  }],
  ['a Nest server bundled by webpack (nest-cli.json)', {
    '/ws/backend/package.json': '{"dependencies":{"@nestjs/core":"^10"}}',
    '/ws/backend/nest-cli.json': '{"compilerOptions":{"webpack":true}}',
    '/ws/backend/Dockerfile': COMPILED,
    '/ws/backend/src/main.ts': '',
  }],
  ['a server bundled by a RUN of the Dockerfile', {
    '/ws/backend/package.json': '{"dependencies":{"hono":"^4"}}',
    '/ws/backend/Dockerfile': 'FROM deno-base\nWORKDIR /app\nCOPY . .\nRUN deno compile --output server src/main.ts\nCMD ["./server"]\n',
    '/ws/backend/src/main.ts': '',
  }],
  ['a named stage built FROM a base stage', {
    '/ws/backend/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
    '/ws/backend/package.json': '{"dependencies":{"express":"^4"},"scripts":{"build":"tsc"}}',
    '/ws/backend/Dockerfile': 'FROM node-base AS base\nWORKDIR /srv\nFROM base AS app\nCOPY . .\nRUN npm run build\nCMD ["node","dist/main.js"]\n',
    '/ws/backend/src/main.ts': '',
  }],
  ['target and build output by override', {
    '/ws/backend/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
    '/ws/backend/package.json': '{"dependencies":{"express":"^4"}}',
    '/ws/backend/Dockerfile': COMPILED,
    '/ws/backend/src/main.ts': '',
  }, { target: '/app', buildOutput: 'backend/out' }],
];

async function evidenceOf(): Promise<string[][]> {
  const out: string[][] = [];
  for (const [, files, drift] of CASES) out.push((await inferMapping(memFs(files), spec(drift)))?.evidence ?? []);
  return out;
}

suite('translations of the mapping evidence (made in the engine bundle)', () => {
  teardown(() => l10n.config({ contents: {} }));

  test('with a bundle configured, every evidence line is a translated message', async () => {
    l10n.config({ contents: pseudoBundle() });
    const all = await evidenceOf();
    assert.ok(all.flat().length > 20, `only ${all.flat().length} lines`);
    for (const [i, lines] of all.entries()) for (const line of lines) assert.equal(untranslated(line), '', `${CASES[i]?.[0]}: "${line}"`);
  });

  test('no English is left unsaid through the bundle, beyond the files\' own words and the Dockerfile steps quoted', async () => {
    l10n.config({ contents: accentedBundle() });
    const all = await evidenceOf();
    for (const [i, lines] of all.entries()) {
      // Data: the workspace's files and names; the Dockerfile steps a target quotes ("COPY … (stage 1)").
      const data = `${JSON.stringify(CASES[i])} ${JSON.stringify(spec())} Dockerfile COPY ADD RUN WORKDIR FROM ts tsx jsx js mts mjs cts cjs modules`;
      for (const line of lines) assert.deepEqual(englishLeft(line, data), [], `${CASES[i]?.[0]}: "${line}"`);
    }
  });
});
