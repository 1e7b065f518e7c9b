import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { prefixed } from '../errors';
import { redactText } from '../redaction/redact';

export type StepStatus = 'passed' | 'failed' | 'skipped';

export interface StepOutcome {
  readonly name: string;
  readonly status: StepStatus;
  readonly detail: string;
  readonly durationMs: number;
  /** Epoch ms the step started, where it was recorded. */
  readonly startedAtMs?: number;
}

export interface CommandResult {
  readonly exitCode: number;
  /** The last lines of the redacted output, for failure messages. */
  readonly tail: string;
}

const TAIL_LINES = 40;

/**
 * Runs a command, streaming its output to the terminal (unless `quiet`) and to `logFile`, both redacted line
 * by line. Resolves with the exit code (127 when the command could not start) once the command has exited;
 * never rejects. Aborting `signal` sends the command SIGTERM.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: {
    readonly env?: NodeJS.ProcessEnv;
    readonly logFile: string;
    readonly cwd?: string;
    readonly signal?: AbortSignal;
    readonly quiet?: boolean;
  },
): Promise<CommandResult> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile);
  const tail: string[] = [];
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      signal: options.signal,
      env: { ...process.env, ...options.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pipe = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) emit(line, out);
      });
      stream.on('end', () => {
        if (pending) emit(pending, out);
      });
    };
    const emit = (line: string, out: NodeJS.WriteStream) => {
      const redacted = redactText(line);
      if (!options.quiet) out.write(`${redacted}\n`);
      const plain = stripVTControlCharacters(redacted);
      log.write(`${plain}\n`);
      tail.push(plain);
      if (tail.length > TAIL_LINES) tail.shift();
    };
    pipe(child.stdout, process.stdout);
    pipe(child.stderr, process.stderr);
    child.on('error', (error) => {
      if (error.name !== 'AbortError')
        emit(prefixed(`cannot start ${command}: ${error.message}`), process.stderr);
    });
    child.on('close', (code, signal) => {
      log.end();
      resolve({ exitCode: code ?? (signal ? 128 : 127), tail: tail.join('\n') });
    });
  });
}

export interface SyntheticResult {
  readonly name: string;
  readonly status: 'passed' | 'failed' | 'broken' | 'skipped';
  readonly message?: string;
  /** Shown as the result's description: what a passing step found. */
  readonly description?: string;
  readonly startMs: number;
  readonly stopMs: number;
  /** Allure layer, e.g. `gate`. */
  readonly layer: string;
  /** The step's suite (parent suite and name prefix). Default `gate`. */
  readonly suite?: string;
  /** A fixed id, so writing the result again replaces it instead of adding another. Default: a new one. */
  readonly uuid?: string;
  /** Allure tags, e.g. `pending`. */
  readonly tags?: readonly string[];
}

/**
 * Writes an Allure result for a gate step that is not a Playwright test (the pact drift check, the OpenAPI
 * check, the catalog coverage), so the report shows it next to the tests, categorised like them.
 */
export function writeAllureResult(resultsDir: string, result: SyntheticResult): void {
  mkdirSync(resultsDir, { recursive: true });
  const uuid = result.uuid ?? randomUUID();
  const suite = result.suite ?? 'gate';
  const fullName = `${suite}: ${result.name}`;
  writeFileSync(
    join(resultsDir, `${uuid}-result.json`),
    JSON.stringify({
      uuid,
      historyId: fullName,
      testCaseId: fullName,
      fullName,
      name: result.name,
      status: result.status,
      stage: 'finished',
      statusDetails: result.message ? { message: redactText(result.message) } : {},
      ...(result.description ? { description: redactText(result.description) } : {}),
      start: result.startMs,
      stop: result.stopMs,
      labels: [
        { name: 'parentSuite', value: suite },
        { name: 'story', value: result.name },
        { name: 'layer', value: result.layer },
        { name: 'severity', value: 'critical' },
        ...(result.tags ?? []).map((tag) => ({ name: 'tag', value: tag })),
      ],
      links: [],
      parameters: [],
      steps: [],
      attachments: [],
    }),
  );
}

export function formatSummary(title: string, outcomes: readonly StepOutcome[]): string {
  const width = Math.max(...outcomes.map((outcome) => outcome.name.length));
  const lines = outcomes.map((outcome) => {
    const mark = outcome.status === 'passed' ? 'ok  ' : outcome.status === 'skipped' ? 'skip' : 'FAIL';
    const seconds = (outcome.durationMs / 1000).toFixed(1).padStart(6);
    return `  ${mark}  ${outcome.name.padEnd(width)}  ${seconds} s  ${outcome.detail}`;
  });
  const failed = outcomes.filter((outcome) => outcome.status === 'failed').length;
  const verdict = failed === 0 ? 'all steps passed' : `${failed} step(s) failed`;
  return `\n${prefixed(`${title}: ${verdict}`)}\n${lines.join('\n')}\n`;
}
