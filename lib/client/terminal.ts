const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
} as const;

export type Style = keyof typeof CODES;

/** Whether standard output takes colours (a terminal, and no `NO_COLOR`). */
export function colourEnabled(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}

/**
 * Wraps text in ANSI styles when `enabled`, else returns it untouched, so
 * output piped to a file or a test stays plain.
 */
export function paint(text: string, style: Style, enabled: boolean): string {
  if (!enabled) return text;

  const [open, close] = CODES[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}
