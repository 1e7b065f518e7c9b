import { z } from '../contract/zod';

/**
 * The parsers of environment variables and command-line values, shared by every declaration of
 * `src/config/`: a blank value is unset, numbers are plain decimals, lists are comma-separated.
 */

export type Env = Readonly<Record<string, string | undefined>>;

const isBlank = (value: unknown) => value === undefined || (typeof value === 'string' && value.trim() === '');

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

/** A comma-separated list of names (`a,b`); unset is an empty list. */
export const nameList = optionalText.transform(commaList);

/** One of `values`, e.g. an inbox kind or a log level. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return optionalText.pipe(z.enum(values, { error: `must be one of ${values.join(', ')}` }).optional());
}

function range(min: number, max: number): string {
  return max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
}

/** A whole decimal number (`60`, not `0x3c` or `6e1`) from `min` up. */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  return optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, { error: `must be a whole number ${range(min, max)}, written in digits` })
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
  return optionalText.pipe(
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, { error: `must be a number of ${min} or more, written in digits` })
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
export const latencyRange = optionalText.pipe(
  z
    .string()
    .transform((value, ctx): LatencyRange => {
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
export const flag = optionalText.pipe(
  z
    .string()
    .regex(/^(1|true|yes|on|0|false|no|off)$/i, { error: 'must be true or false' })
    .transform((value) => /^(1|true|yes|on)$/i.test(value))
    .optional(),
);

/** An http(s) URL without trailing slashes. */
export function httpUrl(example: string) {
  return optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: `must be an http(s) URL, e.g. ${example}` })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  );
}

/** A date written `YYYY-MM-DD`. */
export function isoDate(example: string) {
  return optionalText.pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `must be a date, e.g. ${example}` })
      .optional(),
  );
}

/** Zod issues of an object of variables as `NAME problem` lines. */
export function variableProblems(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.map(String).join('.') || 'value'} ${issue.message}`);
}

/** A variable holding JSON that must match `schema`; `example` shows the shape when it does not parse. */
export function jsonOf<T>(schema: z.ZodType<T>, example: string) {
  return optionalText.transform((json, ctx): T | undefined => {
    if (json === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      ctx.addIssue({ code: 'custom', message: `is not valid JSON; give ${example}` });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // A problem of the whole value reads after the variable's name; one inside it names its path too.
        const path = issue.path.map(String).join('.');
        ctx.addIssue({ code: 'custom', message: path ? `${path} ${issue.message}` : issue.message });
      }
      return z.NEVER;
    }
    return parsed.data;
  });
}

/**
 * `parser` with `value` (written as in a `.env` file) standing in for an unset or blank variable, so the
 * default goes through the same checks as a value a user writes.
 */
export function withDefault<P extends z.ZodType>(parser: P, value: string) {
  // The closing transform makes the result required, so an object of variables keeps a key that was absent.
  return z
    .preprocess((input) => (isBlank(input) ? value : input), parser)
    .transform((parsed) => parsed as NonNullable<z.output<P>>) as unknown as z.ZodType<
    NonNullable<z.output<P>>,
    z.input<P>
  >;
}

/**
 * Runs a refinement of an object of variables even when other variables are wrong (zod skips it then by
 * default), so every problem is named at once; only the variables it reads must have parsed.
 */
export function whenParsed(...names: readonly string[]) {
  return {
    when: (payload: z.core.ParsePayload) =>
      !payload.issues.some((issue) => names.includes(String(issue.path?.[0]))),
  };
}
