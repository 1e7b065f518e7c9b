/**
 * `npm run lint:variables` (part of `npm run lint`): `.env.example` and `docs/variables.md` are what their
 * declarations in src/config/ generate (`npm run docs` writes them), `.env.example` lists at most 50 variables,
 * and the code (src, cli, fixtures, suites, bench, the Playwright and Allure configs) reads no variable neither
 * names.
 */
import { readVariableDocuments, variableDocumentProblems } from '../src/config/variables-check';
import { HarnessError, prefixed } from '../src/errors';
import { runMain } from './main';

runMain(() => {
  const extra = process.argv.slice(2);
  if (extra.length > 0)
    throw new HarnessError(`unknown argument "${extra[0]}": npm run lint:variables takes none.`);
  const problems = variableDocumentProblems(readVariableDocuments(process.cwd()));
  if (problems.length === 0) return 0;
  process.stderr.write(`${prefixed('the variables are not documented as declared:')}\n`);
  for (const problem of problems) process.stderr.write(`  - ${problem}\n`);
  return 1;
});
