import type { Env } from '../config/parsers';
import { readVariables } from '../config/schema';
import type { HarnessError } from '../errors';
import type { StepStatus } from '../process/steps';
import { reportCounts } from '../report/allure-report';
import type { RecordedFailure } from '../report/failures-reporter';
import type { ReportPaths } from '../report/paths';
import { postRunSummary, postWarnings } from './post';
import { runSummary } from './summary';

export interface RunToNotify {
  /** The run, e.g. `gate` or `nightly staging`. */
  readonly title: string;
  /** The run's verdict so far. */
  readonly passed: boolean;
  /** Where its report is (the counts come from its summary.json). */
  readonly paths: Pick<ReportPaths, 'allureReport'>;
  /** The failed tests with their causes (the failures reporter's record, `HARNESS_FAILURES_FILE`). */
  readonly failedTests: readonly RecordedFailure[];
  /** The run's other steps that failed, with why. */
  readonly failedSteps?: readonly { readonly name: string; readonly detail: string }[];
  /** How closely the mock answers as the target does, a fraction from 0 to 1, where the run measured it. */
  readonly fidelity?: number;
}

/**
 * The "summary post" step of a run (the gate's, the nightly's): the run's summary to the webhooks that are
 * configured, with the link `REPORT_URL` gives. Skipped when none is; a post that fails is a warning on
 * stderr and a skipped step, never the run's failure.
 */
export async function notifyRun(
  run: RunToNotify,
  env: Env = process.env,
): Promise<{ readonly status: StepStatus; readonly detail: string }> {
  const configured = ['NOTIFY_SLACK_WEBHOOK_URL', 'NOTIFY_WEBHOOK_URL'].filter((name) => env[name]?.trim());
  if (configured.length === 0) {
    return { status: 'skipped', detail: 'nothing configured (NOTIFY_SLACK_WEBHOOK_URL, NOTIFY_WEBHOOK_URL)' };
  }
  let reportUrl: string | undefined;
  try {
    reportUrl = readVariables(env, ['REPORT_URL']).REPORT_URL;
  } catch (error) {
    process.stderr.write(`${(error as HarnessError).message}: the summary is posted without a link\n`);
  }
  const summary = runSummary({
    title: run.title,
    passed: run.passed,
    counts: reportCounts(run.paths),
    failedTests: run.failedTests,
    ...(run.failedSteps ? { failedSteps: run.failedSteps } : {}),
    ...(run.fidelity === undefined ? {} : { fidelity: run.fidelity }),
    ...(reportUrl ? { reportUrl } : {}),
  });
  const outcomes = await postRunSummary(summary, env);
  const warnings = postWarnings(outcomes);
  for (const warning of warnings) process.stderr.write(`${warning}\n`);
  const posted = outcomes.filter((outcome) => outcome.ok).map((outcome) => outcome.destination);
  if (warnings.length > 0) {
    return {
      status: 'skipped',
      detail: `warning: ${warnings.length} post(s) failed, see above${posted.length ? `; posted to ${posted.join(', ')}` : ''}`,
    };
  }
  return { status: 'passed', detail: `posted to ${posted.join(', ')}` };
}
