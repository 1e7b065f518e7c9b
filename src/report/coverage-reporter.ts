import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { type AssertingTest, catalogCoverage } from './catalog-coverage';

export interface CoverageReporterOptions {
  /** Where to write the run's catalog coverage (JSON). Nothing is written without it. */
  readonly outputFile?: string;
}

const API_SUITE = `${sep}suites${sep}api${sep}`;

/**
 * Records which error catalog entries and behaviour decisions the run's passing API tests asserted, for the
 * gate's report. Written only when API tests ran.
 */
export default class CoverageReporter implements Reporter {
  private readonly passing = new Map<string, AssertingTest>();

  constructor(private readonly options: CoverageReporterOptions = {}) {}

  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (!test.location.file.includes(API_SUITE)) return;
    if (result.status !== 'passed' || test.expectedStatus !== 'passed') {
      this.passing.delete(test.id);
      return;
    }
    const title = test.titlePath().slice(2).join(' › ');
    this.passing.set(test.id, { title, annotations: [...test.annotations, ...result.annotations] });
  }

  onEnd(): void {
    if (!this.options.outputFile || this.passing.size === 0) return;
    mkdirSync(dirname(this.options.outputFile), { recursive: true });
    const coverage = catalogCoverage(this.passing.values());
    writeFileSync(this.options.outputFile, `${JSON.stringify(coverage, null, 2)}\n`);
  }
}
