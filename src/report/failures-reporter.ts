import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { classifyFailure, type FailureCauseId } from './failure-cause';

export interface RecordedFailure {
  readonly testId: string;
  readonly title: string;
  readonly cause: FailureCauseId;
  /** The first line of its error (redacted by the first reporter of the pipeline), where it has one. */
  readonly message?: string;
}

/** The first line of an error message with text in it, colours stripped, cut to a chat line's length. */
export function firstLine(message: string | undefined): string | undefined {
  const line = stripVTControlCharacters(message ?? '')
    .split('\n')
    .map((text) => text.trim())
    .find(Boolean);
  return line && line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

export interface FailuresReporterOptions {
  /** Where to write the JSON list of failed tests and their causes. Nothing is written without it. */
  readonly outputFile?: string;
}

/**
 * Records each test whose final attempt failed, with the cause of the failure and its first line: for the
 * nightly's re-runs and the summary a run posts.
 */
export default class FailuresReporter implements Reporter {
  private readonly failures = new Map<string, RecordedFailure>();

  constructor(private readonly options: FailuresReporterOptions = {}) {}

  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === test.expectedStatus || result.status === 'skipped') {
      this.failures.delete(test.id);
      return;
    }
    const error = result.errors[0] ?? result.error;
    const cause = result.status === 'timedOut' ? 'harness' : classifyFailure(error?.message, error?.stack).id;
    const message = firstLine(error?.message);
    this.failures.set(test.id, {
      testId: test.id,
      title: test.titlePath().slice(1).join(' › '),
      cause,
      ...(message ? { message } : {}),
    });
  }

  onEnd(): void {
    if (!this.options.outputFile) return;
    mkdirSync(dirname(this.options.outputFile), { recursive: true });
    writeFileSync(this.options.outputFile, `${JSON.stringify([...this.failures.values()], null, 2)}\n`);
  }
}
