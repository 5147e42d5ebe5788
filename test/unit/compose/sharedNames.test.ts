// The same project and service named by compose files of different folders share one container.
import * as assert from 'node:assert/strict';
import { sharedNameWarnings } from '../../../src/core/compose/sharedNames';
import type { ServiceSpec } from '../../../src/core/model';

const spec = (project: string, name: string, dir: string): ServiceSpec => ({ name, project, projectDir: dir, composeFiles: [`${dir}/docker-compose.yaml`] }) as ServiceSpec;
const rel = (abs: string) => abs.replace(/^\/w\//, '');

suite('sharedNameWarnings', () => {
  test('apps/dashboard and apps/server both naming project "server", service "server": each is told of the other', () => {
    const dashboard = spec('server', 'server', '/w/apps/dashboard');
    const server = spec('server', 'server', '/w/apps/server');
    const workflows = spec('workflows-test', 'workflows-test', '/w/apps/workflows');
    const warnings = sharedNameWarnings([dashboard, server, workflows], rel);
    assert.match(warnings.get(dashboard) ?? '', /project "server" defines service "server" also in apps\/server\/docker-compose\.yaml: docker compose runs one container/);
    assert.match(warnings.get(server) ?? '', /also in apps\/dashboard\/docker-compose\.yaml/);
    assert.equal(warnings.has(workflows), false);
  });

  test('the same service name in another project, or a project of one folder, is no clash', () => {
    const a = spec('shop', 'api', '/w/shop');
    const b = spec('blog', 'api', '/w/blog');
    const override = spec('shop', 'api', '/w/shop');
    assert.equal(sharedNameWarnings([a, b], rel).size, 0);
    assert.equal(sharedNameWarnings([a, override], rel).size, 0);
  });
});
