// What a check says about the workspace as a whole rather than about one service: paths it was led
// to outside the workspace (a `.env` linked to a file in the home folder, an env_file or tsconfig
// `extends` naming one), which it did not read, and compose variants it did not check. The tree
// shows the first under each project; the Output channel logs both when they change.
import * as l10n from '@vscode/l10n';
import type { Report } from '../model';
import type { TreeNodeModel } from './treeModel';

/** One line per notice, for the Output channel. */
export function workspaceNotices(report: Report): string[] {
  const outside = (report.readOutside ?? []).map((p) => l10n.t('{0}: not read, it leads outside the workspace (treated as absent; a check reads only the workspace)', p));
  const variants = (report.composeFilesNotRead ?? []).map((f) => l10n.t('{0}: compose variant not checked (choose it in the runtimeDrift.composeFiles setting)', f));
  return [...outside, ...variants];
}

/**
 * The notices of a folder's check that are new since the last one logged (`previous`, what this
 * returned as `key` then): nothing when they are the same, so a warm check every few seconds
 * does not repeat them.
 */
export function noticesToLog(previous: string | undefined, report: Report): { key: string; lines: string[] } {
  const lines = workspaceNotices(report);
  const key = lines.join('\n');
  return { key, lines: key === (previous ?? '') ? [] : lines };
}

/** Under a project: the paths not read because they lead outside the workspace, or nothing. */
export function outsideNode(report: Report, parentId: string): TreeNodeModel | undefined {
  const paths = report.readOutside ?? [];
  if (paths.length === 0) return undefined;
  const id = `${parentId}/outside`;
  const why = l10n.t('Links or names in the workspace lead to these paths outside it. They were not read and count as absent: a check reads only the workspace.');
  return {
    id,
    kind: 'message',
    label: l10n.t('not read: outside the workspace'),
    description: String(paths.length),
    tooltip: [why, ...paths.slice(0, 10), ...(paths.length > 10 ? [l10n.t`… ${paths.length - 10} more`] : [])].join('\n'),
    icon: { id: 'shield', color: 'list.warningForeground' },
    contextValue: 'message',
    expanded: false,
    children: paths.map((p, i) => ({ id: `${id}/${i}`, kind: 'message', label: p, tooltip: `${p}\n${why}`, icon: { id: 'link' }, contextValue: 'message', expanded: false, children: [] })),
  };
}
