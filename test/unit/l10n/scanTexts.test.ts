import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { HTTP_METHODS } from '../../../src/core/model';
import { skippedWarnings } from '../../../src/core/gather/workspaceFiles';
import { collectExtracted } from '../../../src/core/routes/collect';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import type { ExtractedFile } from '../../../src/core/routes/extracted';
import { READ_BUFFER_BYTES } from '../../../src/engine/nodeFs';
import { scanTreeSync } from '../../../src/engine/scanTree';
import { accentedBundle, englishLeft, pseudoBundle, untranslated } from './pseudo';

const EXPRESS = "const express = require('express');\nconst app = express();\n";
const NEST = "import { Controller, Get, Version } from '@nestjs/common';\n";

/** Route sources whose declarations the scan cannot know, each giving warnings (extract.ts, then collect.ts). */
const SOURCES: Record<string, string> = {
  '/s/loops.js': `${EXPRESS}for (const { path, router } of loadRouters()) app.use(path, router);\napp.use('/x', require(name));\nfor (const r of table) { app[r.method](r.path, r.handler); }\napp.get(makePath(), h);\n`,
  '/s/mounts.js': `${EXPRESS}const usersRouter = require(\`./\${x}\`);\napp.use('/users', usersRouter);\napp.use(PREFIX.api, require('./mounts'));\n`,
  '/s/openapi.ts': "import { OpenAPIHono } from '@hono/zod-openapi';\nconst app = new OpenAPIHono();\napp.openapi(makeRoute(), h);\n",
  '/s/fastify.ts': "import Fastify from 'fastify';\nimport AutoLoad from '@fastify/autoload';\nconst app = Fastify();\napp.register(AutoLoad, { dir: where() });\napp.route({ method: m, url: u, handler: h });\n",
  '/s/koa.ts': "import Router from '@koa/router';\nconst router = new Router();\nrouter.prefix(base());\nrouter.get('/a', h);\n",
  '/s/main.ts': "import { NestFactory } from '@nestjs/core';\nconst app = await NestFactory.create(AppModule);\napp.setGlobalPrefix(config.prefix());\napp.enableVersioning(opts);\napp.enableVersioning({ type: kind });\napp.enableVersioning({ prefix: p(), defaultVersion: v() });\n",
  '/s/cats.controller.ts': `${NEST}@Controller(PATHS[k]())\nexport class A { @Get() a() {} }\n@Controller({ path: 'b', version: v() })\nexport class B { @Get(p()) b() {} @Version(w()) @Get('c') c() {} }\n`,
  '/s/graphql.ts': "import { ApolloServer } from 'apollo-server-express';\nconst server = new ApolloServer({});\nserver.applyMiddleware({ app, path: gqlPath() });\n",
  '/s/prefixed.ts': "import { CONFIG } from './config';\nimport { Controller, Get } from '@nestjs/common';\n@Controller(CONFIG.path)\nexport class P { @Get() p() {} }\n",
};

function extractAll(): { file: string; x: ExtractedFile }[] {
  return Object.entries(SOURCES).map(([file, text]) => ({ file, x: extractRoutesFromSource(text, file) }));
}

/** x-runtime-drift.routes entries that are not routes. */
const EXTRA = ['FETCH /x', 'GET x', 'nonsense'];

/** What the check shows: collect's warnings (each file's own and the joins'). */
function warnings(extracted: { file: string; x: ExtractedFile }[]): string[] {
  return collectExtracted(structuredClone(extracted), { moduleOf: () => undefined, extra: EXTRA }).warnings;
}

/** `file:line: ` is where, not words: what follows it is the message. */
const message = (w: string): string => w.replace(/^\/s\/[\w.]+(?::\d+)?: /, '');

suite('route-scan and source-walk texts through the l10n bundle', () => {
  teardown(() => l10n.config({ contents: {} }));

  test('the scan keeps data, not words: what an English run extracted is shown in the language of the session that reads it', () => {
    const english = extractAll();
    const before = warnings(english);
    assert.ok(before.length >= 15, `only ${before.length} warnings: ${before.join('\n')}`);
    for (const w of before) assert.match(w, /[a-z]{4,}/, 'English without a bundle');
    l10n.config({ contents: pseudoBundle() });
    // Extracted with no bundle (the scan worker has none; a remembered scan comes from any earlier run), read with one.
    assert.deepEqual(extractAll(), english, 'the extraction does not depend on the language');
    for (const w of warnings(english)) assert.equal(untranslated(message(w)), '', w);
  });

  test('each warning about what cannot be known statically names the x-runtime-drift setting that fixes it', () => {
    const said = warnings(extractAll());
    assert.ok(said.length >= 15, said.join('\n'));
    for (const w of said) assert.match(w, /x-runtime-drift\.(?:routes|routePrefix)\b/, w);
  });

  test('no English word is left outside the bundle, beyond the sources\' own', () => {
    const english = extractAll();
    l10n.config({ contents: accentedBundle() });
    const data = `${JSON.stringify(SOURCES)} ${EXTRA.join(" ")} tRPC GraphQL ${HTTP_METHODS.join(" ")}`;
    for (const w of warnings(english)) assert.deepEqual(englishLeft(message(w), data), [], w);
  });

  test('what the walk left out (loops, links out of the workspace, binary and unreadable files) is said in the bundle\'s language', () => {
    const ws = realpathSync(mkdtempSync(join(tmpdir(), 'rd-scantexts-')));
    try {
      const src = join(ws, 'src');
      mkdirSync(src);
      symlinkSync(src, join(src, 'here'));
      symlinkSync('/etc', join(src, 'etc'));
      writeFileSync(join(src, 'blob.ts'), Buffer.from([0, 1, 2, 0, 255, 0]));
      const scanned = scanTreeSync({ root: src, routes: true, boundary: ws }, Buffer.alloc(READ_BUFFER_BYTES));
      const outside = scanTreeSync({ root: '/etc', routes: true, boundary: ws }, Buffer.alloc(READ_BUFFER_BYTES));
      l10n.config({ contents: pseudoBundle() });
      const said = [...skippedWarnings(ws, scanned), ...skippedWarnings(ws, outside)];
      assert.equal(said.length, 4, said.join('\n'));
      for (const w of said) assert.equal(untranslated(w.replace(/^[^:]+: /, '')), '', w);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
