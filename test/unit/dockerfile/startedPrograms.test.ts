// The programs a start command runs side by side, and those of the process managers' configurations.
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';
import { startedPrograms } from '../../../src/core/dockerfile/startedPrograms';
import { pm2AppCommand, pm2AppCommands } from '../../../src/core/dockerfile/pm2Ecosystem';
import { supervisordPrograms } from '../../../src/core/dockerfile/supervisord';

const stageOf = (dockerfile: string) => {
  const stage = parseDockerfile(dockerfile).stages.at(-1);
  assert.ok(stage);
  return stage;
};
const commands = async (dockerfile: string, scripts: Record<string, string> = {}, files: Record<string, string> = {}) =>
  (await startedPrograms(stageOf(dockerfile), scripts, async (p) => files[p])).map((p) => `${p.workdir}: ${p.command}`);

suite('programs a start command runs side by side', () => {
  test('`a & b` in a shell: each, in the folder a `cd` before them went to; of a chain, only the command left running', async () => {
    assert.deepEqual(await commands('FROM node\nWORKDIR /srv\nCMD ["sh", "-c", "cd apps && node api.js & exec node worker.js"]\n'), ['/srv/apps: node api.js', '/srv/apps: node worker.js']);
    assert.deepEqual(await commands('FROM node\nWORKDIR /srv\nCMD ["sh", "-c", "node migrate.js && node api.js & node worker.js; wait"]\n'), ['/srv: node api.js', '/srv: node worker.js']);
    assert.deepEqual(await commands('FROM node\nWORKDIR /srv\nCMD node migrate.js && node api.js\n'), ['/srv: node api.js']);
    // Any shell given -c (a path, options clustered with it): the same line.
    assert.deepEqual(await commands('FROM node\nWORKDIR /srv\nCMD ["/bin/bash", "-ec", "cd apps && node api.js & exec node worker.js"]\n'), ['/srv/apps: node api.js', '/srv/apps: node worker.js']);
  });

  test("a Turborepo task over the workspace (`bun --bun turbo dev`, `npx turbo run dev`): each package's script of that name, in its folder; a filtered run, or one in a chain, is not read so", async () => {
    const packages = async (name: string) => (name === 'dev' ? [{ dir: 'apps/api', script: 'bun --hot src/index.ts' }, { dir: 'apps/web', script: 'vite' }] : []);
    const run = async (cmd: string, scripts: Record<string, string> = {}) =>
      (await startedPrograms(stageOf(`FROM oven/bun\nWORKDIR /app\nCMD ${cmd}\n`), scripts, async () => undefined, packages)).map((p) => `${p.workdir}: ${p.command}`);
    const both = ['/app/apps/api: bun --hot src/index.ts', '/app/apps/web: vite'];
    assert.deepEqual(await run('["bun", "run", "dev"]', { dev: 'bun --bun turbo dev' }), both);
    assert.deepEqual(await run('npx turbo run dev'), both);
    assert.deepEqual(await run('npx turbo run dev --filter=@x/web'), ['/app: npx turbo run dev --filter=@x/web']);
    assert.deepEqual(await run('["sh", "-c", "bun run migrate && turbo dev"]'), ['/app: turbo dev']);
  });

  test('`concurrently` with quoted commands and `npm:` scripts, past its options', async () => {
    const scripts = { start: 'concurrently -n api,web --kill-others "node api/main.js" "npm:web"', web: 'node web/server.js' };
    assert.deepEqual(await commands('FROM node\nWORKDIR /srv\nCMD ["npm", "start"]\n', scripts), ['/srv: node api/main.js', '/srv: node web/server.js']);
  });

  test("`concurrently npm:start:*` runs every script the pattern names (concurrently's `(!x)` leaving some out); `run-p` reads patterns alike", async () => {
    const scripts = { start: 'concurrently -n w: npm:start:*', 'start:back': 'nodemon ./back/app.ts', 'start:front': 'max dev', build: 'tsc' };
    const df = (cmd: string) => `FROM node\nWORKDIR /srv\nCMD ${cmd}\n`;
    assert.deepEqual(await commands(df('["npm", "start"]'), scripts), ['/srv: nodemon ./back/app.ts', '/srv: max dev']);
    assert.deepEqual(await commands(df('concurrently "npm:start:*(!front)"'), scripts), ['/srv: nodemon ./back/app.ts']);
    assert.deepEqual(await commands(df('run-p "start:*"'), scripts), ['/srv: nodemon ./back/app.ts', '/srv: max dev']);
  });

  test('a script pattern of many stars is read in its length, not tried every way; with several stars the omitted text is looked for between the first and the last', async () => {
    const long = `start:${'s'.repeat(150)}`;
    const scripts = { [long]: 'node long.js', 'start:sx': 'node sx.js', 'start:ss-css': 'node css.js' };
    const df = (pattern: string) => `FROM node\nWORKDIR /srv\nCMD concurrently "npm:${pattern}"\n`;
    // As a regular expression, `start:*s*s*...*x` made a dozen (.*) groups backtracking in a name's length to the power of its stars.
    assert.deepEqual(await commands(df(`start:${'*s'.repeat(14)}*x`), scripts), []);
    assert.deepEqual(await commands(df('start:*s*x'), scripts), ['/srv: node sx.js']);
    assert.deepEqual(await commands(df('start:*s*(!css)'), scripts), ['/srv: node long.js', '/srv: node sx.js']);
  });

  test('`run-p` and `npm-run-all --parallel` run package scripts at once; `npm-run-all` without it runs them one after another', async () => {
    const scripts = { 'start:api': 'node api.js', 'start:jobs': 'node jobs.js' };
    const df = (cmd: string) => `FROM node\nWORKDIR /srv\nCMD ${cmd}\n`;
    assert.deepEqual(await commands(df('run-p start:api start:jobs'), scripts), ['/srv: node api.js', '/srv: node jobs.js']);
    assert.deepEqual(await commands(df('npm-run-all --parallel start:api start:jobs'), scripts), ['/srv: node api.js', '/srv: node jobs.js']);
    assert.equal((await commands(df('npm-run-all start:api start:jobs'), scripts)).length, 1);
  });

  test('supervisord: the programs of the configuration -c names, else of the files copied where the packaged one includes them', async () => {
    const conf = '[program:api]\ncommand=node main.js\ndirectory=/srv/api\n[program:web]\ncommand=node server.js\n';
    assert.deepEqual(await commands('FROM node\nWORKDIR /srv\nCMD ["supervisord", "-c", "conf/app.conf"]\n', {}, { '/srv/conf/app.conf': conf }), ['/srv/api: node main.js', '/srv: node server.js']);
    const copied = 'FROM node\nWORKDIR /srv\nCOPY app.conf /etc/supervisor/conf.d/app.conf\nCMD ["/usr/bin/supervisord", "-n"]\n';
    assert.deepEqual(await commands(copied, {}, { '/etc/supervisor/conf.d/app.conf': conf }), ['/srv/api: node main.js', '/srv: node server.js']);
  });

  test('supervisord -c naming the packaged configuration the build does not write: the files copied where it includes them; one the build writes there is read itself', async () => {
    const conf = '[program:api]\ncommand=node main.js\ndirectory=/srv/api\n[program:web]\ncommand=node server.js\n';
    const packaged = 'FROM node\nWORKDIR /srv\nCOPY app.conf /etc/supervisor/conf.d/app.conf\nCMD ["supervisord", "-c", "/etc/supervisor/supervisord.conf"]\n';
    assert.deepEqual(await commands(packaged, {}, { '/etc/supervisor/conf.d/app.conf': conf }), ['/srv/api: node main.js', '/srv: node server.js']);
    const own = '[program:only]\ncommand=node only.js\n';
    assert.deepEqual(await commands(packaged, {}, { '/etc/supervisor/supervisord.conf': own, '/etc/supervisor/conf.d/app.conf': conf }), ['/srv: node only.js']);
    const elsewhere = 'FROM node\nWORKDIR /srv\nCOPY app.conf /etc/supervisor/conf.d/app.conf\nCMD ["supervisord", "-c", "/srv/mine.conf"]\n';
    assert.deepEqual(await commands(elsewhere, {}, { '/etc/supervisor/conf.d/app.conf': conf }), ['/srv: supervisord -c /srv/mine.conf']);
  });

  test('supervisord: only [program:x] sections, comments after a blank dropped, `directory` relative to the start folder', () => {
    const text = '[supervisord]\ncommand=never\n[program:a]\ncommand=node a.js ; the api\ndirectory=api\n; [program:b]\n[group:x]\nprograms=a\n';
    assert.deepEqual(supervisordPrograms(text, '/srv'), [{ command: 'node a.js', workdir: '/srv/api' }]);
  });

  test("pm2's ecosystem file: each app's command, its own cwd and args read from its object (an env object inside it included); one app's command only when there is one", () => {
    const text = "module.exports = { apps: [\n { name: 'a', script: 'dist/a.js', env: { X: '1' }, args: '--port 1' },\n { name: 'b', cwd: './b', script: 'server.js' },\n] };\n";
    assert.deepEqual(pm2AppCommands(text), ['node dist/a.js --port 1', 'cd ./b && node server.js']);
    assert.equal(pm2AppCommand(text), undefined);
    assert.equal(pm2AppCommand("{ apps: [{ cwd: 'b', script: 'server.js' }] }"), 'cd b && node server.js');
  });
});

suite('files a Dockerfile writes from heredocs', () => {
  test('`COPY <<EOF /path`: the body at that path; several into a folder, each under its delimiter; a RUN heredoc is no file', () => {
    const df = parseDockerfile('FROM node\nWORKDIR /srv\nCOPY <<EOF /start.sh\n#!/bin/sh\nexec node main.js\nEOF\nCOPY <<a.sh <<b.sh conf/\none\na.sh\ntwo\nb.sh\nRUN <<EOF\necho hi\nEOF\n');
    assert.deepEqual(df.stages[0]?.written?.map((w) => [w.path, w.text, w.line]), [
      ['/start.sh', '#!/bin/sh\nexec node main.js', 3],
      ['/srv/conf/a.sh', 'one', 7],
      ['/srv/conf/b.sh', 'two', 7],
    ]);
  });
});
