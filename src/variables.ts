import { z } from 'zod';
import { describeIssues, HarnessError } from './errors';

/**
 * Zod schemas for environment variables and command-line values, shared by every configuration of the
 * harness (target environment, mock, pacts, broker): a blank value is unset, numbers are plain decimals.
 */

export type Env = Readonly<Record<string, string | undefined>>;

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** A variable that may be unset; surrounding whitespace dropped. */
export const optionalText = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() || undefined : value),
  z.string().optional(),
);

function range(min: number, max: number): string {
  return max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
}

/** A whole decimal number (`60`, not `0x3c` or `6e1`) from `min` up. */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\s*\d+\s*$/, { error: `must be a whole number ${range(min, max)}, written in digits` })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(min, { error: `must be at least ${min}` })
          .max(max, { error: `must be at most ${max}` }),
      )
      .optional(),
  );
}

/** A decimal number (`1.5`, not `0x1` or `1e3`) from `min` up. */
export function decimalNumber(min: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\s*\d+(\.\d+)?\s*$/, { error: `must be a number of ${min} or more, written in digits` })
      .transform(Number)
      .pipe(z.number().min(min, { error: `must be at least ${min}` }))
      .optional(),
  );
}

/** `true`/`false` (also 1/0, yes/no, on/off). */
export const flag = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^(1|true|yes|on|0|false|no|off)$/i, { error: 'must be true or false' })
    .transform((value) => /^(1|true|yes|on)$/i.test(value))
    .optional(),
);

/** An http(s) URL without trailing slashes. */
export function httpUrl(example: string) {
  return z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: `must be an http(s) URL, e.g. ${example}` })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  );
}

/** Every problem of a configuration, one line each, named by variable, with where to fix them. */
export class ConfigurationError extends HarnessError {
  override readonly name: string = 'ConfigurationError';

  constructor(
    readonly problems: readonly string[],
    options: { readonly heading: string; readonly fix: string },
  ) {
    super([options.heading, ...problems.map((problem) => `  - ${problem}`), options.fix].join('\n'));
  }
}

/** Zod issues of an object of variables as `NAME problem` lines. */
export function variableProblems(issues: readonly z.core.$ZodIssue[]): string[] {
  return describeIssues(issues).map((line) => line.replace(/^([^:]+): /, '$1 '));
}
