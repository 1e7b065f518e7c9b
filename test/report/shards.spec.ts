import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HEAVY } from '../heavy';
import { reportTotals } from './allure-report-data';
import { generateAllureReport, mergeShards, runSyntheticSuite, tempReportsDir } from './synthetic-run';

test('two shards merged report the same totals as one unsharded run', HEAVY, async () => {
  test.setTimeout(300_000);
  const single = tempReportsDir('unsharded');
  const sharded = tempReportsDir('sharded');
  const shardResults = (index: number) => join(sharded, 'shards', `shard-${index}-of-2`, 'allure-results');
  // The unsharded run and the two shards at once: three small runs of one worker each.
  await Promise.all([
    runSyntheticSuite('shards', single).then(() =>
      generateAllureReport(single, [join(single, 'allure-results')]),
    ),
    ...[1, 2].map((index) =>
      // A reports directory of its own for each shard's other outputs, since they run at once.
      runSyntheticSuite('shards', tempReportsDir(`shard-${index}`), {
        shard: `${index}/2`,
        env: { ALLURE_RESULTS_DIR: shardResults(index) },
      }),
    ),
  ]).then(([report]) => expect(report.exitCode, report.output).toBe(0));

  const merge = await mergeShards(sharded);
  expect(merge.output).toContain('merging 2 result directories');
  expect(merge.exitCode, 'the quality gate fails: the suite has failures on purpose').not.toBe(0);

  const expected = reportTotals(join(single, 'allure-report'));
  expect(expected).toEqual({ total: 10, passed: 8, failed: 1, broken: 0, skipped: 1 });
  expect(reportTotals(join(sharded, 'allure-report'))).toEqual(expected);
});
