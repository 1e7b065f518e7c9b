import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { prefixed } from '../errors';
import type { AcceptedDifference } from './accepted';
import { writeFidelityResults } from './allure';
import { compareRecordings } from './compare';
import type { Recording } from './recording';
import { committedReliance, type Reliance } from './reliance';
import { type FidelityReport, formatFidelity, judge } from './verdict';

export interface FidelityCheckOptions {
  /** Where the report goes as JSON (`reports/fidelity.json`). */
  readonly jsonFile: string;
  /** The run's Allure results: one result per scenario under the `fidelity` suite. Default: none written. */
  readonly resultsDir?: string;
  /** Where the findings are printed. Default stdout. */
  readonly out?: NodeJS.WritableStream;
  /** Default: what the committed pacts rely on. */
  readonly reliance?: Reliance;
  /** Default: src/fidelity/accepted.ts. */
  readonly accepted?: readonly AcceptedDifference[];
}

/**
 * The fidelity check: the tenant's recording compared with the mock's, scenario by scenario; each difference
 * classed, grouped and given its proposal; the report written as JSON and as Allure results, and printed.
 */
export function checkFidelity(
  tenant: Recording,
  mock: Recording,
  options: FidelityCheckOptions,
): FidelityReport {
  const judged = judge(compareRecordings(tenant, mock), {
    reliance: options.reliance ?? committedReliance(),
    accepted: options.accepted,
  });
  mkdirSync(dirname(options.jsonFile), { recursive: true });
  writeFileSync(options.jsonFile, `${JSON.stringify(judged.report, null, 2)}\n`);
  if (options.resultsDir) writeFidelityResults(options.resultsDir, judged);
  (options.out ?? process.stdout).write(
    `${formatFidelity(judged.report)}${prefixed(`fidelity report written to ${options.jsonFile}`)}\n`,
  );
  return judged.report;
}
