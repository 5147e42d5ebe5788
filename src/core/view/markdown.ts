// Report text comes from the workspace and the engine; escape it before it enters trusted markdown
// so a file name or evidence string can never turn into a command link.

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`);
}

/** Inline code span that survives backticks in the text. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}
