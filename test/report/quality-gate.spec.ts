import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { qualityGateVerdict } from '../../src/report/allure-report';
import { HEAVY } from '../heavy';
import { test } from './synthetic-reports';
import { mergeShards, tempReportsDir } from './synthetic-run';

const WITHOUT_TO_ARRAY = fileURLToPath(new URL('./synthetic/without-iterator-to-array.mjs', import.meta.url));

test.describe("the quality gate of npm run report:merge, through Allure's own quality gate", HEAVY, () => {
  // The results of three passing tests.
  test.beforeAll(({ steadyReport }) => {
    expect(steadyReport.exitCode, steadyReport.output).toBe(0);
  });

  test('passes three passing tests when it asks for three', async ({ steadyReport: { resultsDir } }) => {
    const merge = await mergeShards(tempReportsDir('quality-gate-pass'), [resultsDir], {
      QUALITY_GATE_MIN_TESTS: '3',
    });
    expect(merge.output).toContain('quality gate passed');
    expect(merge.exitCode, merge.output).toBe(0);
  });

  test('fails, naming the rule, when it asks for more tests than ran', async ({
    steadyReport: { resultsDir },
  }) => {
    const merge = await mergeShards(tempReportsDir('quality-gate-fail'), [resultsDir], {
      QUALITY_GATE_MIN_TESTS: '4',
    });
    expect(merge.output).toContain(
      'quality gate FAILED\nQuality Gate failed with following issues: ⨯ The total number of tests 3 is less ' +
        'than the expected threshold value 4 (minTestsCount)',
    );
    expect(merge.exitCode).toBe(1);
  });

  test('fails when Allure crashes for want of Iterator.prototype.toArray, as on Node 20 unaided', async ({
    steadyReport: { resultsDir },
  }) => {
    const merge = await mergeShards(tempReportsDir('quality-gate-crash'), [resultsDir], {
      QUALITY_GATE_MIN_TESTS: '3',
      NODE_OPTIONS: `--import ${WITHOUT_TO_ARRAY}`,
    });
    expect(merge.output).toContain("quality gate FAILED\nAllure's quality gate did not complete");
    expect(merge.output).toContain('toArray is not a function');
    expect(merge.exitCode).toBe(1);
  });
});

test.describe("the verdict read from Allure's quality gate", () => {
  const crash =
    "can't execute listener TypeError: trsToValidateById.values(...).toArray is not a function\n" +
    '    at QualityGate.validate (file:///node_modules/@allurereport/core/dist/qualityGate/qualityGate.js:74:58)';

  test('passes on exit 0 with nothing printed', () => {
    expect(qualityGateVerdict(0, '')).toEqual({ passed: true, summary: '' });
  });

  test('fails on exit 0 when Allure caught an error and went on', () => {
    const verdict = qualityGateVerdict(0, crash);
    expect(verdict.passed).toBe(false);
    expect(verdict.summary).toMatch(
      /^Allure's quality gate did not complete \(exit 0\): can't execute listener/,
    );
  });

  test('fails on a non-zero exit that names no rule', () => {
    expect(qualityGateVerdict(1, 'Killed')).toEqual({
      passed: false,
      summary: "Allure's quality gate exited 1 without naming a rule: Killed",
    });
  });

  test('names every failed rule, without colours', () => {
    const output = [
      '\u001b[31mQuality Gate failed with following issues:\u001b[39m',
      '',
      ' \u001b[31m⨯\u001b[39m The number of failed tests \u001b[1m2\u001b[22m exceeds the allowed threshold value \u001b[1m0\u001b[22m    \u001b[90mmaxFailures\u001b[39m',
      ' \u001b[31m⨯\u001b[39m The total number of tests \u001b[1m3\u001b[22m is less than the expected threshold value \u001b[1m4\u001b[22m  \u001b[90mminTestsCount\u001b[39m',
      '',
      '\u001b[31m2 quality gate rules have been failed.\u001b[39m',
    ].join('\n');
    expect(qualityGateVerdict(1, output)).toEqual({
      passed: false,
      summary:
        'Quality Gate failed with following issues: ⨯ The number of failed tests 2 exceeds the allowed threshold ' +
        'value 0 (maxFailures) ⨯ The total number of tests 3 is less than the expected threshold value 4 (minTestsCount)',
    });
  });
});
