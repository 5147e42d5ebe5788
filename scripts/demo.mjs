// `npm run demo`: replays the classic incident end to end and lets Runtime Drift find and fix it.
//   a workflow module is added and its image rebuilt, but the old container keeps serving, so
//   GET /api/v1/workflows/steps/definitions answers 404 "Route not found".
// Works from a fresh clone: installs dependencies, prepares the Docker engine and base images,
// builds the CLI, then runs `check`, `rebuild api`, `check` against a temp copy of
// test/fixtures/incident. Exit code: 0 when the final check is in sync and the workflow route
// really answers 200; otherwise the final check's code (1 if it claimed sync wrongly), 2 on errors.
//   node scripts/demo.mjs [--keep]     --keep leaves the stack and its folder for a look around
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const workflowRoute = '/api/v1/workflows/steps/definitions';
const usage = 'usage: npm run demo [-- --keep]';

/** Streams a child's output through; resolves with its exit code. Argument arrays only. */
function step(file, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: root, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function mustStep(file, args) {
  const code = await step(file, args);
  if (code !== 0) throw new Error(`${[file, ...args].join(' ')} exited ${code}`);
}

function banner(text) {
  const line = '═'.repeat(Math.max(60, text.length + 4));
  console.log(`\n${line}\n  ${text}\n${line}`);
}

async function showRoute(ws, token) {
  const res = await ws.get(workflowRoute, token);
  const who = token ? 'with the token' : 'without a token';
  console.log(`  GET ${workflowRoute} (${who}) → ${res.status} ${res.body.slice(0, 120)}`);
  return res;
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const unknown = argv.filter((arg) => arg !== '--keep');
  if (unknown.length > 0) {
    console.error(`unknown argument(s): ${unknown.join(' ')}\n${usage}`);
    return 2;
  }
  const keep = argv.includes('--keep');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

  banner('Setup: dependencies, Docker engine, base images, CLI');
  // A fresh clone has no node_modules; the driver needs esbuild and the CLI build needs the rest.
  ensureDeps();
  await mustStep(process.execPath, [join(root, 'scripts', 'engine-setup.mjs')]);
  // Always rebuilt (a second or two): a CLI older than its source would be drift of our own.
  await mustStep(npm, ['run', 'build']);

  // Imported only now: the driver loads esbuild, which may have just been installed.
  const { createIncidentWorkspace } = await import(
    pathToFileURL(join(root, 'test', 'fixtures', 'incident', 'driver.mjs')).href
  );
  const ws = await createIncidentWorkspace({ onOutput: (chunk) => process.stdout.write(chunk) });
  // The demo allows its token variable as a CI job would: in the environment, never in the workspace.
  const cliEnv = { ...process.env, ...ws.env, RUNTIME_DRIFT_TOKEN_ENVS: 'API_TOKEN' };
  const cli = (args) => step(process.execPath, [join(root, 'dist', 'cli.js'), ...args, '--workspace', ws.dir], cliEnv);

  let tornDown = false;
  const teardown = async () => {
    if (keep || tornDown) return;
    tornDown = true;
    banner('Teardown');
    await ws.down();
  };
  // Ctrl-C must not leave a container listening on the port.
  process.once('SIGINT', () => {
    teardown().finally(() => process.exit(130));
  });

  try {
    banner(`1. The stack as deployed yesterday (project ${ws.project}, api on 127.0.0.1:${ws.apiPort})`);
    await ws.up();
    await showRoute(ws, ws.apiToken);

    banner('2. Add the workflow module, build dist and the image, but do not recreate the container');
    await ws.addWorkflowFeature();
    await ws.buildImageOnly();
    console.log('  source, dist and image have backend/src/modules/workflow; the running container does not:');
    await showRoute(ws, ws.apiToken);

    banner(`3. runtime-drift check --workspace ${ws.dir}`);
    const firstCheck = await cli(['check']);
    console.log(`  (exit ${firstCheck}: ${firstCheck === 1 ? 'drift found, as expected' : 'expected 1 = drift'})`);

    banner('4. runtime-drift rebuild api (compose build + up -d + re-check)');
    const rebuild = await cli(['rebuild', 'api']);
    console.log(`  (exit ${rebuild})`);

    banner('5. runtime-drift check, again');
    const finalCheck = await cli(['check']);
    await showRoute(ws);
    const live = await showRoute(ws, ws.apiToken);
    // The demo checks the product against ground truth: "in sync" must mean the route is served.
    const verdict = finalCheck === 0 && live.status === 200 ? 0 : finalCheck === 0 ? 1 : finalCheck;
    console.log(
      verdict === 0
        ? '\n  In sync: source, dist, image, container and live routes agree.'
        : finalCheck === 0
          ? `\n  The check said in sync, but the workflow route answers ${live.status}: that is a Runtime Drift bug.`
          : `\n  Final check exited ${finalCheck}: still not in sync.`,
    );
    if (keep) {
      console.log(`\n  Kept: ${ws.dir} (project ${ws.project}). Remove with:`);
      console.log(`    cd ${ws.dir} && ${[...ws.composeCli, '-p', ws.project].join(' ')} down --rmi local -v`);
    }
    return verdict;
  } finally {
    await teardown();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
