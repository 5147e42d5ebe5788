// A start command that runs a shell script of the build context starts what the script runs.
import * as assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';
import { startedImageFiles, startOfScript, withStartScripts } from '../../../src/core/dockerfile/startScript';
import { startedSourceFiles } from '../../../src/core/gather/startedEntry';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { FsLike } from '../../../src/core/ports';
import type { ServiceSpec, SourceMapping } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

const ENTRY_SH = '#!/bin/sh\nset -e\n# wait for the database\n./wait-for.sh db:5432\nnpx prisma migrate deploy\nexec node dist/main.js "$@"\n';

suite('startOfScript', () => {
  test('a file named by a variable holding the folder the script starts in (`dir=$(pwd)`, `${ROOT}`) is the one relative to it; after a `cd` the variable is not read as that folder', () => {
    assert.equal(startOfScript('#!/bin/bash\nset -ex\ndir=$(pwd)\necho "$dir"\nnode "$dir/server/dist/main.js"\n', []), 'node ./server/dist/main.js');
    assert.equal(startOfScript('ROOT="$PWD"\nexec node ${ROOT}/api/index.js\n', []), 'node ./api/index.js');
    assert.equal(startOfScript('dir=`pwd`\ncd /opt\nexec node $dir/api/index.js\n', []), 'cd /opt && node $dir/api/index.js');
    // Another variable is left as written.
    assert.equal(startOfScript('dir=$(pwd)\nexec node $APP_HOME/api/index.js\n', []), 'node $APP_HOME/api/index.js');
  });

  test('the node command the script execs, not the commands before it', () => {
    assert.equal(startOfScript(ENTRY_SH, []), 'node dist/main.js');
  });

  test('an app started in the background (`nohup node index.js &`) before a static file server in the foreground (`npx serve -s dist`) is what the script starts; a build in the background is no start', () => {
    const script = "#!/bin/bash\ncd server\nNODE_ENV=production nohup node index.js &\ncd ../client\nnohup sh -c 'npm run build && echo built' &\nnpx serve -s dist -l 4018\n";
    assert.equal(startOfScript(script, []), 'cd server && node index.js');
    // A static file server alone is still what the script starts.
    assert.equal(startOfScript('cd client\nexec npx serve -s dist\n', []), 'cd client && npx serve -s dist');
  });

  test('a build the script runs in the foreground before its start, in the same folder (`npx pnpm run build`, then `npm start`), is kept before the start: the start serves what that build made', () => {
    const script = '#!/bin/sh\nset -e\ncd /srv/web\nnpx prisma migrate deploy\nnpx pnpm run build\nif [ "$NODE_ENV" = "production" ]; then\n  npm start\nelse\n  npm run dev\nfi\n';
    assert.equal(startOfScript(script, [], { NODE_ENV: 'production' }), 'cd /srv/web && npx pnpm run build && npm start');
    // An install is no build; a build in another folder, or in the background, is not this start's.
    assert.equal(startOfScript('npm ci\nnpm run build:api\nexec node dist/main.js\n', []), 'npm run build:api && node dist/main.js');
    assert.equal(startOfScript('cd web\nyarn build\ncd ../api\nexec node index.js\n', []), 'cd api && node index.js');
    assert.equal(startOfScript('npm run build &\nexec node index.js\n', []), 'node index.js');
  });

  test('programs a file runner starts in the background (`node a.js &`, a `{ ...; } &` group) run beside the one the script starts: each kept before it, joined by &', () => {
    const groups = '#!/bin/bash\n{\n  cd /app/api &&\n    npx prisma migrate deploy &&\n    node /app/api/index.js\n} &\n{ node /app/jobs/index.js; } &\nwait -n\n';
    assert.equal(startOfScript(groups, []), 'cd /app/api && node /app/api/index.js & cd /app/api && node /app/jobs/index.js');
    assert.equal(startOfScript('node worker.js &\nexec node server.js\n', []), 'node worker.js & node server.js');
    // A group run in the foreground sends nothing to the background; a package runner's step there is no program beside.
    assert.equal(startOfScript('{ node seed.js; }\nnpx prisma generate &\nexec node server.js\n', []), 'node server.js');
  });

  test('a test for no arguments (`if [ $# -eq 0 ]`, `if [ -z "$1" ]`) runs its then side when the script gets none, its else side when it gets some', () => {
    const script = '#!/bin/bash\nif [ $# -eq 0 ]\n  then\n    node server.js\n  else\n    while getopts "c:" o\n    do\n      echo $o\n    done\n    if [ "$COMMAND" == "seed" ]\n      then\n        node ./tools/seed.js\n    fi\nfi\n';
    assert.equal(startOfScript(script, []), 'node server.js');
    assert.equal(startOfScript(script, ['-c', 'seed']), 'node ./tools/seed.js');
    const zero = '#!/bin/sh\nif [ -z "$1" ]; then\n  exec node dist/main.js\nelse\n  exec "$@"\nfi\n';
    assert.equal(startOfScript(zero, []), 'node dist/main.js');
    assert.equal(startOfScript(zero, ['node', 'dist/worker.js']), 'node dist/worker.js');
  });

  test('the last command starting the app when none is exec-ed; a cd before it is kept', () => {
    assert.equal(startOfScript('cd server\nNODE_ENV=production npm run migrate\nnpm start\n', []), 'cd server && npm start');
    assert.equal(startOfScript('cd /srv/app && node index.js', []), 'cd /srv/app && node index.js');
  });

  test('exec "$@" runs the arguments the script gets (the CMD after an ENTRYPOINT script)', () => {
    assert.equal(startOfScript('#!/bin/sh\nif [ "$1" = "x" ]; then echo; fi\nexec "$@"\n', ['node', 'server.js']), 'node server.js');
  });

  test('an init or a user switch before the command is passed over', () => {
    assert.equal(startOfScript('exec su-exec app tini -- bun run src/index.ts\n', []), 'bun run src/index.ts');
  });

  test('a script starting nothing known says nothing', () => {
    assert.equal(startOfScript('#!/bin/sh\necho hello\nnginx -g "daemon off;"\n', []), undefined);
  });

  test('a case on the first argument (or a variable set from it) runs the branch its pattern matches, else *)', () => {
    const dispatch = "#!/bin/sh\nCOMMAND=$1 && shift 1\ncase \"$COMMAND\" in\n  'web' )\n    exec node web.js\n    ;;\n  'worker' | 'jobs' )\n    exec node worker.js\n    ;;\n  * )\n    exec node cli.js\n    ;;\nesac\n";
    assert.equal(startOfScript(dispatch, ['web']), 'node web.js');
    assert.equal(startOfScript(dispatch, ['jobs']), 'node worker.js');
    assert.equal(startOfScript(dispatch, ['backup']), 'node cli.js');
    assert.equal(startOfScript('case "$1" in\nweb) exec node web.js ;;\nworker) exec node worker.js ;;\nesac\n', ['web']), 'node web.js');
    // The argument not known: every branch counts, as before (the last exec).
    assert.equal(startOfScript(dispatch, []), 'node cli.js');
  });
});

suite('a start script running a launcher outside the source root', () => {
  const files = {
    '/ws/package.json': JSON.stringify({ name: 'auth', dependencies: { express: '4' }, scripts: { build: 'tsc --build', start: 'node dist/bin/server.js' } }),
    '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist' }, include: ['src/**/*', 'bin/**/*'] }),
    '/ws/src/app.ts': "import express from 'express';\nexport const app = express();\n",
    '/ws/bin/server.ts': "import { app } from '../src/app';\napp.listen(3000);\n",
    '/ws/docker/entrypoint.sh': "#!/bin/sh\ncase \"$1\" in\n  'start-web' ) exec node docker/launch-server.js ;;\n  'cleanup' ) exec node docker/launch-cleanup.js ;;\nesac\n",
    '/ws/docker/launch-server.js': "require(require('path').resolve(__dirname, '../dist/bin/server.js'));\n",
    '/ws/docker/launch-cleanup.js': "require(require('path').resolve(__dirname, '../dist/bin/cleanup.js'));\n",
    '/ws/Dockerfile': 'FROM node:20\nCOPY ./ /workspace\nWORKDIR /workspace\nRUN yarn install && yarn build\nENTRYPOINT ["/workspace/docker/entrypoint.sh"]\nCMD ["start-web"]\n',
  };
  const spec: ServiceSpec = { name: 'auth', project: 'ws', projectDir: '/ws', composeFiles: [], ports: [], drift: {}, build: { context: '/ws', dockerfile: '/ws/Dockerfile' } };

  test('the build places the source root: src, which tsc compiles with bin/ into dist/src, not the source as copied', async () => {
    const m = await inferMapping(memFs(files), spec);
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/workspace/dist/src', m?.evidence.join('\n'));
    assert.ok(m?.evidence.some((e) => e.includes('node docker/launch-server.js, the command its start script docker/entrypoint.sh runs')), m?.evidence.join('\n'));
  });
  test("an `if` testing a variable the container's environment sets runs the branch its value takes; a variable not set, or an `if` with an `elif`, keeps every branch", () => {
    const script = '#!/bin/bash\nnpx prisma migrate deploy\nif [ "$APP_MODE" = "live" ]; then\n  # the built server\n  npm start\nelse\n  npm run dev\nfi\n';
    assert.equal(startOfScript(script, [], { APP_MODE: 'live' }), 'npm start');
    assert.equal(startOfScript(script, [], { APP_MODE: 'local' }), 'npm run dev');
    // Not set: the last command of the script, as before.
    assert.equal(startOfScript(script, []), 'npm run dev');
    const negated = '#!/bin/sh\nif [[ "${APP_MODE}" != live ]]\nthen\n  exec node src/dev.js\nelse\n  if [ -f dist/main.js ]; then\n    exec node dist/main.js\n  fi\nfi\n';
    assert.equal(startOfScript(negated, [], { APP_MODE: 'live' }), 'node dist/main.js');
    assert.equal(startOfScript(negated, [], { APP_MODE: 'local' }), 'node src/dev.js');
    const chained = '#!/bin/sh\nif [ "$APP_MODE" = "live" ]; then\n  exec node dist/main.js\nelif [ "$APP_MODE" = "local" ]; then\n  exec node src/dev.js\nfi\n';
    assert.equal(startOfScript(chained, [], { APP_MODE: 'live' }), 'node src/dev.js');
  });
});

suite('withStartScripts', () => {
  const dockerfile = (cmd: string) => parseDockerfile(`FROM node:22\nWORKDIR /app\nCOPY entrypoint.sh /entry.sh\nCOPY . .\n${cmd}\n`);
  const fs = memFs({ '/w/entrypoint.sh': ENTRY_SH, '/w/scripts/start.sh': 'cd api\nexec node build/server.js\n' });
  const startOf = async (cmd: string, files: FsLike = fs) => (await withStartScripts(files, dockerfile(cmd), '/w', [])).stages[0]?.start;

  test('an ENTRYPOINT script copied from the context starts the command it execs', async () => {
    assert.equal(await startOf('ENTRYPOINT ["/entry.sh"]'), 'node dist/main.js');
  });

  test('a script handed to a shell (CMD ["sh", "./scripts/start.sh"]), found where COPY . . put it', async () => {
    assert.equal(await startOf('CMD ["sh", "./scripts/start.sh"]'), 'cd api && node build/server.js');
  });

  test('a script an init runs (ENTRYPOINT ["/usr/bin/tini", "--"] with CMD ["./scripts/start.sh"]) is followed as the script itself', async () => {
    assert.equal(await startOf('ENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["./scripts/start.sh"]'), 'cd api && node build/server.js');
    assert.equal(await startOf('ENTRYPOINT ["dumb-init", "sh", "/entry.sh"]'), 'node dist/main.js');
  });

  test("a script's test of a variable is decided by compose's environment for the service, over the stage's ENV", async () => {
    const script = 'if [ "$APP_MODE" = "live" ]; then\n  exec node dist/main.js\nelse\n  exec node src/dev.js\nfi\n';
    const files = memFs({ '/w/entrypoint.sh': script });
    const withEnv = async (envLine: string, environment?: Record<string, string>) => (await withStartScripts(files, dockerfile(`${envLine}\nENTRYPOINT ["/entry.sh"]`), '/w', [], undefined, environment)).stages[0]?.start;
    assert.equal(await withEnv('ENV APP_MODE=live'), 'node dist/main.js');
    assert.equal(await withEnv('ENV APP_MODE=live', { APP_MODE: 'local' }), 'node src/dev.js');
    assert.equal(await withEnv('', { APP_MODE: 'live' }), 'node dist/main.js');
  });

  test('a command naming no script of the context, or a shell -c line, is left as written', async () => {
    assert.equal(await startOf('CMD ["node", "dist/main.js"]'), 'node dist/main.js');
    assert.equal(await startOf('CMD ["/usr/local/bin/start.sh"]'), '/usr/local/bin/start.sh');
    assert.equal(await startOf('CMD ["sh", "-c", "./scripts/start.sh"]'), 'sh -c ./scripts/start.sh');
  });

  test('a script is read only inside the build context: not one reached through a link out of it', async () => {
    const read: string[] = [];
    const linked: FsLike = {
      ...fs,
      readFile: (p) => {
        read.push(p);
        return fs.readFile(p);
      },
      realpath: async (p) => (p === '/w/entrypoint.sh' ? '/etc/entrypoint.sh' : p),
    };
    assert.equal(await startOf('ENTRYPOINT ["/entry.sh"]', linked), '/entry.sh');
    assert.deepEqual(read, []);
  });
});

suite('started file through a start script', () => {
  test("the service's started file is the one the script runs, from the folder it cds to", async () => {
    const fs = memFs({
      '/w/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY . .\nCMD ["sh", "./start.sh"]\n',
      '/w/start.sh': '#!/bin/sh\ncd server\nexec node index.js\n',
      '/w/server/package.json': JSON.stringify({ name: 'server', dependencies: { express: '^4' } }),
      '/w/server/index.js': "const app = require('express')();\napp.get('/health', (req, res) => res.end());\napp.listen(3000);\n",
      '/w/server/mock.js': "const app = require('express')();\napp.get('/mock', (req, res) => res.end());\napp.listen(3001);\n",
    });
    const spec = { name: 'api', project: 'p', projectDir: '/w', build: { context: '/w', dockerfile: '/w/Dockerfile' }, drift: {}, ports: [], composeFiles: [] } as ServiceSpec;
    const mapping = (await inferMapping(fs, spec)) as SourceMapping;
    assert.ok(mapping.evidence.some((e) => e.includes('start.sh')), mapping.evidence.join('\n'));
    assert.deepEqual(await startedSourceFiles(fs, spec, mapping, ['/w/server/index.js', '/w/server/mock.js']), ['/w/server/index.js']);
  });
});

suite('startedImageFiles', () => {
  const final = (cmd: string) => {
    const df = parseDockerfile(`FROM node\nWORKDIR /srv\nCMD ${cmd}\n`);
    return df.stages[df.stages.length - 1]!;
  };

  test('`node out/main` names out/main.js (Node adds the extension); a file with its extension is kept, after options', () => {
    assert.deepEqual(startedImageFiles(final('node out/main')), ['/srv/out/main.js']);
    assert.deepEqual(startedImageFiles(final('node --enable-source-maps ./out/main')), ['/srv/out/main.js']);
    assert.deepEqual(startedImageFiles(final('["node", "out/server.mjs"]')), ['/srv/out/server.mjs']);
    assert.deepEqual(startedImageFiles(final('cd api && node lib/main')), ['/srv/api/lib/main.js']);
    // `node dist`: dist.js, or a folder's index.js: not known from the command.
    assert.deepEqual(startedImageFiles(final('node dist')), []);
  });

  test('node evaluating code or starting a file of another kind names no JavaScript file; a CLI run before the start is no node start', () => {
    assert.deepEqual(startedImageFiles(final(`node -e "console.log(1)"`)), []);
    assert.deepEqual(startedImageFiles(final('node --import tsx src/main.ts')), []);
    assert.deepEqual(startedImageFiles(final('./node_modules/.bin/migrate up -c db/config.js && node out/main')), ['/srv/out/main.js']);
  });
});
