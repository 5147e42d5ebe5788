import assert from 'node:assert/strict';
import * as path from 'node:path';
import { filePages, pagesInRouterSource } from '../../../src/core/pages/extract';
import { declaredPages } from '../../../src/core/pages/gatherPages';
import { judgePages } from '../../../src/core/pages/judgePages';
import type { ServedFiles } from '../../../src/core/ports';
import { createNodeFs } from '../../../src/engine/nodeFs';

const simple = (pages: ReturnType<typeof pagesInRouterSource>) => pages.map((p) => [p.path, p.line, p.chunk ?? null]);

suite('front-end pages in the source', () => {
  test('React Router route objects with lazy imports and lazily defined elements', () => {
    const text = `import { createBrowserRouter } from 'react-router-dom';
import { lazy } from 'react';
const Reports = lazy(() => import('./pages/Reports'));
export const router = createBrowserRouter([
  { path: '/', element: <Home /> },
  { path: '/workflow', lazy: () => import('./pages/Workflow') },
  { path: "/reports", element: <Reports /> },
]);
`;
    assert.deepEqual(simple(pagesInRouterSource('/ws/web/src/router.tsx', text)), [
      ['/', 5, null],
      ['/workflow', 6, 'Workflow'],
      ['/reports', 7, 'Reports'],
    ]);
  });

  test('<Route path> elements, with the lazy component they render', () => {
    const text = `const Workflow = React.lazy(() => import('./pages/Workflow.tsx'));
export function App() {
  return (
    <Routes>
      <Route path="/" element={<Home />} />
      <Route path="/workflow" element={<Workflow />} />
    </Routes>
  );
}`;
    assert.deepEqual(simple(pagesInRouterSource('/ws/web/src/App.tsx', text)), [
      ['/', 5, null],
      ['/workflow', 6, 'Workflow'],
    ]);
  });

  test('Vue Router records: component: () => import(...) is the page chunk', () => {
    const text = `import { createRouter, createWebHistory } from 'vue-router';
export default createRouter({ history: createWebHistory(), routes: [
  { path: '/workflow', component: () => import('../views/Workflow.vue') },
] });`;
    const pages = pagesInRouterSource('/ws/web/src/router/index.ts', text);
    assert.deepEqual(simple(pages), [['/workflow', 3, 'Workflow']]);
    assert.equal(pages[0]?.framework, 'vue-router');
  });

  test('a file that names no router declares no pages, whatever its `path:` keys', () => {
    assert.deepEqual(pagesInRouterSource('/ws/web/src/config.ts', "export const upload = { path: '/tmp' };"), []);
  });

  test('SvelteKit: src/routes/**/+page.svelte, route groups left out', () => {
    const pages = filePages([{ abs: '/a', rel: 'src/routes/+page.svelte' }, { abs: '/b', rel: 'src/routes/(app)/workflow/+page.svelte' }, { abs: '/c', rel: 'src/routes/api/+server.ts' }], { next: false, sveltekit: true });
    assert.deepEqual(pages.map((p) => p.path), ['/', '/workflow']);
  });

  test('Next.js pages/: index is /, _app, _document and api/ are not pages', () => {
    const rel = ['pages/index.tsx', 'pages/workflow.tsx', 'pages/_app.tsx', 'pages/api/health.ts', 'pages/reports/[id].tsx'];
    const pages = filePages(rel.map((r) => ({ abs: `/ws/${r}`, rel: r })), { next: true, sveltekit: false });
    assert.deepEqual(pages.map((p) => p.path), ['/', '/workflow', '/reports/[id]']);
    // Without next in package.json, a Vite app's src/pages/ folder is not file-based routing.
    assert.deepEqual(filePages([{ abs: '/x', rel: 'pages/Workflow.tsx' }], { next: false, sveltekit: false }), []);
  });

  test('a Next.js app/ fixture read statically: pages by folder, route groups left out, route handlers are not pages', async () => {
    const root = path.resolve(__dirname, '../../fixtures/next-app');
    const files = ['app/layout.tsx', 'app/page.tsx', 'app/workflow/page.tsx', 'app/(admin)/settings/page.tsx', 'app/reports/[id]/page.tsx', 'app/api/health/route.ts'].map((f) => path.join(root, f));
    const pages = await declaredPages(createNodeFs(), root, files);
    assert.deepEqual(pages.map((p) => [p.path, p.framework]).sort(), [
      ['/', 'next-app'],
      ['/reports/[id]', 'next-app'],
      ['/settings', 'next-app'],
      ['/workflow', 'next-app'],
    ]);
  });
});

suite('front-end pages against the served bundle', () => {
  const served = (files: Record<string, string>, truncated = false): ServedFiles => ({
    root: '/srv/dist',
    files: new Set(Object.keys(files).map((f) => `/srv/dist/${f}`)),
    texts: new Map(Object.entries(files).filter(([f]) => f.endsWith('.js') || f.endsWith('.html')).map(([f, t]) => [`/srv/dist/${f}`, t])),
    truncated,
  });
  const page = { path: '/workflow', framework: 'react-router' as const, file: '/ws/web/src/router.tsx', line: 6, chunk: 'Workflow' };
  const rel = (f: string) => f.replace('/ws/', '');

  test('the route path in a served script and its lazy chunk as a file: served', () => {
    const [r] = judgePages([page], served({ 'index.html': '<script src="/assets/index-1.js">', 'assets/index-1.js': 'const r=[{path:"/workflow",lazy:()=>import("./Workflow-ab12.js")}]', 'assets/Workflow-ab12.js': 'x' }), '', rel);
    assert.equal(r?.verdict, 'served');
    assert.equal(r?.evidence, '/workflow is in assets/index-1.js; chunk assets/Workflow-ab12.js');
    assert.equal(r?.file, 'web/src/router.tsx');
  });

  test('a bundle built before the page: missing, and it says the bundle was built without it', () => {
    const [r] = judgePages([page], served({ 'index.html': '', 'assets/index-0.js': 'const r=[{path:"/"}]' }), '', rel);
    assert.equal(r?.verdict, 'missing');
    assert.match(r?.evidence ?? '', /built without this page/);
  });

  test('the path without its lazy chunk: missing (the page would fail to load)', () => {
    const [r] = judgePages([page], served({ 'assets/index-1.js': '"/workflow"' }), '', rel);
    assert.equal(r?.verdict, 'missing');
    assert.match(r?.evidence ?? '', /lazy chunk Workflow-\*\.js is not under \/srv\/dist/);
  });

  test('Next.js pages are files of the build: .next/server/app/workflow/page.js', () => {
    const next = { ...page, framework: 'next-app' as const, chunk: undefined };
    const s: ServedFiles = { root: '/app/.next', files: new Set(['/app/.next/server/app/workflow/page.js']), texts: new Map(), truncated: false };
    assert.equal(judgePages([next], s, '', rel)[0]?.verdict, 'served');
    assert.equal(judgePages([{ ...next, path: '/reports' }], s, '', rel)[0]?.verdict, 'missing');
  });

  test('nothing to read: unknown, with the reason', () => {
    const [r] = judgePages([page], undefined, 'no container: the served bundle cannot be read', rel);
    assert.deepEqual([r?.verdict, r?.evidence], ['unknown', 'no container: the served bundle cannot be read']);
  });
});
