/** The parts of Playwright's JSON report (`--reporter=json`) the harness reads. */
export interface JsonAnnotation {
  readonly type: string;
  readonly description?: string;
}

export interface JsonStep {
  readonly title: string;
  readonly duration: number;
  /** The steps run inside this one. */
  readonly steps?: readonly JsonStep[];
}

export interface JsonResult {
  readonly status: string;
  readonly duration?: number;
  /** Annotations added while the test ran (`testInfo.annotations`). */
  readonly annotations?: readonly JsonAnnotation[];
  readonly startTime?: string;
  readonly workerIndex?: number;
  /** The test's top-level `test.step`s. */
  readonly steps?: readonly JsonStep[];
  readonly error?: { readonly message?: string };
  /** Every error of the attempt: the test's own, then its fixtures' (a teardown that failed too). */
  readonly errors?: readonly { readonly message?: string }[];
}

interface JsonTest {
  readonly projectName: string;
  /** `failed` for a test declared or marked as an expected failure (`test.fail()`). */
  readonly expectedStatus?: string;
  readonly annotations: readonly JsonAnnotation[];
  readonly results: readonly JsonResult[];
}

interface JsonSpec {
  readonly title: string;
  readonly file: string;
  readonly tests: readonly JsonTest[];
}

export interface JsonSuite {
  readonly title: string;
  readonly specs?: readonly JsonSpec[];
  readonly suites?: readonly JsonSuite[];
}

export interface PlaywrightJsonReport {
  readonly suites: readonly JsonSuite[];
  readonly stats?: { readonly duration: number };
}

export interface ReportedTest extends JsonTest {
  /** File, describe blocks and test title, outermost first. */
  readonly titlePath: readonly string[];
  /** The spec's file, relative to the config's root directory. */
  readonly file: string;
}

/** Every test of the report, in report order, one entry per project it ran in. */
export function reportedTests(report: PlaywrightJsonReport): ReportedTest[] {
  const tests: ReportedTest[] = [];
  const walk = (suite: JsonSuite, path: readonly string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests)
        tests.push({ ...test, titlePath: [...path, spec.title], file: spec.file });
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report.suites) walk(suite, [suite.title]);
  return tests;
}
