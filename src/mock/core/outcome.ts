import type { z } from 'zod';
import type { ErrorScenario } from '../../contract';

/** What every rule of the core answers: a value, or the catalog scenario of the failure. */
export type Outcome<T = undefined> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly scenario: ErrorScenario };
export type Failure = Extract<Outcome<never>, { ok: false }>;

export const succeed = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (scenario: ErrorScenario): Failure => ({ ok: false, scenario });

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Validates a request against its contract schema and names the catalog scenario of the first problem:
 * a string over its limit (`FIELD_LIMITS`) is `fieldTooLong`, an absent or empty required field is
 * `missingField`, a bad `factorType` is `unknownFactorType`, anything else of the wrong shape is `wrongType`.
 */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): Outcome<z.infer<S>> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return fail('wrongType');
  const parsed = schema.safeParse(input);
  if (parsed.success) return succeed(parsed.data);
  const [issue] = parsed.error.issues;
  if (!issue) return fail('wrongType');
  if (issue.code === 'too_big' && issue.origin === 'string') return fail('fieldTooLong');
  const value = valueAt(input, issue.path);
  if (issue.path.at(-1) === 'factorType' && issue.path.length === 1 && value !== undefined) {
    return fail('unknownFactorType');
  }
  if (value === undefined || value === '' || issue.code === 'custom') return fail('missingField');
  return fail('wrongType');
}

/** `value` when it has something besides whitespace; undefined when it is absent, empty or blank. */
export function nonBlank(value: string | undefined): string | undefined {
  return value?.trim() ? value : undefined;
}
