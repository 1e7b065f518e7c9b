/** The one prefix of everything the harness itself writes: errors, warnings, progress lines. */
export const PREFIX = '[enroll-factor-harness]';

/** `message` with the harness's prefix, for lines written to a terminal or a log. */
export function prefixed(message: string): string {
  return `${PREFIX} ${message}`;
}

/**
 * Every error the harness raises on purpose. Its message starts with the prefix and says what is wrong and
 * what to do about it; callers print the message, never the stack.
 */
export class HarnessError extends Error {
  override readonly name: string = 'HarnessError';

  constructor(message: string, options?: ErrorOptions) {
    super(prefixed(message), options);
  }

  /** The message without the prefix, for messages that quote it. */
  get detail(): string {
    return this.message.slice(PREFIX.length + 1);
  }
}

/** Zod issues as one line each: `path: problem`. */
export function describeIssues(
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
  root = 'value',
): string[] {
  return issues.map((issue) => `${issue.path.map(String).join('.') || root}: ${issue.message}`);
}
