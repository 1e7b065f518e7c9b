import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface CategoryNode {
  readonly type: string;
  readonly name: string;
  readonly childrenIds?: readonly string[];
}

/** Test name → the Allure category it was put under, read from a generated report. */
export function categoriesByTest(reportDir: string): Map<string, string> {
  const { roots, nodes } = JSON.parse(
    readFileSync(join(reportDir, 'widgets', 'categories.json'), 'utf8'),
  ) as {
    roots: string[];
    nodes: Record<string, CategoryNode>;
  };
  const result = new Map<string, string>();
  const visit = (id: string, category: string) => {
    const node = nodes[id];
    if (!node) return;
    if (node.type === 'tr') result.set(node.name, category);
    for (const child of node.childrenIds ?? []) visit(child, category);
  };
  for (const root of roots) visit(root, nodes[root]?.name ?? root);
  return result;
}

export interface Totals {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly broken: number;
  readonly skipped: number;
}

/** The totals of a generated report (summary.json). */
export function reportTotals(reportDir: string): Totals {
  const { stats } = JSON.parse(readFileSync(join(reportDir, 'summary.json'), 'utf8')) as {
    stats: Partial<Totals>;
  };
  return {
    total: stats.total ?? 0,
    passed: stats.passed ?? 0,
    failed: stats.failed ?? 0,
    broken: stats.broken ?? 0,
    skipped: stats.skipped ?? 0,
  };
}

export interface ReportedTest {
  readonly name: string;
  readonly status: string;
  readonly historyId: string;
  readonly isRetry: boolean;
  readonly labels: readonly { readonly name: string; readonly value: string }[];
  readonly parameters: readonly {
    readonly name: string;
    readonly value: string;
    readonly excluded: boolean;
  }[];
  /** The earlier runs of the same history id, from the history file. */
  readonly history: readonly unknown[];
}

/** Every test result of a generated report (data/test-results), retries included. */
export function reportedTestResults(reportDir: string): ReportedTest[] {
  const dir = join(reportDir, 'data', 'test-results');
  return readdirSync(dir).map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as ReportedTest);
}

/** The value of each of `names` among a test's labels, undefined where it has none. */
export function labelsNamed(
  test: ReportedTest,
  names: readonly string[],
): Record<string, string | undefined> {
  return Object.fromEntries(
    names.map((name) => [name, test.labels.find((label) => label.name === name)?.value]),
  );
}

/** The names of the tests of one synthetic suite file (its `suite` label) in a generated report. */
export function testsOfSuite(reportDir: string, file: string): Set<string> {
  const results = reportedTestResults(reportDir).filter((result) =>
    result.labels.some((label) => label.name === 'suite' && label.value === file),
  );
  return new Set(results.map((result) => result.name));
}
