// Small text helpers shared by the ladder, the CLI and the views.
import * as l10n from '@vscode/l10n';

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
