/**
 * `npm run catalog:observed [-- --results=<dir>]`: the observed errors of a run against a real environment
 * (the `observed error` attachments `expectFailure` writes into the Allure results) as a table: scenario,
 * catalog answer, observed answer, agree or not, and the proposed catalog change where they differ. Printed,
 * written to <REPORTS_DIR>/catalog-observed.json and added to the run's Allure results (`npm run report`
 * shows it). Default results: <REPORTS_DIR>/allure-results. `npm run nightly` and the rehearsal run it too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HarnessError } from '../src/errors';
import { recordCatalogObservations } from '../src/report/catalog-observations';
import { reportPaths } from '../src/report/paths';
import { runMain } from './main';

const USAGE = 'npm run catalog:observed [-- --results=<allure results dir>]';

runMain(() => {
  let results: string | undefined;
  try {
    results = parseArgs({ args: process.argv.slice(2), options: { results: { type: 'string' } } }).values
      .results;
  } catch (error) {
    throw new HarnessError(`${(error as Error).message}\nUsage: ${USAGE}`);
  }
  const paths = reportPaths();
  const resultsDir = results ?? paths.allureResults;
  const runInfo = existsSync(paths.runInfo)
    ? (JSON.parse(readFileSync(paths.runInfo, 'utf8')) as { target?: string })
    : {};
  recordCatalogObservations({
    resultsDir,
    jsonFile: paths.catalogObserved,
    target: runInfo.target ?? process.env.TARGET_ENV ?? 'mock',
  });
  return 0;
});
