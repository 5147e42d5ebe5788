// An object constant whose fields the module sets again after the literal: other files read the
// field as the module leaves it, not as the literal wrote it. One plain assignment is its value;
// assignments in branches (if, or a try and its catch of anything but a URL's path) leave it not known,
// so a mount at it is under an unknown prefix with a warning, not at the literal's ''. A URL's path set
// in a try, another value in its catch: the path where the URL parses, else that value. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes, routesAndWarnings as routesOf } from '../helpers/collectText';

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

  test("a URL's path set in a try and the URL itself in its catch: the catch's value where the URL does not parse (a relative default, `new URL('/')` throws), else its path", () => {
    const branches = 'try {\n  settings.mountPath = new URL(settings.publicUrl).pathname;\n} catch {\n  settings.mountPath = settings.publicUrl;\n}';
    const { routes, warnings } = routesOf({ '/s/settings.js': settings(branches), '/s/server.js': SERVER });
    assert.deepEqual(routes, ['GET /health']);
    assert.deepEqual(warnings, []);
    const withEnv = (value: string) =>
      collectRoutes(
        [
          { file: '/s/settings.js', text: settings(branches) },
          { file: '/s/server.js', text: SERVER },
        ],
        { moduleOf: () => undefined, aliases: [], serviceEnv: { service: 'web', values: { PUBLIC_URL: value }, where: { PUBLIC_URL: 'compose.yaml:3' } } },
      ).routes.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(withEnv('https://gifts.example.org/shop/'), ['GET /shop/health']);
    assert.deepEqual(withEnv('/family/'), ['GET /family/health']);
    const literal = 'try {\n  settings.mountPath = new URL("/list/").pathname;\n} catch {\n  settings.mountPath = "/fallback";\n}';
    assert.deepEqual(routesOf({ '/s/settings.js': settings(literal), '/s/server.js': SERVER }).routes, ['GET /fallback/health']);
  });

  test("assignments in an if and its else, or a try and its catch of anything but a URL's path, leave the field not known: the mount is under an unknown prefix, with a warning", () => {
    for (const branches of [
      "if (process.env.X) {\n  settings.mountPath = '/a';\n} else {\n  settings.mountPath = '/b';\n}",
      "try {\n  settings.mountPath = readPath();\n} catch {\n  settings.mountPath = '/b';\n}",
    ]) {
      const { routes, warnings } = routesOf({ '/s/settings.js': settings(branches), '/s/server.js': SERVER });
      assert.deepEqual(routes, ['GET /…/health'], branches);
      assert.equal(warnings.length, 1, warnings.join('\n'));
    }
  });

  test('a field no statement sets again keeps the literal', () => {
    assert.deepEqual(routesOf({ '/s/settings.js': settings('settings.other = 1;'), '/s/server.js': SERVER }).routes, ['GET /health']);
  });
});
