// Proves the incident fixture itself (not the product): a stale container keeps answering 404
// for a module that the source, dist and image already have, until it is recreated.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { apiImageIds, createIncidentWorkspace, imageExists, projectContainers } from './support/incident';
import type { IncidentWorkspace } from './support/incident';

const workflowRoute = '/api/v1/workflows/steps/definitions';

suite('incident fixture', () => {
  let ws: IncidentWorkspace | undefined;
  /** The pre-feature image, untagged by the rebuild; down() must not leave it behind. */
  let staleImage: string | undefined;

  suiteSetup(async () => {
    ws = await createIncidentWorkspace();
    await ws.up();
  });

  suiteTeardown(async () => {
    // Tests may stop half-way; the stack must still go away.
    if (ws && existsSync(ws.dir)) await ws.down();
  });

  function workspace(): IncidentWorkspace {
    assert.ok(ws, 'workspace was not created');
    return ws;
  }

  test('the api listens on loopback and /health is public', async () => {
    const res = await workspace().get('/health');
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body), { status: 'ok' });
  });

  test('users routes need the bearer token', async () => {
    const w = workspace();
    const anonymous = await w.get('/api/v1/users');
    assert.equal(anonymous.status, 401);
    assert.deepEqual(JSON.parse(anonymous.body), { statusCode: 401, message: 'Unauthorized' });
    assert.equal((await w.get('/api/v1/users', 'wrong-token')).status, 401);
    const authorized = await w.get('/api/v1/users', w.apiToken);
    assert.equal(authorized.status, 200);
    assert.ok(Array.isArray(JSON.parse(authorized.body)));
    assert.equal((await w.get('/api/v1/users/1', w.apiToken)).status, 200);
  });

  test('before the feature the workflow route is "Route not found"', async () => {
    const res = await workspace().get(workflowRoute);
    assert.equal(res.status, 404);
    assert.deepEqual(JSON.parse(res.body), { statusCode: 404, message: 'Route not found' });
  });

  test('a rebuilt image without recreate keeps the old container serving 404', async () => {
    const w = workspace();
    await w.addWorkflowFeature();
    await w.buildImageOnly();
    assert.ok(existsSync(`${w.dir}/backend/dist/modules/workflow/workflow.controller.js`), 'dist has the module');

    const res = await w.get(workflowRoute, w.apiToken);
    assert.equal(res.status, 404);
    assert.match(res.body, /Route not found/);

    const ids = await apiImageIds(w);
    assert.ok(ids.container, 'the api container exists');
    assert.ok(ids.tag, `the ${w.imageTag} tag exists`);
    assert.notEqual(ids.container, ids.tag, 'the container still runs the previous image');
    staleImage = ids.container;
  });

  test('recreating the container serves the workflow route', async () => {
    const w = workspace();
    await w.recreate();
    const anonymous = await w.get(workflowRoute);
    assert.equal(anonymous.status, 401);
    const authorized = await w.get(workflowRoute, w.apiToken);
    assert.equal(authorized.status, 200);
    const definitions = JSON.parse(authorized.body) as Array<{ type: string }>;
    assert.ok(definitions.some((definition) => definition.type === 'approval'));
    // A known path with the wrong method is 405, not 404: the route exists (POST only).
    assert.equal((await w.get('/api/v1/workflows/runs', w.apiToken)).status, 405);
    const ids = await apiImageIds(w);
    assert.equal(ids.container, ids.tag, 'the container runs the tagged image');
  });

  test('down removes the containers, both built images and the temp copy', async () => {
    const w = workspace();
    await w.down();
    assert.deepEqual(await projectContainers(w.project), []);
    assert.equal(await imageExists(w.imageTag), false);
    assert.ok(staleImage, 'the incident step recorded the stale image');
    assert.equal(await imageExists(staleImage), false);
    assert.equal(existsSync(w.dir), false);
  });
});
