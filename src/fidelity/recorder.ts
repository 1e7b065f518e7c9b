import type { Exchange } from '../client';
import type { OperationName } from '../contract';
import { appendTestRecording, type TestExchange } from './recording';
import { exchangeShape } from './shape';

/**
 * The stable id of a test: its file and title path (as Playwright's title path gives them, file first), the
 * same in every run, shard and project, and the repetition where `--repeat-each` made several.
 */
export function stableTestId(titlePath: readonly string[], repeatEachIndex = 0): string {
  const id = titlePath.join(' › ');
  return repeatEachIndex > 0 ? `${id} (repeat ${repeatEachIndex})` : id;
}

/**
 * Records the shape of every exchange one test makes through its test clients, numbering the calls of each
 * operation, and writes them as one line when the test ends.
 */
export class ExchangeRecorder {
  private readonly calls = new Map<OperationName, number>();
  private readonly exchanges: TestExchange[] = [];
  /** When each exchange was in flight, in the order of `exchanges`. */
  private readonly spans: { readonly from: number; readonly to: number }[] = [];
  private readonly startedAtMs = Date.now();

  constructor(
    private readonly test: string,
    private readonly testId: string,
  ) {}

  /** Fits the client's `onExchange` hook. */
  record(exchange: Exchange): void {
    const n = (this.calls.get(exchange.operation) ?? 0) + 1;
    this.calls.set(exchange.operation, n);
    this.exchanges.push({ operation: exchange.operation, n, ...exchangeShape(exchange) });
    const to = performance.now();
    this.spans.push({ from: to - exchange.durationMs, to });
  }

  /** The exchanges, each sent while another was in flight marked as such. */
  private marked(): TestExchange[] {
    return this.exchanges.map((exchange, i) => {
      const own = this.spans[i];
      const overlaps = this.spans.some(
        (other, j) => j !== i && own !== undefined && other.from < own.to && own.from < other.to,
      );
      return overlaps ? { ...exchange, concurrent: true } : exchange;
    });
  }

  /** Appends what the test recorded, if anything, to the worker's file in `dir`. */
  writeTo(dir: string, worker: string, status: string): void {
    if (this.exchanges.length === 0) return;
    appendTestRecording(dir, worker, {
      test: this.test,
      testId: this.testId,
      startedAtMs: this.startedAtMs,
      status,
      exchanges: this.marked(),
    });
  }
}
