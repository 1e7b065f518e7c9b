import { type Declaration, variable, variableWithDefault } from './declaration';
import { nameList, oneOf, optionalText, wholeNumber } from './parsers';

/** The knobs of the harness's own tests and benchmarks, and what they hand to the runs they start. */

const selfTest = (description: string) => ({ group: 'self-test', setBy: 'internal', description }) as const;
const bench = (description: string) => ({ group: 'bench', setBy: 'internal', description }) as const;

export const SELF_TEST_VARIABLES = {
  SENSITIVITY_DEFECTS: variable({
    ...selfTest('`npm run selftest:sensitivity`: narrow the run to these defect ids, comma-separated.'),
    unset: 'every defect of src/mock/defects.ts',
    parser: nameList,
  }),
  SENSITIVITY_MODE: variableWithDefault({
    ...selfTest(
      'claimed: each API test under the defects it names, as expected failures; full: every test of the API suites and the provider verification under every defect (slow; nightly), which also finds unclaimed catches.',
    ),
    default: 'claimed',
    parser: oneOf(['claimed', 'full']),
  }),
  SENSITIVITY_WORKERS: variable({
    ...selfTest('The workers of the nested sensitivity run.'),
    unset: 'one per core',
    parser: optionalText,
  }),
  SENSITIVITY_API_DIR: variable({
    ...selfTest("The kill matrix's own self-test points the API suite at deliberately weakened tests here."),
    unset: 'suites/api',
    parser: optionalText,
  }),
  SENSITIVITY_JSON: variable({
    ...selfTest(
      'Set by the sensitivity self-test for its nested run: where that run writes its JSON report.',
    ),
    unset: 'reports/sensitivity-run.json',
    parser: optionalText,
  }),
  SENSITIVITY_OUTPUT_DIR: variable({
    ...selfTest('Set by the sensitivity self-test for its nested run: where that run writes its outputs.'),
    unset: 'reports/sensitivity-results',
    parser: optionalText,
  }),
  SENSITIVITY_CLAIMED_DEFECTS: variable({
    ...selfTest(
      'Set by the sensitivity config in its claimed mode for the API suites: the defects whose tests are declared once more, as expected failures against a mock shipping that defect.',
    ),
    unset: 'none',
    parser: nameList,
  }),
  SYNTHETIC_SUITE: variable({
    ...selfTest(
      'The reporting self-tests: which synthetic suite of test/report/synthetic/ their nested run runs.',
    ),
    unset: 'every suite',
    parser: optionalText,
  }),
  SYNTHETIC_PROJECT: variable({
    ...selfTest('The reporting self-tests: the Playwright project name of that run.'),
    unset: 'api',
    parser: optionalText,
  }),
  SYNTHETIC_TRACE: variable({
    ...selfTest('The reporting self-tests: `on` records Playwright traces in that run.'),
    unset: 'off',
    parser: optionalText,
  }),
} satisfies Record<string, Declaration>;

export const BENCH_VARIABLES = {
  BENCH_ONLY: variableWithDefault({
    ...bench('Which figures, comma-separated.'),
    default: 'lines,gate,test,sensitivity,time,remote,flat,throughput,memory,users,fidelity',
    parser: nameList,
  }),
  BENCH_USERS: variableWithDefault({
    ...bench('Users created through the control plane for the sign-in and user-memory figure.'),
    default: '100000',
    parser: wholeNumber(1),
  }),
  BENCH_ENROLLMENTS: variableWithDefault({
    ...bench('Completed (and as many expired) enrollments per memory round.'),
    default: '100000',
    parser: wholeNumber(1),
  }),
  BENCH_REAL_TTL_SECONDS: variableWithDefault({
    ...bench('The TTL of the real-time expiry runs (three, each above a one-test rehearsal), in seconds.'),
    default: '10',
    parser: wholeNumber(1),
  }),
  BENCH_LOAD_SECONDS: variableWithDefault({
    ...bench('The load duration of the throughput comparison, in seconds.'),
    default: '10',
    parser: wholeNumber(1),
  }),
  BENCH_CONNECTIONS: variableWithDefault({
    ...bench('The connections of the throughput comparison.'),
    default: '20',
    parser: wholeNumber(1),
  }),
  BENCH_FLAT_ROUNDS: variableWithDefault({
    ...bench(
      'The enrollment flows of the per-test cost run, times four factor types (bench/flat run on its own: 60).',
    ),
    default: '100',
    parser: wholeNumber(1),
  }),
  BENCH_FIDELITY_REHEARSALS: variableWithDefault({
    ...bench('The clean rehearsals (nothing planted) whose fidelity differences the bench adds up.'),
    default: '10',
    parser: wholeNumber(1),
  }),
  BENCH_MOCK_OPTIONS: variable({
    ...bench('Set by the benchmark for the mock process it starts: startMock options as JSON.'),
    unset: 'the default options',
    parser: optionalText,
  }),
} satisfies Record<string, Declaration>;
