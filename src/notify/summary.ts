import { existsSync, readFileSync } from 'node:fs';
import { redactText } from '../redaction/redact';
import type { RunCounts } from '../report/allure-report';
import { FAILURE_CAUSES, type FailureCauseId } from '../report/failure-cause';
import type { RecordedFailure } from '../report/failures-reporter';

/** One thing that failed, and why: a test with its failure cause, or a step of the run. */
export interface SummaryFailure {
  readonly title: string;
  /** The failure cause (src/report/failure-causes.json); `step` for a step of the run that failed. */
  readonly cause: FailureCauseId | 'step';
  /** What the cause is called in the report (its Allure category), or `Run step`. */
  readonly category: string;
  /** The first line of the error, or the step's detail; redacted. */
  readonly message?: string;
}

/** What a run's summary post says: short, for the channel where a team looks in the morning. */
export interface RunSummary {
  /** The run, e.g. `gate` or `nightly staging`. */
  readonly title: string;
  readonly passed: boolean;
  /** From the report; undefined when no report was built. */
  readonly counts?: RunCounts;
  /** How closely the mock answers as the target does, a fraction from 0 to 1, where the run measured it. */
  readonly fidelity?: number;
  readonly failures: readonly SummaryFailure[];
  /** Where the report is published (`REPORT_URL`). */
  readonly reportUrl?: string;
}

/** The failed tests a failures reporter recorded (`HARNESS_FAILURES_FILE`), none when it wrote nothing. */
export function readRecordedFailures(file: string): RecordedFailure[] {
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')) as RecordedFailure[];
}

const CATEGORIES = new Map<string, string>(FAILURE_CAUSES.map((cause) => [cause.id, cause.category]));

export interface RunSummaryInput {
  readonly title: string;
  readonly passed: boolean;
  readonly counts?: RunCounts;
  readonly fidelity?: number;
  /** The failed tests with their causes (the failures reporter's record). */
  readonly failedTests?: readonly RecordedFailure[];
  /** The run's steps that failed besides the tests, with why. */
  readonly failedSteps?: readonly { readonly name: string; readonly detail: string }[];
  readonly reportUrl?: string;
}

/** A run's summary from what it recorded; every text redacted, so no secret reaches a chat. */
export function runSummary(input: RunSummaryInput): RunSummary {
  const tests = (input.failedTests ?? []).map(
    (failure): SummaryFailure => ({
      title: redactText(failure.title),
      cause: failure.cause,
      category: CATEGORIES.get(failure.cause) ?? failure.cause,
      ...(failure.message ? { message: redactText(failure.message) } : {}),
    }),
  );
  const steps = (input.failedSteps ?? []).map(
    (step): SummaryFailure => ({
      title: redactText(step.name),
      cause: 'step',
      category: 'Run step',
      ...(step.detail ? { message: redactText(step.detail) } : {}),
    }),
  );
  return {
    title: input.title,
    passed: input.passed,
    ...(input.counts ? { counts: input.counts } : {}),
    ...(input.fidelity === undefined ? {} : { fidelity: input.fidelity }),
    failures: [...tests, ...steps],
    ...(input.reportUrl ? { reportUrl: input.reportUrl } : {}),
  };
}
