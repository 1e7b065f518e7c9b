import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { HarnessError, prefixed } from '../errors';
import { redactText } from '../redaction/redact';

export type StepStatus = 'passed' | 'failed' | 'skipped';

export interface StepOutcome {
  readonly name: string;
  readonly status: StepStatus;
  readonly detail: string;
  readonly durationMs: number;
  /** Epoch ms the step started. */
  readonly startedAtMs?: number;
}

/** What a step's body answers: its status and a line for the summary. Nothing, or a string, is a pass. */
export type StepVerdict = { readonly status: StepStatus; readonly detail?: string } | string | undefined;

export interface StepsOptions {
  /** Announce each step on this stream as it starts. Default: none. */
  readonly announce?: NodeJS.WritableStream;
}

/**
 * The one way a run's steps are run and summed up (gate, nightly, rehearsal, compatibility run): each step is
 * timed, an error it throws is that step's failure (a `HarnessError` by its message, anything else by its
 * redacted message), and the summary is one table, the same everywhere.
 */
export class Steps {
  readonly outcomes: StepOutcome[] = [];

  constructor(
    readonly title: string,
    private readonly options: StepsOptions = {},
  ) {}

  /** Runs one step; its outcome is recorded and returned, whatever happened. */
  async run(name: string, body: () => Promise<StepVerdict> | StepVerdict): Promise<StepOutcome> {
    this.options.announce?.write(`\n${prefixed(`${this.title} step: ${name}`)}\n`);
    const startedAtMs = Date.now();
    let verdict: { status: StepStatus; detail: string };
    try {
      const answered = await body();
      verdict =
        typeof answered === 'object'
          ? { status: answered.status, detail: answered.detail ?? '' }
          : { status: 'passed', detail: answered ?? '' };
    } catch (error) {
      verdict = { status: 'failed', detail: failureOf(error) };
    }
    return this.record({ name, ...verdict, durationMs: Date.now() - startedAtMs, startedAtMs });
  }

  /** Records a step that ran elsewhere (e.g. two report steps that ran side by side). */
  record(outcome: StepOutcome): StepOutcome {
    this.outcomes.push(outcome);
    return outcome;
  }

  /** Records a step that does not run here, with why. */
  skip(name: string, detail: string): StepOutcome {
    return this.record({ name, status: 'skipped', detail, durationMs: 0 });
  }

  get failed(): readonly StepOutcome[] {
    return this.outcomes.filter((outcome) => outcome.status === 'failed');
  }

  get passed(): boolean {
    return this.failed.length === 0;
  }

  /** The summary table. */
  summary(): string {
    return formatSummary(this.title, this.outcomes);
  }

  /** Writes the outcomes as JSON (what the bench and the self-tests read). */
  write(file: string): void {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(this.outcomes, null, 2)}\n`);
  }
}

function failureOf(error: unknown): string {
  if (error instanceof HarnessError) return error.detail;
  return redactText(error instanceof Error ? error.message : String(error));
}

export function formatSummary(title: string, outcomes: readonly StepOutcome[]): string {
  const width = Math.max(0, ...outcomes.map((outcome) => outcome.name.length));
  const lines = outcomes.map((outcome) => {
    const mark = outcome.status === 'passed' ? 'ok  ' : outcome.status === 'skipped' ? 'skip' : 'FAIL';
    const seconds = (outcome.durationMs / 1000).toFixed(1).padStart(6);
    return `  ${mark}  ${outcome.name.padEnd(width)}  ${seconds} s  ${outcome.detail}`.trimEnd();
  });
  const failed = outcomes.filter((outcome) => outcome.status === 'failed').length;
  const verdict = failed === 0 ? 'all steps passed' : `${failed} step(s) failed`;
  return `\n${prefixed(`${title}: ${verdict}`)}\n${lines.join('\n')}\n`;
}
