import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunCounts, reportCounts } from '../../src/report/allure-report';

/** One data file of a single-file report: `d("<path>","<base64 content>")` in its index.html. */
const EMBEDDED_FILE = /\bd\("([^"]+)","([A-Za-z0-9+/=]*)"\)/g;

/** The data files embedded in the index.html of a single-file report, by path; none in any other HTML. */
export function embeddedFiles(html: string): Map<string, Buffer> {
  return new Map(
    [...html.matchAll(EMBEDDED_FILE)].map(([, name, base64]) => [
      name as string,
      Buffer.from(base64 ?? '', 'base64'),
    ]),
  );
}

/**
 * The data files of a generated report, by path (`widgets/categories.json`, `data/test-results/<id>.json`):
 * the report is one index.html (allurerc.mjs, single-file mode) holding each file base64-encoded.
 */
export function embeddedReportFiles(reportDir: string): Map<string, Buffer> {
  return embeddedFiles(readFileSync(join(reportDir, 'index.html'), 'utf8'));
}

function reportJson<T>(reportDir: string, name: string): T {
  const file = embeddedReportFiles(reportDir).get(name);
  if (!file) throw new Error(`the report in ${reportDir} holds no ${name}`);
  return JSON.parse(file.toString('utf8')) as T;
}

interface CategoryNode {
  readonly type: string;
  readonly name: string;
  readonly childrenIds?: readonly string[];
}

/** Test name → the Allure category it was put under, read from a generated report. */
export function categoriesByTest(reportDir: string): Map<string, string> {
  const { roots, nodes } = reportJson<{ roots: string[]; nodes: Record<string, CategoryNode> }>(
    reportDir,
    'widgets/categories.json',
  );
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

/** The totals of a generated report (summary.json), which must be there. */
export function reportTotals(reportDir: string): RunCounts {
  const counts = reportCounts({ allureReport: reportDir });
  if (!counts) throw new Error(`no summary.json in ${reportDir}: the report was not generated`);
  return counts;
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
  return [...embeddedReportFiles(reportDir)]
    .filter(([name]) => name.startsWith('data/test-results/'))
    .map(([, content]) => JSON.parse(content.toString('utf8')) as ReportedTest);
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
