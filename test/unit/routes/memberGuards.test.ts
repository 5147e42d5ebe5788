// A route helper registering a route only when the instance it is given has a member (memberGuards.ts).
import assert from 'node:assert/strict';
import { routeLines as routesOf } from '../helpers/collectText';

const withPost = "import type { Request, Response } from 'express';\nexport default class EditHandler {\n  GET = async (req: Request, res: Response) => res.render('edit');\n  POST = async (req: Request, res: Response) => res.redirect('/done');\n}\n";
const viewOnly = "import type { Request, Response } from 'express';\nexport default class ViewHandler {\n  GET = async (req: Request, res: Response) => res.render('view');\n}\n";

const routesFile = (helper: string) => ({
  file: '/w/server/routes/pages.ts',
  text: `import { Router } from 'express';\nimport EditHandler from './handlers/editHandler';\nimport ViewHandler from './handlers/viewHandler';\nexport default function pages(): Router {\n  const router = Router();\n${helper}\n  route('/edit/:id', new EditHandler());\n  route('/view/:id', new ViewHandler());\n  return router;\n}\n`,
});

const IF_HELPER = '  const route = (path: string, handler: { GET: unknown; POST?: unknown }) => {\n    router.get(path, handler.GET);\n    if (handler.POST) router.post(path, handler.POST);\n  };';

const app = { file: '/w/server/app.ts', text: "import express from 'express';\nimport pages from './routes/pages';\nconst app = express();\napp.use('/pages', pages());\napp.listen(3000);\n" };

/** The routes of the app mounting pages(): its helper `helper`, ViewHandler's file `view`, and more files. */
const routesWith = (helper: string, view: string, more: { file: string; text: string }[] = []) =>
  routesOf([routesFile(helper), { file: '/w/server/routes/handlers/editHandler.ts', text: withPost }, { file: '/w/server/routes/handlers/viewHandler.ts', text: view }, ...more, app]).sort();

suite('routes: helpers guarded by a member of the instance they are given', () => {
  test("`router.get(path, h.GET) && h.POST && router.post(path, h.POST)`: POST only where the handler's class (another file's) declares POST", () => {
    const helper = '  const route = (path: string, handler: { GET: unknown; POST?: unknown }) =>\n    router.get(path, handler.GET) && handler.POST && router.post(path, handler.POST);';
    assert.deepEqual(routesWith(helper, viewOnly), ['GET /pages/edit/:id', 'GET /pages/view/:id', 'POST /pages/edit/:id']);
  });

  test('`if (handler.POST) router.post(...)` in a block body reads the same', () => {
    assert.deepEqual(routesWith(IF_HELPER, viewOnly), ['GET /pages/edit/:id', 'GET /pages/view/:id', 'POST /pages/edit/:id']);
  });

  test('a helper the file calls once keeps its guard: its parameters are read at that call, not filled into its body read as a plain function', () => {
    const once = {
      file: '/w/server/routes/pages.ts',
      text: "import { Router } from 'express';\nimport ViewHandler from './handlers/viewHandler';\nexport default function pages(): Router {\n  const router = Router();\n  const route = (path: string, handler: { GET: unknown; POST?: unknown }) =>\n    router.get(path, handler.GET) && handler.POST && router.post(path, handler.POST);\n  route('/', new ViewHandler());\n  return router;\n}\n",
    };
    assert.deepEqual(routesOf([once, { file: '/w/server/routes/handlers/viewHandler.ts', text: viewOnly }, app]).sort(), ['GET /pages']);
  });

  test('a class extending another is never known to lack the member: its POST stays', () => {
    const extending = viewOnly.replace('class ViewHandler {', 'class ViewHandler extends BaseHandler {').replace('import type', "import BaseHandler from './base';\nimport type");
    const base = { file: '/w/server/routes/handlers/base.ts', text: 'export default class BaseHandler {\n  POST?: unknown;\n}\n' };
    assert.deepEqual(routesWith(IF_HELPER, extending, [base]), ['GET /pages/edit/:id', 'GET /pages/view/:id', 'POST /pages/edit/:id', 'POST /pages/view/:id']);
  });
});
