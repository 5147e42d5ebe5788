// The Containers view: renders the pure tree model (src/core/view/treeModel.ts). A new model is
// folded into the shown one (treeRefresh.ts): nodes keep their objects, and only the nodes that
// changed are re-rendered.
import * as vscode from 'vscode';
import { refreshTree } from '../core/view/treeRefresh';
import { buildTree, type TreeNodeModel } from '../core/view/treeModel';
import type { Report } from '../core/model';
import type { ReportStore } from './reportStore';

export class ContainersTree implements vscode.TreeDataProvider<TreeNodeModel>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNodeModel[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: TreeNodeModel[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(store: ReportStore) {
    this.subscription = store.onDidChangeReports((reports) => this.update(reports));
    this.roots = buildTree(store.all(), new Date());
  }

  private update(reports: readonly Report[]): void {
    const { roots, changed } = refreshTree(this.roots, buildTree(reports, new Date()));
    this.roots = roots;
    if (changed === 'all') this.emitter.fire(undefined);
    else if (changed.length > 0) this.emitter.fire(changed);
  }

  getChildren(element?: TreeNodeModel): TreeNodeModel[] {
    return element ? element.children : this.roots;
  }

  getTreeItem(node: TreeNodeModel): vscode.TreeItem {
    const state =
      node.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : node.expanded
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.contextValue;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    // A module's folder as resourceUri picks up the explorer's M/S badge in this view too.
    if (node.kind === 'module' && node.resource) item.resourceUri = vscode.Uri.file(node.resource);
    if (node.command) item.command = { command: node.command.command, title: node.command.title, arguments: node.command.args };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
