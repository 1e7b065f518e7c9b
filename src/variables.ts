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

/** The items of a comma-separated value, trimmed, empty ones dropped. */
export function commaList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

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

/** A latency of a network or a server: every answer takes from `minMs` to `maxMs` milliseconds. */
export interface LatencyRange {
  readonly minMs: number;
  readonly maxMs: number;
}

const LATENCY_EXAMPLE = 'a range of milliseconds, <min>-<max>, such as 100-200 (0-0 for none)';

/** `<min>-<max>` in whole milliseconds, e.g. `100-200`. */
export const latencyRange = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((text, ctx): LatencyRange => {
      const value = text.trim();
      const range = /^(\d+)\s*-\s*(\d+)$/.exec(value);
      if (!range) {
        const negative = /^-|--|-\s*-/.test(value);
        ctx.addIssue({
          code: 'custom',
          message: `${negative ? 'must not be negative' : 'is not a range'}: write ${LATENCY_EXAMPLE}`,
        });
        return z.NEVER;
      }
      const [minMs, maxMs] = [Number(range[1]), Number(range[2])];
      if (minMs > maxMs) {
        ctx.addIssue({ code: 'custom', message: `starts above its end: write ${LATENCY_EXAMPLE}` });
        return z.NEVER;
      }
      return { minMs, maxMs };
    })
    .optional(),
);

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
