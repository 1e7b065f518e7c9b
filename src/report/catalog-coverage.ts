import { readFileSync } from 'node:fs';
import { BEHAVIOUR_DECISIONS, ERROR_CATALOG } from '../contract';

/** The annotation naming a behaviour decision a test asserts (`scenario({ decisions })`). */
export const DECISION_ANNOTATION = 'decision';
/** The annotation naming an error catalog entry a test asserted (`expectFailure` adds it as it runs). */
export const CATALOG_ANNOTATION = 'catalog entry';

/** A passing API test: its title and every annotation it carries (static and added while it ran). */
export interface AssertingTest {
  readonly title: string;
  readonly annotations: readonly { readonly type: string; readonly description?: string }[];
}

/** Which API tests assert each error catalog entry and each behaviour decision. */
export interface CatalogCoverage {
  readonly entries: Readonly<Record<string, readonly string[]>>;
  readonly decisions: Readonly<Record<string, readonly string[]>>;
  /** `entry <scenario>` / `decision <key>` that no API test asserts. */
  readonly uncovered: readonly string[];
}

/** The coverage of `ERROR_CATALOG` and `BEHAVIOUR_DECISIONS` by the passing API tests of a run. */
export function catalogCoverage(tests: Iterable<AssertingTest>): CatalogCoverage {
  const entries: Record<string, string[]> = Object.fromEntries(
    Object.keys(ERROR_CATALOG).map((key) => [key, []]),
  );
  const decisions: Record<string, string[]> = Object.fromEntries(
    Object.keys(BEHAVIOUR_DECISIONS).map((key) => [key, []]),
  );
  for (const test of tests) {
    const named = (type: string) =>
      new Set(test.annotations.filter((a) => a.type === type).map((a) => a.description ?? ''));
    for (const key of named(CATALOG_ANNOTATION)) entries[key]?.push(test.title);
    for (const key of named(DECISION_ANNOTATION)) decisions[key]?.push(test.title);
  }
  const uncovered = [
    ...Object.entries(entries).flatMap(([key, titles]) => (titles.length ? [] : [`entry ${key}`])),
    ...Object.entries(decisions).flatMap(([key, titles]) => (titles.length ? [] : [`decision ${key}`])),
  ];
  return { entries, decisions, uncovered };
}

/** A table for the report: each entry and decision with how many API tests assert it. */
export function formatCoverage(coverage: CatalogCoverage): string {
  const rows = [
    ...Object.entries(coverage.entries).map(([key, tests]) => [`entry ${key}`, tests.length] as const),
    ...Object.entries(coverage.decisions).map(([key, tests]) => [`decision ${key}`, tests.length] as const),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    ...rows.map(
      ([name, count]) =>
        `${name.padEnd(width)}  ${String(count).padStart(3)}${count ? '' : '  NOT ASSERTED'}`,
    ),
    '',
    `${rows.length - coverage.uncovered.length}/${rows.length} asserted by at least one API test`,
  ].join('\n');
}

/** The coverage the run's reporter wrote (`ReportPaths.catalogCoverage`); undefined when no API test passed. */
export function readCatalogCoverage(file: string): CatalogCoverage | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CatalogCoverage;
  } catch {
    return undefined;
  }
}
