import type { z } from 'zod';
import type { ErrorScenario } from '../contract';

export type Checked<T> = { ok: true; value: T } | { ok: false; scenario: ErrorScenario };

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
 * an absent or empty required field is `missingField`, a bad `factorType` is `unknownFactorType`,
 * anything else of the wrong shape is `wrongType`.
 */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): Checked<z.infer<S>> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, scenario: 'wrongType' };
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const value = valueAt(input, issue.path);
  if (issue.path.at(-1) === 'factorType' && issue.path.length === 1 && value !== undefined) {
    return { ok: false, scenario: 'unknownFactorType' };
  }
  if (value === undefined || value === '' || issue.code === 'custom')
    return { ok: false, scenario: 'missingField' };
  return { ok: false, scenario: 'wrongType' };
}

export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}
