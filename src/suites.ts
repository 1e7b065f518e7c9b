/**
 * The three suites are one Playwright project, so a bare `npx playwright test` runs each test once and a test
 * has one id whichever command runs it; a suite is picked by its tag (`--grep @api`).
 */
export const SUITES_PROJECT = 'suites';

export const SUITE_TAGS = { consumer: '@consumer', provider: '@provider', api: '@api' } as const;
export type Suite = keyof typeof SUITE_TAGS;

/** Playwright arguments of one suite of the project. */
export function suiteArgs(suite: Suite): string[] {
  return [`--project=${SUITES_PROJECT}`, '--grep', SUITE_TAGS[suite]];
}

/**
 * Playwright arguments of the suites that run against a target environment: the provider verification and
 * the API suites. Inverted, so a `--grep` added after them still narrows the run.
 */
export function environmentSuiteArgs(): string[] {
  return [`--project=${SUITES_PROJECT}`, '--grep-invert', SUITE_TAGS.consumer];
}
