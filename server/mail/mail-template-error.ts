/** A template that cannot be read, compiled or found. `file` and `line` say where to fix it. */
export class MailTemplateError extends Error {
  override readonly name = 'MailTemplateError';
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, message: string, options: { line?: number | undefined; cause?: unknown } = {}) {
    super(`${file}${options.line === undefined ? '' : `:${options.line}`}: ${message}`, { cause: options.cause });
    this.file = file;
    this.line = options.line;
  }
}

/** The line a Handlebars parse or compile error names ("Parse error on line 3", "… - 3:2"). */
export function errorLine(error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const match = /on line (\d+)/.exec(message) ?? /- (\d+):\d+\s*$/.exec(message);
  if (match) return Number(match[1]);
  const line = (error as { lineNumber?: unknown } | null)?.lineNumber;
  return typeof line === 'number' ? line : undefined;
}

/** The first line of a Handlebars error message, without its ASCII-art pointer. */
export function errorSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^[-\s^]+$/.test(line))
    .join(' ')
    .trim();
}
