// A route path written as a template whose parts not known statically each fill whole segments
// (`/${name}/stats`, `/api/${name}/upload/:id`, `${base}/items`): the path with each such part as
// UNKNOWN_PREFIX, shown and never probed, as a mount prefix not known is. A part mixed into a
// segment (`/x-${name}`), ending the path (`/pages/${page}`: any path below too), or a path of such
// parts alone says too little of the route to show it.
import type ts from './compiler';
import { isTemplateExpression } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { UNKNOWN_PREFIX, joinRoutePath } from './joinPath';
import { literalOf, type ConstValue } from './values';

/** The path with its unknown segments as …, and whether it starts with one; undefined when it is not such a path. */
export interface UnknownSegmentsPath {
  path: string;
  atStart: boolean;
}

/**
 * `arg` read as above: each template part is a literal text (`evaluate` knows it) or not known at all
 * (`evaluate` gives nothing) and then a whole segment a literal one follows; undefined for any other part (a value known
 * but not as a text, resolved elsewhere), for no part not known, or for no literal segment.
 */
export function unknownSegmentsPath(arg: ts.Expression, evaluate: (e: ts.Expression) => ConstValue | undefined): UnknownSegmentsPath | undefined {
  const e = skipOuter(arg);
  if (!isTemplateExpression(e)) return undefined;
  let out = e.head.text;
  let unknown = false;
  for (const span of e.templateSpans) {
    const value = evaluate(span.expression);
    const after = span.literal.text;
    if (value === undefined) {
      if (!(out === '' || out.endsWith('/')) || !after.startsWith('/')) return undefined;
      out += UNKNOWN_PREFIX;
      unknown = true;
    } else {
      const text = literalOf(value);
      if (text === undefined) return undefined;
      out += text;
    }
    out += after;
  }
  const segments = out.split('/').filter((s) => s !== '');
  if (!unknown || segments.every((s) => s === UNKNOWN_PREFIX)) return undefined;
  return { path: joinRoutePath(out), atStart: segments[0] === UNKNOWN_PREFIX };
}
