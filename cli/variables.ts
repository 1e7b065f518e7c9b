/**
 * The documents of the variables, generated from their declarations in src/config/:
 *
 *   npm run docs:variables    writes .env.example (what a user sets) and docs/variables.md (every other variable)
 *   npm run lint:variables    checks both are current, .env.example lists at most 50 variables, and the code
 *                             (src, cli, fixtures, suites, bench, the Playwright and Allure configs) reads no
 *                             variable neither names; part of `npm run lint`
 */
import { writeFileSync } from 'node:fs';
import { renderEnvExample } from '../src/config/env-example';
import { readVariableDocuments, variableDocumentProblems } from '../src/config/variables-check';
import { renderVariablesTable } from '../src/config/variables-table';
import { HarnessError, prefixed } from '../src/errors';
import { runMain } from './main';

runMain(() => {
  const [command] = process.argv.slice(2);
  if (command === 'write') {
    writeFileSync('.env.example', renderEnvExample());
    writeFileSync('docs/variables.md', renderVariablesTable());
    process.stdout.write(`${prefixed('wrote .env.example and docs/variables.md')}\n`);
    return 0;
  }
  if (command !== 'check') throw new HarnessError(`unknown command "${command ?? ''}": use write or check.`);
  const problems = variableDocumentProblems(readVariableDocuments(process.cwd()));
  if (problems.length === 0) return 0;
  process.stderr.write(`${prefixed('the variables are not documented as declared:')}\n`);
  for (const problem of problems) process.stderr.write(`  - ${problem}\n`);
  return 1;
});
