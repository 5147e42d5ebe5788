// An image that fetches its source instead of copying the build context (`ADD https://…/archive/
// main.tar.gz`, `RUN git clone …`): the URL is not a context path, and the mapping says the files
// are not the workspace's.
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';
import { locateInImage } from '../../../src/core/dockerfile/locate';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';
import { gatherFiles } from '../../../src/core/gather/workspaceFiles';

const spec = (context: string): ServiceSpec => ({ name: 'chat', project: 'p', projectDir: '/ws', composeFiles: [], ports: [], drift: {}, build: { context, dockerfile: `${context}/Dockerfile` } });

const TARBALL = 'FROM node:22-slim\nENV SRC_URL=https://example.com/acme/chat/archive/main.tar.gz\nWORKDIR /srv/chat\nADD https://example.com/acme/chat/raw/main/package.json ./package.json\nRUN npm install --omit=dev\nADD $SRC_URL ./main.tar.gz\nRUN tar -xzf main.tar.gz && cp -a chat-main/. . && rm -rf chat-main\nCMD ["npm", "start"]\n';
const CLONE = 'FROM node:22-slim\nWORKDIR /opt\nRUN git clone --depth 1 https://example.com/acme/chat.git chat && cd chat && npm ci\nWORKDIR /opt/chat\nCMD ["node", "server.js"]\n';

const repo = (dockerfile: string) =>
  memFs({
    '/ws/.git/HEAD': 'ref: refs/heads/main\n',
    '/ws/package.json': JSON.stringify({ name: 'chat', scripts: { start: 'node server.js' }, dependencies: { express: '^4' } }),
    '/ws/server.js': "const app = require('express')();\napp.listen(8080);\n",
    '/ws/deploy/Dockerfile': dockerfile,
  });

suite('an image that fetches its source', () => {
  test('an ADD of a URL is a download of the stage, not a copy of the context: no context path lands there', () => {
    const df = parseDockerfile(TARBALL);
    const stage = df.stages[0];
    assert.deepEqual(stage?.downloads?.map((d) => [d.source, d.dest, d.line]), [
      ['https://example.com/acme/chat/raw/main/package.json', '/srv/chat/package.json', 4],
      ['https://example.com/acme/chat/archive/main.tar.gz', '/srv/chat/main.tar.gz', 6],
    ]);
    assert.deepEqual(stage?.copies, []);
    assert.equal(locateInImage(df, 'package.json', undefined), undefined);
  });

  test('an ADD of a URL beside context files still copies those files', () => {
    const df = parseDockerfile('FROM node:22\nWORKDIR /app\nADD https://example.com/tool.tgz start.sh /app/\n');
    assert.deepEqual(df.stages[0]?.copies.map((c) => c.sources), [['start.sh']]);
  });

  test('the fetched tarball unpacked in the WORKDIR: the package above the context at that WORKDIR, marked fetched', async () => {
    const m = await inferMapping(repo(TARBALL), spec('/ws/deploy'));
    assert.equal(m?.sourceRoot, '/ws', m?.evidence.join('\n'));
    assert.equal(m?.target, '/srv/chat');
    assert.equal(m?.bundled, false);
    assert.deepEqual(m?.downloaded, { source: 'https://example.com/acme/chat/archive/main.tar.gz', line: 6 });
    assert.ok(m?.evidence.some((e) => e.includes('not the workspace')), m?.evidence.join('\n'));
  });

  test('a clone into a folder: that folder is the target', async () => {
    const m = await inferMapping(repo(CLONE), spec('/ws/deploy'));
    assert.equal(m?.target, '/opt/chat', m?.evidence.join('\n'));
    assert.deepEqual(m?.downloaded, { source: 'https://example.com/acme/chat.git', line: 3 });
  });

  test("a lone file fetched into a system folder (a shell completion, a CA certificate) is a tool's, not the source: no fetched mapping", async () => {
    const tools = 'FROM debian:12\nADD https://example.com/completion/bash_completion /usr/share/bash-completion/\nADD https://example.com/certs/ca.pem /usr/local/share/ca-certificates/ca.crt\nRUN apt-get update\n';
    assert.equal((await inferMapping(repo(tools), spec('/ws/deploy')))?.downloaded, undefined);
    const served = 'FROM node:22\nWORKDIR /srv\nADD https://example.com/acme/chat/raw/main/server.js ./server.js\nCMD ["node", "server.js"]\n';
    assert.deepEqual((await inferMapping(repo(served), spec('/ws/deploy')))?.downloaded, { source: 'https://example.com/acme/chat/raw/main/server.js', line: 3 });
  });

  test('no package at or above the context up to the repository root: no mapping', async () => {
    const fs = memFs({ '/ws/.git/HEAD': 'ref: refs/heads/main\n', '/ws/deploy/Dockerfile': CLONE });
    assert.equal(await inferMapping(fs, spec('/ws/deploy')), undefined);
  });
});

suite('the files of a fetched source', () => {
  test('none is compared: the image holds what the URL served, not these files', async () => {
    const m = await inferMapping(repo(TARBALL), spec('/ws/deploy'));
    assert.ok(m);
    const tree = { files: ['/ws/server.js'], mtimes: Float64Array.of(1), skipped: [] };
    const files = await gatherFiles(repo(TARBALL), { workspaceDir: '/ws' }, m, tree, false, []);
    assert.deepEqual(files, { modules: [], loose: null });
  });
});
