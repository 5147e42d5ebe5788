// Each front-end page against the bundle the container serves. An SPA answers 200 for every
// path (the server falls back to index.html), so probing a page proves nothing; the built assets
// are read instead: the route path must be in them, and the page's lazy chunk must be a file.
// Pure.
import * as l10n from '@vscode/l10n';
import type { PageReport } from '../model';
import type { ServedFiles } from '../ports';
import type { PageDef } from './extract';

/** Said once per service with pages: why they are not probed. */
export const spaNote = (): string => l10n.t("an SPA answers 200 for every path (its index.html), so a page's HTTP status proves nothing: pages are judged by the bundle the container serves");

/** Files whose text is searched for route paths: scripts, manifests, pre-rendered HTML. */
export const SERVED_TEXT = /\.(m?js|cjs|json|html|rsc)$/;

export function judgePages(pages: readonly PageDef[], served: ServedFiles | undefined, why: string, rel: (abs: string) => string): PageReport[] {
  return pages.map((p) => {
    const base = { path: p.path, framework: p.framework, file: rel(p.file), line: p.line, chunk: p.chunk ?? null };
    if (!served) return { ...base, verdict: 'unknown' as const, evidence: why };
    return { ...base, ...judgeOne(p, served) };
  });
}

function judgeOne(p: PageDef, served: ServedFiles): Pick<PageReport, 'verdict' | 'evidence'> {
  const where = fileBased(p, served) ?? literalIn(p.path, served);
  const shortPath = (f: string) => (f.startsWith(`${served.root}/`) ? f.slice(served.root.length + 1) : f);
  if (!where) {
    const evidence = served.truncated
      ? l10n.t`${p.path} is in no asset under ${served.root} (some large assets were not read): the bundle the container serves was built without this page`
      : l10n.t`${p.path} is in no asset under ${served.root}: the bundle the container serves was built without this page`;
    return { verdict: 'missing', evidence };
  }
  const found = l10n.t`${p.path} is in ${shortPath(where)}`;
  if (!p.chunk) return { verdict: 'served', evidence: found };
  const chunk = chunkFile(p.chunk, served.files);
  if (!chunk) return { verdict: 'missing', evidence: l10n.t`${found}, but its lazy chunk ${`${p.chunk}-*.js`} is not under ${served.root}: the page would fail to load` };
  return { verdict: 'served', evidence: l10n.t`${found}; chunk ${shortPath(chunk)}` };
}

/** Next.js writes a file per page (.next/server/app/workflow/page.js, .next/server/pages/workflow.html). */
function fileBased(p: PageDef, served: ServedFiles): string | undefined {
  if (p.framework !== 'next-app' && p.framework !== 'next-pages') return undefined;
  const route = p.path === '/' ? (p.framework === 'next-app' ? '' : '/index') : p.path;
  const endings =
    p.framework === 'next-app'
      ? [`/server/app${route}/page.js`, `/server/app${route || '/index'}.html`, `/server/app${route || '/index'}.rsc`]
      : [`/server/pages${route}.js`, `/server/pages${route}.html`];
  for (const f of served.files) if (endings.some((e) => f.endsWith(e))) return f;
  return undefined;
}

/** The path as a string literal in a served text ("/workflow", '/workflow', `/workflow`). */
function literalIn(path: string, served: ServedFiles): string | undefined {
  if (path === '' || path === '/' || path === '*') {
    // The root or catch-all route: whatever serves index.html serves it.
    for (const f of served.files) if (f.endsWith('/index.html')) return f;
  }
  const quoted = [`"${path}"`, `'${path}'`, `\`${path}\``];
  for (const [file, text] of served.texts) if (quoted.some((q) => text.includes(q))) return file;
  return undefined;
}

/** Vite, Rollup and esbuild name a lazy chunk after its module: Workflow-3f2a1b.js, Workflow.3f2a1b.js. */
function chunkFile(chunk: string, files: ReadonlySet<string>): string | undefined {
  for (const f of files) {
    const name = f.slice(f.lastIndexOf('/') + 1);
    if ((name.startsWith(`${chunk}-`) || name.startsWith(`${chunk}.`)) && /\.m?js$/.test(name)) return f;
  }
  return undefined;
}
