/**
 * Whatever was thrown or rejected, in words: the one way this app turns an unknown
 * failure into text for a log line or a screen.
 */

export interface DescribeErrorOptions {
  /** Keep the stack (for logs a developer reads); the default is one line. */
  stack?: boolean;
}

export function describeError(error: unknown, options: DescribeErrorOptions = {}): string {
  if (error instanceof Error) {
    if (options.stack && error.stack) return error.stack;
    const line = firstLine(error.message);
    if (line) return line;
    const code = (error as Error & { code?: unknown }).code;
    return code === undefined ? error.name : `${error.name} (${String(code)})`;
  }
  if (typeof error === 'string') return firstLine(error) || 'unknown error';
  if (error === null || error === undefined) return 'unknown error';
  try {
    return firstLine(JSON.stringify(error) ?? String(error)) || 'unknown error';
  } catch {
    return String(error);
  }
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  );
}
