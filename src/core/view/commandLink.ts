// Command links for trusted MarkdownStrings: `command:<id>?<encoded JSON array of args>`.
// VS Code parses the query as JSON and spreads an array into the arguments.

export function commandUri(id: string, ...args: unknown[]): string {
  return args.length === 0 ? `command:${id}` : `command:${id}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** A markdown link to a command; the title becomes the link's tooltip. */
export function commandLink(label: string, id: string, args: unknown[], title?: string): string {
  const safeLabel = label.replace(/[[\]]/g, '');
  const tip = title ? ` "${title.replace(/"/g, "'")}"` : '';
  return `[${safeLabel}](${commandUri(id, ...args)}${tip})`;
}
