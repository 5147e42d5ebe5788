// An object constant whose fields the module sets again after the literal: other files read the
// field as the module leaves it, not as the literal wrote it. One plain assignment is its value;
// assignments in branches (try/catch, if) leave it not known, so a mount at it is under an unknown
// prefix with a warning, not at the literal's ''. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as routesOf } from '../helpers/collectText';

const SERVER = [
  "import express from 'express';",
  "import settings from './settings.js';",
  'const app = express();',
  'const router = express.Router();',
  "router.get('/health', (req, res) => res.send('ok'));",
  'app.use(settings.mountPath, router);',
  'app.listen(3000);',
].join('\n');

const settings = (after: string) => ["const settings = { publicUrl: process.env.PUBLIC_URL ?? '/', mountPath: '' };", after, 'export default settings;'].join('\n');

suite('object constants whose fields the module sets again', () => {
  test("one plain assignment after the literal is the field's value (an environment default here)", () => {
    const { routes } = routesOf({ '/s/settings.js': settings("settings.mountPath = process.env.MOUNT_PATH || '/svc';"), '/s/server.js': SERVER });
    assert.deepEqual(routes, ['GET /svc/health']);
  });

  test("assignments in a try and its catch leave the field not known: the mount is under an unknown prefix, with a warning, not at the literal's ''", () => {
    const branches = 'try {\n  settings.mountPath = new URL(settings.publicUrl).pathname;\n} catch {\n  settings.mountPath = settings.publicUrl;\n}';
    const { routes, warnings } = routesOf({ '/s/settings.js': settings(branches), '/s/server.js': SERVER });
    assert.deepEqual(routes, ['GET /…/health']);
    assert.equal(warnings.length, 1, warnings.join('\n'));
  });

  test('a field no statement sets again keeps the literal', () => {
    assert.deepEqual(routesOf({ '/s/settings.js': settings('settings.other = 1;'), '/s/server.js': SERVER }).routes, ['GET /health']);
  });
});
