import { type Declaration, variable, variableWithDefault } from './declaration';
import { httpUrl, optionalText, wholeNumber } from './parsers';

/** Where a run's reports go, who hears of its outcome, and what the harness hands to the processes of a run. */

export const REPORTING_VARIABLES = {
  REPORTS_DIR: variableWithDefault({
    group: 'reporting',
    description: 'The root of everything a run generates (Allure results and report, JUnit XML, logs).',
    default: 'reports',
    parser: optionalText,
  }),
  ALLURE_HISTORY_PATH: variable({
    group: 'reporting',
    description: 'The Allure history kept across runs (cache it in CI).',
    unset: '<REPORTS_DIR>/history/history.jsonl',
    parser: optionalText,
  }),
  ALLURE_HISTORY_LIMIT: variableWithDefault({
    group: 'reporting',
    description: 'How many runs the Allure history keeps.',
    default: '30',
    parser: wholeNumber(1),
  }),
  QUALITY_GATE_MIN_TESTS: variableWithDefault({
    group: 'reporting',
    description: "The Allure quality gate's minimum number of tests in the report.",
    default: '100',
    parser: wholeNumber(0),
  }),
  ALLURE_RESULTS_DIR: variable({
    group: 'reporting',
    setBy: 'internal',
    description: 'The Allure results of this run or shard; the gate and the nightly set it per shard.',
    unset: '<REPORTS_DIR>/allure-results',
    parser: optionalText,
  }),
  ALLURE_PORT: variable({
    group: 'reporting',
    setBy: 'internal',
    description: 'The port of `npm run report:open`.',
    unset: 'a free port',
    parser: wholeNumber(0, 65_535),
  }),
  PLAYWRIGHT_JUNIT_OUTPUT_FILE: variable({
    group: 'reporting',
    setBy: 'internal',
    description: 'The JUnit file of a plain `playwright test` run (the gate writes junit/gate.xml).',
    unset: '<REPORTS_DIR>/junit/results.xml',
    parser: optionalText,
  }),
  NIGHTLY_ENV_RETRIES: variableWithDefault({
    group: 'reporting',
    setBy: 'internal',
    description:
      'How often `npm run nightly` re-runs the tests that failed because of the environment (connection errors, timeouts, 5xx, 429); assertion failures never are.',
    default: '2',
    parser: wholeNumber(0),
  }),
  NIGHTLY_RETRY_DELAY_MS: variableWithDefault({
    group: 'reporting',
    setBy: 'internal',
    description: "The nightly's wait before its first re-run, in milliseconds, doubled after each.",
    default: '30000',
    parser: wholeNumber(0),
  }),
} satisfies Record<string, Declaration>;

export const NOTIFICATION_VARIABLES = {
  NOTIFY_SLACK_WEBHOOK_URL: variable({
    group: 'notifications',
    description:
      "A Slack incoming webhook that gets each gate's and nightly's summary: counts, fidelity, what failed and why, the report link.",
    unset: 'nothing is posted to Slack',
    parser: httpUrl('https://hooks.slack.com/services/T000/B000/XXXX'),
  }),
  NOTIFY_WEBHOOK_URL: variable({
    group: 'notifications',
    description:
      'A generic JSON webhook (Microsoft Teams and other chat tools) that gets the same summary as JSON, with a `text` line.',
    unset: 'nothing is posted',
    parser: httpUrl('https://chat.example.com/hooks/harness'),
  }),
  REPORT_URL: variable({
    group: 'notifications',
    description: 'The link to the published Allure report, given with the summary.',
    unset: 'no link',
    parser: httpUrl('https://reports.example.com/enroll-factor-harness/'),
  }),
} satisfies Record<string, Declaration>;

export const HARNESS_VARIABLES = {
  HARNESS_RUN_ID: variable({
    group: 'harness',
    setBy: 'internal',
    description:
      'Set by playwright.config.ts for every process of one run: the consumer tests stage their pacts under it, and stuck factors are told apart by it.',
    unset: 'a new UUID per run',
    parser: optionalText,
  }),
  HARNESS_FAILURES_FILE: variable({
    group: 'harness',
    setBy: 'internal',
    description: 'Where the failures reporter writes the failed tests and their causes; the nightly sets it.',
    unset: 'not written',
    parser: optionalText,
  }),
  HARNESS_FIDELITY_DIR: variable({
    group: 'harness',
    setBy: 'internal',
    description:
      'Where the API suites record the shape of every exchange their test clients make (one file per worker), for the fidelity check; the nightly and the rehearsal set it for each side they compare.',
    unset: 'nothing recorded',
    parser: optionalText,
  }),
  HARNESS_TIMINGS_FILE: variable({
    group: 'harness',
    setBy: 'internal',
    description:
      "Also write Playwright's JSON report (per-test and per-step times) here; `npm run bench` sets it.",
    unset: 'not written',
    parser: optionalText,
  }),
  HARNESS_TRANSPORT_RETRIES: variableWithDefault({
    group: 'harness',
    setBy: 'internal',
    description:
      'Retries of environment failures inside the client transport: connection errors, 429/502/503/504 (honouring Retry-After), GET timeouts; never an answer the provider decided. The nightly sets 2.',
    default: '0',
    parser: wholeNumber(0),
  }),
} satisfies Record<string, Declaration>;
