// A module default-exporting its request handler while it also builds a router nobody mounts:
// `router.use('/notes', notesHandler)` of `async function notesHandler(req: Request, res: Response)
// { res.send(...) } ... export const router = Router(); router.get('', notesHandler); export default
// notesHandler`. The mount is the handler (ALL at its path), not the file's router; that router,
// which no file imports, serves nothing. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as routesOf } from '../helpers/collectText';

const SERVER = [
  "import * as express from 'express';",
  "import api from './api';",
  'const app = express();',
  "app.use('/api', api);",
  'app.listen(3000);',
].join('\n');

const API = [
  "import { Router } from 'express';",
  "import notesHandler from './notes';",
  "import shelves from './shelves';",
  'const router = Router();',
  "router.use('/notes/:noteId', notesHandler);",
  "router.use('/shelves', shelves);",
  'export default router;',
].join('\n');

const NOTES = [
  "import { Request, Response, Router } from 'express';",
  'async function notesHandler(req: Request, res: Response) {',
  '  const note = await load(req.params.noteId);',
  '  res.status(200).send(note);',
  '}',
  'export const router = Router({ mergeParams: true });',
  "router.get('', notesHandler);",
  'export default notesHandler;',
].join('\n');

const SHELVES = [
  "import { Router } from 'express';",
  'export const router = Router();',
  "router.get('/', (req, res) => res.json([]));",
  'export default router;',
].join('\n');

suite('a default-exported handler mounted in place of its module\'s router', () => {
  test('answers every method at its mount path; the router beside it, imported by no file, serves nothing', () => {
    const { routes } = routesOf({ '/n/server.ts': SERVER, '/n/api.ts': API, '/n/notes.ts': NOTES, '/n/shelves.ts': SHELVES });
    assert.deepEqual(routes, ['ALL /api/notes/:noteId', 'GET /api/shelves']);
  });

  test('the same router imported by its name is served where it is mounted', () => {
    const api = API.replace("import notesHandler from './notes';", "import { router as notes } from './notes';").replace("router.use('/notes/:noteId', notesHandler);", "router.use('/notes/:noteId', notes);");
    const { routes } = routesOf({ '/n/server.ts': SERVER, '/n/api.ts': api, '/n/notes.ts': NOTES, '/n/shelves.ts': SHELVES });
    assert.deepEqual(routes, ['GET /api/notes/:noteId', 'GET /api/shelves']);
  });
});
