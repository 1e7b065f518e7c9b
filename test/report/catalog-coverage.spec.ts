import { expect, test } from '@playwright/test';
import { BEHAVIOUR_DECISIONS, ERROR_CATALOG } from '../../src/contract';
import {
  type AssertingTest,
  CATALOG_ANNOTATION,
  catalogCoverage,
  DECISION_ANNOTATION,
  formatCoverage,
} from '../../src/report/catalog-coverage';

/** One test per catalog entry and decision, each asserting just that one. */
const oneTestEach: AssertingTest[] = [
  ...Object.keys(ERROR_CATALOG).map((key) => ({
    title: `asserts ${key}`,
    annotations: [{ type: CATALOG_ANNOTATION, description: key }],
  })),
  ...Object.keys(BEHAVIOUR_DECISIONS).map((key) => ({
    title: `asserts ${key}`,
    annotations: [{ type: DECISION_ANNOTATION, description: key }],
  })),
];

test('a run asserting every entry and decision leaves nothing uncovered', () => {
  expect(catalogCoverage(oneTestEach).uncovered).toEqual([]);
});

test('removing the one test that asserts an entry leaves that entry uncovered', () => {
  const [first] = Object.keys(ERROR_CATALOG);
  expect(catalogCoverage(oneTestEach.slice(1)).uncovered).toEqual([`entry ${first}`]);
});

test('removing the one test that asserts a decision leaves that decision uncovered', () => {
  const last = Object.keys(BEHAVIOUR_DECISIONS).at(-1);
  expect(catalogCoverage(oneTestEach.slice(0, -1)).uncovered).toEqual([`decision ${last}`]);
});

test('other annotations and unknown keys count for nothing', () => {
  const coverage = catalogCoverage([
    { title: 'names a defect', annotations: [{ type: 'defect', description: 'bind-nothing' }] },
    { title: 'names no entry', annotations: [{ type: CATALOG_ANNOTATION, description: 'noSuchEntry' }] },
  ]);
  expect(coverage.uncovered).toHaveLength(
    Object.keys(ERROR_CATALOG).length + Object.keys(BEHAVIOUR_DECISIONS).length,
  );
});

test('the table marks what no test asserts', () => {
  const table = formatCoverage(catalogCoverage(oneTestEach.slice(1)));
  expect(table).toContain('NOT ASSERTED');
  expect(table).toMatch(/\d+\/\d+ asserted by at least one API test$/);
});
