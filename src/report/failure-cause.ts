import { readFileSync } from 'node:fs';

interface FailureCauseDefinitions {
  readonly causes: readonly { id: string; category: string; description: string; pattern: string }[];
}

const definitions = JSON.parse(
  readFileSync(new URL('./failure-causes.json', import.meta.url), 'utf8'),
) as FailureCauseDefinitions;

export type FailureCauseId = 'environment' | 'contract' | 'product' | 'harness';

export interface FailureCause {
  readonly id: FailureCauseId;
  /** The Allure category the cause is shown under. */
  readonly category: string;
  readonly description: string;
  /** Empty for the catch-all cause. */
  readonly pattern: RegExp | undefined;
}

export const FAILURE_CAUSES: readonly FailureCause[] = definitions.causes.map((cause) => ({
  id: cause.id as FailureCauseId,
  category: cause.category,
  description: cause.description,
  pattern: cause.pattern ? new RegExp(cause.pattern) : undefined,
}));

/**
 * Why a test failed, judged from its error message (the stack only when there is no message: stacks name
 * test files, whose names would match the patterns); the first matching cause wins.
 */
export function classifyFailure(message: string | undefined, stack?: string): FailureCause {
  const text = message?.trim() ? message : (stack ?? '');
  const matched = FAILURE_CAUSES.find((cause) => cause.pattern?.test(text));
  return matched ?? (FAILURE_CAUSES.at(-1) as FailureCause);
}
