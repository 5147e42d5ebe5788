// Front-end pages as the source declares them: React Router route objects and <Route path>, Vue
// Router route records (both with their lazy `import()`), and file-based routing (Next.js `app/`
// and `pages/`, SvelteKit `src/routes`). Pure: paths and texts in, pages out. Read statically,
// like the server routes: a path built at run time is not seen.
import type { PageFramework } from '../model';
import { isUrlFolder } from '../routes/nextHandlers';

export interface PageDef {
  /** The route path as written ("/workflow", "settings/:id"); file-based routes as the framework serves them. */
  path: string;
  framework: PageFramework;
  /** Absolute source file that declares it, and its 1-based line (1 for file-based routes). */
  file: string;
  line: number;
  /** Name of the lazily imported module ("Workflow" for `import('./pages/Workflow')`): its own chunk in the bundle. */
  chunk?: string;
}

/** A file that may declare router routes: a router API or <Route> is named in it. */
const ROUTER_HINT = /\b(createBrowserRouter|createHashRouter|createMemoryRouter|createRoutesFromElements|useRoutes|RouteObject|createRouter|VueRouter|RouteRecordRaw)\b|<Route\b/;
const SCRIPT = /\.(tsx?|jsx?|mjs|vue)$/;

export function mayDeclarePages(file: string, text: string): boolean {
  return SCRIPT.test(file) && ROUTER_HINT.test(text);
}

/** Routes of React Router / Vue Router in one file's text. */
export function pagesInRouterSource(file: string, text: string): PageDef[] {
  if (!mayDeclarePages(file, text)) return [];
  const framework: PageFramework = /vue-router|VueRouter|RouteRecordRaw/.test(text) || file.endsWith('.vue') ? 'vue-router' : 'react-router';
  const lazyNames = lazyComponents(text);
  const out: PageDef[] = [];
  // Route objects: `path: '/workflow'` up to the next `path:` (its sibling or child) holds its component.
  const objectPath = /\bpath\s*:\s*(['"`])([^'"`\n]*)\1/g;
  const tagPath = /<Route\b[^>]*?\bpath\s*=\s*(?:\{\s*)?(['"`])([^'"`\n]*)\1/g;
  for (const re of [objectPath, tagPath]) {
    for (const m of text.matchAll(re)) {
      const at = m.index ?? 0;
      const rest = text.slice(at + m[0].length);
      const next = rest.search(re === objectPath ? /\bpath\s*:/ : /<Route\b|<\/Route>/);
      const body = next < 0 ? rest.slice(0, 600) : rest.slice(0, next);
      const page: PageDef = { path: m[2] as string, framework, file, line: lineAt(text, at) };
      const chunk = chunkOf(body, lazyNames);
      if (chunk) page.chunk = chunk;
      out.push(page);
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/** `const Workflow = lazy(() => import('./pages/Workflow'))`, `defineAsyncComponent(() => import(...))`: component name -> module name. */
function lazyComponents(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:React\.)?(?:lazy|defineAsyncComponent|loadable)\s*\(\s*(?:async\s*)?\(\s*\)\s*=>\s*import\s*\(\s*(['"`])([^'"`]+)\2/g;
  for (const m of text.matchAll(re)) out.set(m[1] as string, moduleName(m[3] as string));
  return out;
}

/** The lazy module a route's own text names: an inline import(), or a lazily defined component it renders. */
function chunkOf(body: string, lazyNames: ReadonlyMap<string, string>): string | undefined {
  const inline = /\bimport\s*\(\s*(?:\/\*[^*]*\*\/\s*)?(['"`])([^'"`]+)\1/.exec(body);
  if (inline) return moduleName(inline[2] as string);
  for (const m of body.matchAll(/(?:<|\b(?:component|Component|element)\s*[:=]\s*\{?\s*<?)([A-Z][\w$]*)/g)) {
    const lazy = lazyNames.get(m[1] as string);
    if (lazy) return lazy;
  }
  return undefined;
}

/** "./pages/Workflow.tsx" -> "Workflow"; "./views/Workflow.vue" -> "Workflow"; "./pages/workflow/index" -> "index". */
function moduleName(spec: string): string {
  const base = spec.split('/').pop() ?? spec;
  return base.replace(/\.(tsx?|jsx?|mjs|vue|svelte)$/, '');
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Frameworks whose pages are files: which ones the service's package.json names. */
export interface FileRouting {
  next: boolean;
  sveltekit: boolean;
}

/**
 * Pages of file-based routing, from the source files' paths relative to the app's folder:
 * Next.js `app/**\/page.tsx` (route groups `(x)` and parallel slots `@x` left out of the path) and
 * `pages/**` (not `_app`, `_document`, `_error`, `api/`); SvelteKit `src/routes/**\/+page.svelte`.
 */
export function filePages(files: readonly { abs: string; rel: string }[], routing: FileRouting): PageDef[] {
  const out: PageDef[] = [];
  for (const { abs, rel } of files) {
    if (routing.next) {
      const app = /^(?:.*\/)?(?:src\/)?app\/(.*?)\/?page\.(?:tsx|jsx|ts|js|mdx)$/.exec(`/${rel}`);
      if (app && !rel.includes('node_modules/')) {
        const segments = (app[1] ?? '').split('/').filter((s) => s !== '' && isUrlFolder(s));
        out.push({ path: `/${segments.join('/')}`, framework: 'next-app', file: abs, line: 1 });
        continue;
      }
      const pages = /^(?:.*\/)?(?:src\/)?pages\/(.*)\.(?:tsx|jsx|ts|js|mdx)$/.exec(`/${rel}`);
      if (pages) {
        const route = (pages[1] ?? '').replace(/(^|\/)index$/, '');
        if (!/^(_app|_document|_error|api)(\/|$)/.test(route)) out.push({ path: `/${route}`, framework: 'next-pages', file: abs, line: 1 });
        continue;
      }
    }
    if (routing.sveltekit) {
      const kit = /^(?:.*\/)?src\/routes\/(.*?)\/?\+page\.svelte$/.exec(`/${rel}`);
      if (kit) {
        const segments = (kit[1] ?? '').split('/').filter((s) => s !== '' && !/^\(.*\)$/.test(s));
        out.push({ path: `/${segments.join('/')}`, framework: 'sveltekit', file: abs, line: 1 });
      }
    }
  }
  return out;
}
