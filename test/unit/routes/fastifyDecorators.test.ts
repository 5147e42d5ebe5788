// fastify-decorators' controllers (fastifyDecorators.ts, read by nestControllers.ts): the
// controller's route followed by each method decorator's url. Fixtures of our own.
import assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const APP = [
  "import fastify from 'fastify';",
  "import { bootstrap } from 'fastify-decorators';",
  'const app = fastify();',
  "app.register(bootstrap, { directory: new URL('controllers', import.meta.url), mask: /\\.controller\\./ });",
  'app.listen({ port: 3000 });',
].join('\n');

const PATHS = ["export const NOTES = '/notes';", 'export const NOTE_BY_ID =', "  '/:note_id';"].join('\n');

const NOTES = [
  "import { Controller, GET, POST, PATCH, DELETE } from 'fastify-decorators';",
  "import { NOTES, NOTE_BY_ID } from '../paths';",
  '@Controller({ route: NOTES })',
  'export default class NotesController {',
  "  @POST('', { schema: {} })",
  '  async create() { return {}; }',
  '  @GET(NOTE_BY_ID)',
  '  async one() { return {}; }',
  "  @PATCH({ url: '/:note_id/pin' })",
  '  async pin() { return {}; }',
  '  // @DELETE(NOTE_BY_ID)',
  '  async remove() { return {}; }',
  '}',
].join('\n');

const TAGS = [
  "import * as fd from 'fastify-decorators';",
  "@fd.Controller('/tags')",
  'export class TagsController {',
  "  @fd.GET('/')",
  '  async list() { return []; }',
  '}',
].join('\n');

suite('fastify-decorators controllers', () => {
  test("@Controller({ route }) and @Controller(route) classes: each method decorator's url (a string, a constant of another file, { url }) after the controller's route, an empty one at the route itself; a commented decorator is none", () => {
    const { routes, warnings } = routesAndWarnings({ '/w/src/app.ts': APP, '/w/src/paths.ts': PATHS, '/w/src/controllers/notes.controller.ts': NOTES, '/w/src/controllers/tags.controller.ts': TAGS });
    assert.deepEqual(routes, ['GET /notes/:note_id', 'GET /tags', 'PATCH /notes/:note_id/pin', 'POST /notes']);
    assert.deepEqual(warnings, []);
  });

  test('decorators of the same names from another module are not fastify-decorators\' routes', () => {
    const other = NOTES.replace("from 'fastify-decorators'", "from './local-decorators'");
    const { routes } = routesAndWarnings({ '/w/src/app.ts': APP, '/w/src/paths.ts': PATHS, '/w/src/controllers/notes.controller.ts': other });
    assert.deepEqual(routes, []);
  });
});
