import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyFailure } from './failure-cause';
import { firstLine, type RecordedFailure } from './failures-reporter';

interface AllureResultFile {
  readonly historyId?: string;
  readonly name?: string;
  readonly status?: string;
  readonly stop?: number;
  readonly labels?: readonly { readonly name: string; readonly value: string }[];
  readonly statusDetails?: { readonly message?: string; readonly trace?: string };
  readonly fullName?: string;
}

/** What failed in a run's results, as the report and its quality gate count it, and why. */
export interface FailureTally {
  /** Failed or broken results, the last attempt of each test only (a re-run that passed is not counted). */
  readonly failed: number;
  /** How many failed per layer (`api suite`, `fidelity`, `environment`…) and, within it, per failure category. */
  readonly byLayer: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Each of them with its cause and the first line of its message, for a run's summary post. */
  readonly failures: readonly RecordedFailure[];
}

/**
 * Counts the failed and broken results of an Allure results directory the way the report does: results of
 * one test (one historyId) are its attempts, and only the last one counts. Each is filed under its layer and
 * the category its failure cause has in the report (src/report/failure-causes.json).
 */
export function tallyFailures(resultsDirs: readonly string[]): FailureTally {
  const last = new Map<string, AllureResultFile>();
  for (const dir of resultsDirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('-result.json'))) {
      const result = JSON.parse(readFileSync(join(dir, file), 'utf8')) as AllureResultFile;
      const key = result.historyId ?? `${dir}/${file}`;
      const seen = last.get(key);
      if (!seen || (result.stop ?? 0) >= (seen.stop ?? 0)) last.set(key, result);
    }
  }
  const byLayer = new Map<string, Map<string, number>>();
  const failures: RecordedFailure[] = [];
  for (const [key, result] of last) {
    if (result.status !== 'failed' && result.status !== 'broken') continue;
    const layer = result.labels?.find((label) => label.name === 'layer')?.value ?? 'other';
    const message = firstLine(result.statusDetails?.message);
    const cause = classifyFailure(result.statusDetails?.message, result.statusDetails?.trace);
    const categories = byLayer.get(layer) ?? new Map<string, number>();
    categories.set(cause.category, (categories.get(cause.category) ?? 0) + 1);
    byLayer.set(layer, categories);
    failures.push({
      testId: key,
      title: `${layer}: ${result.name ?? result.fullName ?? key}`,
      cause: cause.id,
      ...(message ? { message } : {}),
    });
  }
  return { failed: failures.length, byLayer, failures };
}

/** `2 failed in the report: api suite 1 (Product defect), fidelity 1 (Contract drift)`. */
export function tallyLine(tally: FailureTally): string {
  if (tally.failed === 0) return 'no failed result in the report';
  const layers = [...tally.byLayer].map(([layer, categories]) => {
    const count = [...categories.values()].reduce((sum, n) => sum + n, 0);
    const why = [...categories].map(([category, n]) => (categories.size > 1 ? `${category} ${n}` : category));
    return `${layer} ${count} (${why.join(', ')})`;
  });
  return `${tally.failed} failed in the report: ${layers.join(', ')}`;
}
