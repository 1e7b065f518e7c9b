// Allure 3 configuration of the harness report. See docs/reporting.md.
import { existsSync, readFileSync } from 'node:fs';

const env = process.env;
const reportsDir = env.REPORTS_DIR || 'reports';
const readJson = (path, fallback) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : fallback);

/** Written by the gate and the nightly run (src/report/run-info.ts); absent for a bare `allure generate`. */
const runInfo = readJson(`${reportsDir}/run-info.json`, {});

/** The same causes the nightly run uses to decide what to retry, in the same order. */
const { causes } = readJson(new URL('./src/report/failure-causes.json', import.meta.url), { causes: [] });

/** Minimum number of tests the gate expects in the report: `QUALITY_GATE_MIN_TESTS`, default 100. */
const minTestsCount = Number(env.QUALITY_GATE_MIN_TESTS || 100);

/** Runs kept in the history (trend, flakiness, new failures): `ALLURE_HISTORY_LIMIT`, default 30. */
const historyLimit = Number(env.ALLURE_HISTORY_LIMIT || 30);

const knownIssues = readJson(new URL('./known-issues.json', import.meta.url), { links: {}, rules: [] });

// A plain object, not `defineConfig` from 'allure': importing that package runs its command line, and the
// harness reads this file from its own process too (src/report/allure-generate.mjs).
/** @type {import('allure').AllureConfig} */
export default {
  name: 'enroll-factor contract harness',
  output: `${reportsDir}/allure-report`,
  historyPath: env.ALLURE_HISTORY_PATH || `${reportsDir}/history/history.jsonl`,
  historyLimit,
  // Labels of every result that has none of that name, set as Allure reads the results. The labels derived
  // from each test (feature, story, layer, parent suite) come from src/report/allure-reporter.ts.
  defaultLabels: { epic: 'MFA enrollment', severity: 'normal' },
  variables: {
    Target: runInfo.target ?? env.TARGET_ENV ?? 'mock',
    'Base URL host': runInfo.baseUrlHost ?? 'embedded mock',
    'Harness version': runInfo.harnessVersion ?? 'unknown',
    'Git commit': runInfo.gitCommit ?? 'unknown',
    'Faker seed': String(runInfo.fakerSeed ?? env.FAKER_SEED ?? 'unknown'),
    ...(runInfo.shards ? { Shards: String(runInfo.shards) } : {}),
  },
  categories: [
    { name: 'Flaky (passed on retry)', matchers: { flaky: true }, groupByMessage: false },
    ...causes.map((cause) => ({
      name: cause.category,
      matchers: cause.pattern
        ? [{ statuses: ['failed', 'broken'], message: new RegExp(cause.pattern) }]
        : { statuses: ['failed', 'broken'] },
      groupBy: ['layer'],
      groupByMessage: true,
      expand: cause.id !== 'harness',
    })),
  ],
  resolutions: {
    knownIssuesPath: `${reportsDir}/known-issues.json`,
    links: knownIssues.links,
    rules: knownIssues.rules,
  },
  qualityGate: {
    rules: [{ maxFailures: 0, minTestsCount }],
  },
  plugins: {
    awesome: {
      options: {
        reportName: 'MFA enrollment: enroll-factor contract',
        reportLanguage: 'en',
        groupBy: ['parentSuite', 'feature', 'story'],
        // One index.html holding its data: it opens from disk (file://), where a browser refuses to fetch the
        // data files of a report of many files and shows a spinner forever. summary.json is still written.
        singleFile: true,
      },
    },
  },
};
