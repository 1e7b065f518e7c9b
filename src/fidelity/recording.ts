import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OperationName } from '../contract';
import { HarnessError } from '../errors';
import { redactText } from '../redaction/redact';
import type { AnswerShape, ExchangeShape, RequestShape } from './shape';

/**
 * A recording: for every API exchange the tests of one run made, the scenario (the test, the operation, the
 * n-th call of that operation in the test) and the shape of the request and the answer. Small (each distinct
 * shape is stored once) and versioned; one per side of a comparison (`tenant`, `mock`).
 *
 * While a run goes, each worker appends one line per test to a file of its own in the recording folder
 * (`HARNESS_FIDELITY_DIR`); `collectRecording` makes the recording of them after the run, keeping each
 * test's last attempt (a re-run of a failure replaces what the failed attempt recorded).
 */

export const RECORDING_VERSION = 1;

/** One exchange of a test as its worker writes it. */
export interface TestExchange extends ExchangeShape {
  readonly operation: OperationName;
  /** 1 for the test's first call of the operation, 2 for its second, … */
  readonly n: number;
  /**
   * Sent while another call of the test was in flight (a burst, a race): which of them gets which answer, and
   * how many get each, is up to timing on either side.
   */
  readonly concurrent?: true;
}

/** One attempt of one test, as its worker writes it. */
export interface TestRecording {
  /** The test's stable id: its file and title path, the same in every run, shard and project. */
  readonly test: string;
  /** Playwright's id of the test (for running the same tests again). */
  readonly testId: string;
  /** When the attempt started: a later attempt replaces an earlier one. */
  readonly startedAtMs: number;
  readonly status: string;
  readonly exchanges: readonly TestExchange[];
}

export interface RecordedExchange {
  readonly operation: OperationName;
  readonly n: number;
  /** Index into the recording's `requests`. */
  readonly request: number;
  /** Index into the recording's `answers`. */
  readonly answer: number;
  /** Sent while another call of the test was in flight. */
  readonly concurrent?: true;
}

export interface RecordedTest {
  readonly test: string;
  readonly testId: string;
  readonly status: string;
  readonly exchanges: readonly RecordedExchange[];
}

export interface Recording {
  readonly version: typeof RECORDING_VERSION;
  /** Which side of the comparison: `tenant` (the real environment) or `mock`. */
  readonly side: string;
  /** The TARGET_ENV the side ran against. */
  readonly target: string;
  readonly recordedAt: string;
  readonly fakerSeed?: number;
  readonly requests: readonly RequestShape[];
  readonly answers: readonly AnswerShape[];
  readonly tests: readonly RecordedTest[];
}

/** The worker files of a recording folder. */
const PARTS = 'parts';

/** Appends one test's attempt to this worker's file in `dir`. */
export function appendTestRecording(dir: string, worker: string, recording: TestRecording): void {
  const parts = join(dir, PARTS);
  mkdirSync(parts, { recursive: true });
  appendFileSync(join(parts, `${worker}.jsonl`), `${JSON.stringify(recording)}\n`);
}

function readParts(dir: string): TestRecording[] {
  const parts = join(dir, PARTS);
  if (!existsSync(parts)) return [];
  return readdirSync(parts)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) =>
      readFileSync(join(parts, name), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as TestRecording),
    );
}

/** Stores each distinct shape once and hands out its index. */
class ShapeTable<T> {
  readonly items: T[] = [];
  private readonly byJson = new Map<string, number>();
  indexOf(shape: T): number {
    const json = JSON.stringify(shape);
    const found = this.byJson.get(json);
    if (found !== undefined) return found;
    this.items.push(shape);
    this.byJson.set(json, this.items.length - 1);
    return this.items.length - 1;
  }
}

/** The recording of some tests' attempts: the last attempt of each test, its shapes stored once. */
export function recordingOf(
  attempts: readonly TestRecording[],
  meta: {
    readonly side: string;
    readonly target: string;
    readonly fakerSeed?: number;
    readonly recordedAt?: string;
  },
): Recording {
  const last = new Map<string, TestRecording>();
  for (const attempt of attempts) {
    const seen = last.get(attempt.test);
    if (!seen || attempt.startedAtMs >= seen.startedAtMs) last.set(attempt.test, attempt);
  }
  const requests = new ShapeTable<RequestShape>();
  const answers = new ShapeTable<AnswerShape>();
  const tests = [...last.values()]
    .sort((a, b) => a.test.localeCompare(b.test))
    .map(
      (attempt): RecordedTest => ({
        test: attempt.test,
        testId: attempt.testId,
        status: attempt.status,
        exchanges: attempt.exchanges.map((exchange) => ({
          operation: exchange.operation,
          n: exchange.n,
          request: requests.indexOf(exchange.request),
          answer: answers.indexOf(exchange.answer),
          ...(exchange.concurrent ? { concurrent: true as const } : {}),
        })),
      }),
    );
  return {
    version: RECORDING_VERSION,
    side: meta.side,
    target: meta.target,
    recordedAt: meta.recordedAt ?? new Date().toISOString(),
    ...(meta.fakerSeed === undefined ? {} : { fakerSeed: meta.fakerSeed }),
    requests: requests.items,
    answers: answers.items,
    tests,
  };
}

/** The exchanges of a recording with their shapes in place, as the workers wrote them. */
export function attemptsOf(recording: Recording): TestRecording[] {
  return recording.tests.map((test) => ({
    test: test.test,
    testId: test.testId,
    status: test.status,
    startedAtMs: 0,
    exchanges: test.exchanges.map((exchange) => ({
      operation: exchange.operation,
      n: exchange.n,
      request: recording.requests[exchange.request] as RequestShape,
      answer: recording.answers[exchange.answer] as AnswerShape,
      ...(exchange.concurrent ? { concurrent: true as const } : {}),
    })),
  }));
}

/** The recording the workers wrote into `dir` during a run. */
export function collectRecording(dir: string, meta: Parameters<typeof recordingOf>[1]): Recording {
  return recordingOf(readParts(dir), meta);
}

/**
 * One recording of several shards' recordings of the same side. A test recorded by two shards (it should not
 * be) keeps the first shard's.
 */
export function mergeRecordings(recordings: readonly Recording[]): Recording {
  const [first] = recordings;
  if (!first) throw new HarnessError('fidelity: no recordings to merge');
  const sides = new Set(recordings.map((recording) => recording.side));
  if (sides.size > 1) {
    throw new HarnessError(`fidelity: cannot merge recordings of different sides (${[...sides].join(', ')})`);
  }
  const seen = new Set<string>();
  const attempts = recordings.flatMap(attemptsOf).filter((attempt) => {
    if (seen.has(attempt.test)) return false;
    seen.add(attempt.test);
    return true;
  });
  return recordingOf(attempts, {
    side: first.side,
    target: first.target,
    fakerSeed: first.fakerSeed,
    recordedAt: first.recordedAt,
  });
}

/** Every key and string value of a JSON value. */
function* textsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* textsOf(item);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      yield key;
      yield* textsOf(child);
    }
  }
}

/**
 * The texts of a recording the redaction module takes for a secret (by what they look like, or because
 * this process saw them as one). Shapes hold no values but booleans, factor types and status codes, so there
 * should be none; a key's name alone (`recoveryCode`) is no secret.
 */
export function secretsIn(recording: Recording): string[] {
  return [...new Set(textsOf(recording))].filter((text) => redactText(text) !== text);
}

/** Writes a recording, unless the redaction module finds something in it that looks like a secret. */
export function writeRecording(file: string, recording: Recording): void {
  const found = secretsIn(recording);
  if (found.length > 0) {
    throw new HarnessError(
      `fidelity: the recording for ${file} would hold ${found.length} text(s) that look like secrets; it was not written. This is a bug in src/fidelity/shape.ts.`,
    );
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(recording)}\n`);
}

/** Reads a recording, refusing one of another version or none at all with what to do. */
export function readRecording(file: string): Recording {
  let value: Partial<Recording>;
  try {
    value = JSON.parse(readFileSync(file, 'utf8')) as Partial<Recording>;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not JSON';
    throw new HarnessError(
      `fidelity: ${file} ${reason}; a recording is written by a run with HARNESS_FIDELITY_DIR set (npm run nightly, npm run rehearsal).`,
    );
  }
  if (value.version !== RECORDING_VERSION || !Array.isArray(value.tests)) {
    throw new HarnessError(
      `fidelity: ${file} is a recording of version ${String(value.version)}; this harness reads version ${RECORDING_VERSION}. Record both sides again with this harness.`,
    );
  }
  return value as Recording;
}
