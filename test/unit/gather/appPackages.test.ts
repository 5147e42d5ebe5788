// A workspace package's Nest controllers: served only through a module the app's modules import.
import * as assert from 'node:assert/strict';
import { servedPackageRoutes } from '../../../src/core/gather/appPackages';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';

const file = (path: string, text: string) => ({ file: path, x: extractRoutesFromSource(text, path) });

suite('servedPackageRoutes', () => {
  test("a package's controller serves when a module the app imports lists it; one of a module nobody imports does not", () => {
    const own = [file('/w/apps/api/src/app.module.ts', "@Module({ imports: [ProfilingModule.register('api')] })\nexport class AppModule {}\n")];
    const theirs = [
      file('/w/libs/generic/src/profiling.module.ts', '@Module({ controllers: [ProfilingController] })\nexport class ProfilingModule {}\n'),
      file('/w/libs/generic/src/profiling.controller.ts', "@Controller('/debug/pprof')\nexport class ProfilingController {\n  @Get('/heap')\n  heap() {}\n}\n"),
      file('/w/packages/framework/src/nest.module.ts', '@Module({ controllers: [NovuController] })\nexport class NovuModule {}\n'),
      file('/w/packages/framework/src/nest.controller.ts', '@Controller()\nexport class NovuController {\n  @Post()\n  post() {}\n}\n'),
    ];
    const routes = servedPackageRoutes(own, theirs).flatMap((e) => e.x.routes.map((r) => `${r.method} ${r.path}`));
    assert.deepEqual(routes, ['GET /debug/pprof/heap']);
  });
});
