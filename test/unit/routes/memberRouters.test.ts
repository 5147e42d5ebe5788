// A class whose constructor builds a router and keeps it in a field, mounted through that field of
// an instance (src/core/routes/memberRouters.ts).
import * as assert from 'node:assert/strict';
import { routesAndWarnings as routesOf } from '../helpers/collectText';

const relay = [
  "import { Router } from 'express';",
  'export class Relay {',
  '  public handler: Router;',
  '  public other = 1;',
  '  constructor(private readonly store: Store) {',
  '    const r = Router();',
  "    r.get('', (req, res) => res.json(store.all()));",
  "    r.post('/events', (req, res) => res.sendStatus(202));",
  '    this.handler = r;',
  '  }',
  '}',
].join('\n');

/** The app's routes with `mount` between the app's creation and its listen. */
const served = (...mount: string[]) =>
  routesOf({
    '/s/relay.ts': relay,
    '/s/main.ts': ["import express from 'express';", "import { Relay } from './relay';", 'const app = express();', ...mount, 'app.listen(3000);'].join('\n'),
  }).routes;

suite('routers kept in a field by their class', () => {
  test("the field of a `new` mounted: the constructor's router, under the mount's prefix", () => {
    assert.deepEqual(served("app.use('/relay', express.json(), new Relay(store).handler);"), ['GET /relay', 'POST /relay/events']);
  });

  test('the field of an instance a constant holds', () => {
    assert.deepEqual(served('const relay = new Relay(store);', "app.use('/v2/relay', relay.handler);"), ['GET /v2/relay', 'POST /v2/relay/events']);
  });

  test('another field of the instance serves nothing: its routes are not put under that mount', () => {
    assert.deepEqual(served("app.use('/relay', new Relay(store).other);"), ['GET /', 'POST /events']);
  });
});
