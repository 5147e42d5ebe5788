// An image starting a file of its package by path, with no runner and no extension (`/srv/forum/forum
// start`): Node runs it through its `#!/usr/bin/env node` line, so the image runs that source as
// copied. The file at the package's top loads only ./src; the source root is src unless modules of
// src load modules beside it in turn (a setup web app, shared helpers), then the whole package.
import assert from 'node:assert/strict';
import { assertMapping } from './assertMapping';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

const forum = (cli: string, launcher = "#!/usr/bin/env node\n'use strict';\nrequire('./src/cli');\n") => ({
  '/ws/package.json': JSON.stringify({ name: 'forum', dependencies: { express: '4' }, devDependencies: { webpack: '5' }, scripts: { build: 'webpack --config webpack.client.js' } }),
  '/ws/forum': launcher,
  '/ws/src/cli/index.js': cli,
  '/ws/src/routes/index.js': "const router = require('express').Router();\nrouter.get('/topics', (req, res) => res.json([]));\nmodule.exports = router;\n",
  '/ws/setup/web.js': "const app = require('express')();\napp.get('/', (req, res) => res.send('install'));\nmodule.exports = app;\n",
  '/ws/client/main.js': "document.title = 'forum';\n",
  '/ws/Dockerfile': 'FROM node:22 AS build\nWORKDIR /srv/forum\nCOPY . .\nRUN npm install --omit=dev\nFROM node:22-slim\nWORKDIR /srv/forum\nCOPY --from=build /srv/forum /srv/forum\nENTRYPOINT ["/srv/forum/forum", "start"]\n',
});

suite('a start file run through its node shebang', () => {
  test('a launcher loading ./src whose modules load ../../setup/web: the whole package is the source, as copied', async () => {
    await assertMapping(forum("const pkg = require('../../package.json');\nconst web = require('../../setup/web');\nmodule.exports = () => web.listen(4567);\n"), {
      sourceRoot: '/ws',
      target: '/srv/forum',
      bundled: false,
      evidence: ['source root /ws (the image starts /srv/forum/forum, at the top of the project folder, which loads modules of src, and those load modules beside src (src/cli/index.js: ../../setup/web))'],
    });
  });

  test('a launcher loading ./src whose modules read only ../../package.json beside it: src is the source', async () => {
    await assertMapping(forum("const pkg = require('../../package.json');\nconst routes = require('../routes');\nmodule.exports = () => require('express')().use(routes).listen(4567);\n"), {
      sourceRoot: '/ws/src',
      target: '/srv/forum/src',
      bundled: false,
    });
  });

  test('a file without extension whose first line is a shell is not run as JavaScript source', async () => {
    const m = await inferMapping(memFs(forum("require('../../setup/web');\n", '#!/bin/sh\nexec node src/cli/index.js "$@"\n')), buildSpec());
    assert.ok(m, 'no mapping');
    assert.ok(!m.evidence.some((e) => e.includes('the source file forum as copied')), m.evidence.join('\n'));
  });
});
