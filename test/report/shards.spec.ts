import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { reportTotals } from './allure-report-data';
import { generateAllureReport, mergeShards, runSyntheticSuite, tempReportsDir } from './synthetic-run';

test.describe.configure({ timeout: 300_000 });

test('two shards merged report the same totals as one unsharded run', () => {
  const single = tempReportsDir('unsharded');
  runSyntheticSuite('shards', single);
  expect(generateAllureReport(single, [join(single, 'allure-results')]).exitCode).toBe(0);

  const sharded = tempReportsDir('sharded');
  for (const index of [1, 2]) {
    const shardResults = join(sharded, 'shards', `shard-${index}-of-2`, 'allure-results');
    runSyntheticSuite('shards', sharded, { shard: `${index}/2`, env: { ALLURE_RESULTS_DIR: shardResults } });
  }
  const merge = mergeShards(sharded);
  expect(merge.output).toContain('merging 2 result directories');
  expect(merge.exitCode, 'the quality gate fails: the suite has failures on purpose').not.toBe(0);

  const expected = reportTotals(join(single, 'allure-report'));
  expect(expected).toEqual({ total: 10, passed: 7, failed: 2, broken: 0, skipped: 1 });
  expect(reportTotals(join(sharded, 'allure-report'))).toEqual(expected);
});
