import { readFileSync } from 'node:fs';
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
