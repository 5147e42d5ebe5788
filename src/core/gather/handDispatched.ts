// The routes of tables dispatched by hand through the app's settings (routes/handDispatch.ts reads
// the three pieces, each in its own file): a helper looping over a list field of its settings
// parameter, a call handing it `app.config.<key>` at that parameter, and the settings file declaring
// `<key>` with that list. Each record answers at the helper's cut prefix joined with its url, for its
// method, at the record's line. Settings no call hands on, or a helper no call reaches, serve nothing.
import type { SourceScan } from '../ports';
import type { RouteDef } from '../model';
import { joinRoutePath } from '../routes/joinPath';

/** The routes every helper, call and settings list of `extracted` join into, one per method and path. */
export function handDispatchedRoutes(extracted: SourceScan['extracted']): RouteDef[] {
  const dispatchers = extracted.flatMap(({ x }) => x.handDispatch?.dispatchers ?? []);
  const calls = extracted.flatMap(({ x }) => x.handDispatch?.calls ?? []);
  const lists = extracted.flatMap(({ file, x }) => (x.handDispatch?.lists ?? []).map((l) => ({ file, l })));
  const out = new Map<string, RouteDef>();
  for (const d of dispatchers)
    for (const c of calls.filter((c) => c.fn === d.fn && c.param === d.param))
      for (const { file, l } of lists.filter(({ l }) => l.key === c.key && l.field === d.field))
        for (const r of l.records) {
          const path = joinRoutePath(d.prefix, r.url);
          out.set(`${r.method} ${path}`, { method: r.method, path, file, line: r.line, origin: 'source' });
        }
  return [...out.values()];
}
