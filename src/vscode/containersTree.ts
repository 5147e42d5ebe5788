// The Containers view: renders the pure tree model (src/core/view/treeModel.ts) and refreshes
// only when the model actually changed.
import * as vscode from 'vscode';
import { buildTree, type TreeNodeModel } from '../core/view/treeModel';
import type { ReportStore } from './reportStore';

export class ContainersTree implements vscode.TreeDataProvider<TreeNodeModel>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNodeModel | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: TreeNodeModel[] = [];
  private fingerprint = '';
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ReportStore) {
    this.subscription = store.onDidChangeReports(() => this.rebuild());
    this.rebuild();
  }

  private rebuild(): void {
    const roots = buildTree(this.store.all(), new Date());
    const fingerprint = JSON.stringify(roots);
    if (fingerprint === this.fingerprint) return;
    this.roots = roots;
    this.fingerprint = fingerprint;
    this.emitter.fire(undefined);
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
