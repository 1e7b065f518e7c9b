// The Allure report of some results directories and, with --quality-gate, the quality gate of allurerc.mjs,
// in one process that reads the results once: what `allure generate` and `allure quality-gate` do, without
// loading the CLI's other commands or reading every result twice. Run by src/report/allure-cli.ts:
//
//   node allure-generate.mjs --config <allurerc.mjs> --output <dir> [--quality-gate <line>] [--wait] <results dir>...
//
// With --wait it loads Allure, reads the configuration and the history, then waits for a line on its input
// before it reads the results: a run starts it with its tests, on the core their runner leaves idle at first.
// Exit 0: the report is written (and the quality gate passed). Exit 1: the report is written and the quality
// gate failed, its rules or its error printed after <line>. Exit 2: no report, the error printed.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  AllureReport,
  filterFailedQualityGateResults,
  readConfig,
  stringifyQualityGateResults,
} from '@allurereport/core';

const { values, positionals } = parseArgs({
  options: {
    config: { type: 'string' },
    output: { type: 'string' },
    'quality-gate': { type: 'string' },
    wait: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});

function noReport(message) {
  console.error(message);
  process.exit(2);
}

/** Resolves true on the first line of input, false when the input ends without one (the run has gone). */
function resultsReady() {
  return new Promise((resolve) => {
    let input = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => {
      input += chunk;
      if (input.includes('\n')) {
        process.stdin.destroy();
        resolve(true);
      }
    });
    process.stdin.on('end', () => resolve(input.includes('\n')));
  });
}

let report;
try {
  const config = await readConfig(process.cwd(), values.config, { output: values.output });
  report = new AllureReport(config);
  await report.start();
} catch (error) {
  noReport(`Allure could not start: ${error?.stack ?? error}`);
}

if (values.wait && !(await resultsReady())) noReport('the run ended before its results were ready');

const missing = positionals.filter((dir) => !existsSync(dir));
if (positionals.length === 0 || missing.length > 0) {
  noReport(`no test results in ${missing.join(', ') || '(no directory given)'}: run the tests first`);
}

try {
  for (const dir of positionals) await report.readDirectory(dir);
  await report.done();
} catch (error) {
  noReport(`the report could not be built: ${error?.stack ?? error}`);
}

if (values['quality-gate'] !== undefined) {
  console.log(values['quality-gate']);
  try {
    const trs = await report.store.allTestResults({ includeRetries: false });
    const { results } = await report.validate({ trs });
    if (filterFailedQualityGateResults(results).length > 0) {
      console.error(stringifyQualityGateResults(results));
      process.exitCode = 1;
    }
  } catch (error) {
    console.error(`${error?.stack ?? error}`);
    process.exitCode = 1;
  }
}
