// Small text helpers shared by the ladder, the CLI and the views.
import * as l10n from '@vscode/l10n';
import { NOT_RUNNING_DETAIL } from '../model';
import type { ProbeVerdict, RungName } from '../model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Docker IDs are long hashes; 12 hex digits is what the docker CLI prints. */
export function shortId(id: string | null | undefined): string {
  if (!id) return '?';
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** "5 min ago" for `iso` as seen at `now`; undefined when the time is missing or unreadable. */
export function timeAgo(iso: string | null | undefined, now: Date): string | undefined {
  if (!iso) return undefined;
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return undefined;
  const ms = now.getTime() - then;
  // Clocks of the engine and the host differ a little; a future time reads as "just now".
  if (ms < MINUTE) return l10n.t('just now');
  if (ms < HOUR) return l10n.t`${Math.floor(ms / MINUTE)} min ago`;
  if (ms < DAY) return l10n.t`${Math.floor(ms / HOUR)} h ago`;
  return l10n.t`${Math.floor(ms / DAY)} d ago`;

}

/**
 * A probe's detail in the reader's words. "not running" (and "not running (container exited)")
 * stays English in the report, where the views recognise it; it is translated where it is shown.
 */
export function probeDetailText(detail: string | null | undefined): string | undefined {
  if (!detail?.startsWith(NOT_RUNNING_DETAIL)) return detail ?? undefined;
  const state = /^ \(container (.+)\)$/.exec(detail.slice(NOT_RUNNING_DETAIL.length))?.[1];
  return state ? l10n.t`not running (container ${state})` : l10n.t('not running');
}

/** A probe verdict in words; looked up on each call, so the words follow the configured language. */
const VERDICT_WORDS: Record<ProbeVerdict, () => string> = {
  live: () => l10n.t('live'),
  'needs-auth': () => l10n.t('needs auth'),
  exists: () => l10n.t('handler exists'),
  missing: () => l10n.t('not found'),
  broken: () => l10n.t('server error'),
  unreachable: () => l10n.t('unreachable'),
  'not-probed': () => l10n.t('not probed'),
};

export function verdictWords(verdict: ProbeVerdict): string {
  return VERDICT_WORDS[verdict]();
}

/** A rung's name as people read it ("container"); the name itself stays the code in JSON. */
export function rungWord(rung: RungName): string {
  switch (rung) {
    case 'source':
      return l10n.t({ message: 'source', comment: ['rung of the ladder: the source code'] });
    case 'build':
      return l10n.t({ message: 'build', comment: ['rung of the ladder: the local build output'] });
    case 'image':
      return l10n.t({ message: 'image', comment: ['rung of the ladder: the Docker image'] });
    case 'container':
      return l10n.t({ message: 'container', comment: ['rung of the ladder: the running container'] });
    case 'route':
      return l10n.t({ message: 'route', comment: ['rung of the ladder: the HTTP route answers'] });
    case 'auth':
      return l10n.t({ message: 'auth', comment: ['rung of the ladder: the route answers with a token'] });
  }
}
