// Whether an app serves the routes of its match-only routers (matchOnlyRouters.ts): a table whose
// `match(method, path)` only code answering HTTP requests makes an HTTP route of. Known from the
// app's files: one answering requests (a fetch handler, `createServer`, a server listening, a
// framework's routes) that calls a match serves them; none answering requests at all, nothing does (an
// Electron IPC handler's or a browser app's table); otherwise it cannot be told, and they are
// kept with a warning.
import type { ExtractedFile } from './extracted';
import { scanWarningText } from '../scanTexts';

interface FileOf {
  file: string;
  x: ExtractedFile;
}

/**
 * What answers HTTP requests in `x`: its own entry (a fetch handler, a server), a server listening,
 * or a framework's routes. Not mounts alone: a call handing a name on (`useAtom(state)`) reads as one.
 */
function answersRequests(x: ExtractedFile): boolean {
  return x.requestEntry !== undefined || x.listenPorts !== undefined || x.routes.some((r) => !r.matchOnly);
}

/**
 * The files with their match-only routes dropped where no file of the app answers HTTP requests;
 * kept where one that does calls a match, or (with a warning) where none of those calls one.
 */
export function dropUnansweredMatchOnly<T extends FileOf>(scanned: T[], warnings: string[]): T[] {
  const declaring = scanned.filter((s) => s.x.routes.some((r) => r.matchOnly));
  if (declaring.length === 0) return scanned;
  const answering = scanned.filter((s) => answersRequests(s.x));
  if (answering.some((s) => s.x.matchCall !== undefined)) return scanned;
  for (const s of declaring) {
    const first = s.x.routes.find((r) => r.matchOnly)?.line ?? 0;
    const where = answering[0];
    warnings.push(
      scanWarningText(s.file, where ? { id: 'matchOnlyUnknown', args: [where.file], line: first } : { id: 'matchOnlyUnanswered', args: [], line: first }),
    );
    if (!where) s.x = { ...s.x, routes: s.x.routes.filter((r) => !r.matchOnly) };
  }
  return scanned;
}
