import type { ErrorScenario } from '../../contract';
import type { z } from '../../contract/zod';

/** What every rule of the core answers: a value, or the catalog scenario of the failure. */
export type Outcome<T = undefined> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly scenario: ErrorScenario;
      /** What the answer names after the catalog's message (`catalogMessage`), e.g. the missing fields. */
      readonly detail?: string;
    };
export type Failure = Extract<Outcome<never>, { ok: false }>;

export const succeed = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (scenario: ErrorScenario, detail?: string): Failure =>
  detail === undefined ? { ok: false, scenario } : { ok: false, scenario, detail };

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Whether an issue is about a required field that is absent or empty (a refinement names one too). */
function isMissing(input: unknown, issue: z.core.$ZodIssue): boolean {
  const value = valueAt(input, issue.path);
  return value === undefined || value === '' || issue.code === 'custom';
}

/**
 * Validates a request against its contract schema and names the catalog scenario of the first problem:
 * a string over its limit (`FIELD_LIMITS`) is `fieldTooLong`, an absent or empty required field is
 * `missingField` (naming every missing field, by path), a bad `factorType` is `unknownFactorType`, anything
 * else of the wrong shape is `wrongType`.
 */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): Outcome<z.infer<S>> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return fail('wrongType');
  const parsed = schema.safeParse(input);
  if (parsed.success) return succeed(parsed.data);
  const { issues } = parsed.error;
  const [issue] = issues;
  if (!issue) return fail('wrongType');
  if (issue.code === 'too_big' && issue.origin === 'string') return fail('fieldTooLong');
  const value = valueAt(input, issue.path);
  if (issue.path.at(-1) === 'factorType' && issue.path.length === 1 && value !== undefined) {
    return fail('unknownFactorType');
  }
  if (isMissing(input, issue)) {
    const fields = issues.filter((each) => isMissing(input, each)).map((each) => each.path.join('.'));
    return fail('missingField', [...new Set(fields)].join(', '));
  }
  return fail('wrongType');
}

/** `value` when it has something besides whitespace; undefined when it is absent, empty or blank. */
export function nonBlank(value: string | undefined): string | undefined {
  return value?.trim() ? value : undefined;
}
