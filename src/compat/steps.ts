import { HarnessError, prefixed } from '../errors';
import type { StepOutcome } from '../process/steps';

/**
 * The steps of the compatibility run and their outcomes. A failed setup step leaves every later step unrun,
 * and so does an interruption; each of them is listed as not run, saying why.
 */
export class CompatSteps {
  readonly outcomes: StepOutcome[] = [];
  private stoppedBecause: string | undefined;

  constructor(private readonly interruption: AbortSignal) {}

  /** Runs `body` as the step `name`; its result is the step's detail. Only a `HarnessError` fails a step. */
  async run(name: string, kind: 'setup' | 'check', body: () => Promise<string | undefined>): Promise<void> {
    if (this.interruption.aborted) this.stoppedBecause ??= `interrupted by ${this.interruption.reason}`;
    if (this.stoppedBecause) {
      this.outcomes.push({
        name,
        status: 'skipped',
        detail: `not run: ${this.stoppedBecause}`,
        durationMs: 0,
      });
      return;
    }
    process.stdout.write(`\n${prefixed(`compat step: ${name}`)}\n`);
    const startedAtMs = Date.now();
    const outcome = (status: StepOutcome['status'], detail: string): StepOutcome => ({
      name,
      status,
      detail,
      durationMs: Date.now() - startedAtMs,
      startedAtMs,
    });
    try {
      this.outcomes.push(outcome('passed', (await body()) ?? ''));
    } catch (error) {
      if (!(error instanceof HarnessError)) throw error;
      if (this.interruption.aborted) {
        this.stoppedBecause = `interrupted by ${this.interruption.reason}`;
        this.outcomes.push(outcome('failed', this.stoppedBecause));
        return;
      }
      process.stderr.write(`${error.message}\n`);
      this.outcomes.push(outcome('failed', error.detail));
      if (kind === 'setup') this.stoppedBecause = `"${name}" failed`;
    }
  }

  get passed(): boolean {
    return this.outcomes.every((outcome) => outcome.status === 'passed');
  }
}
