import type { Label, StatusDetails, StepResult, TestResult } from 'allure-js-commons';
import type { LifecycleListener, Writer } from 'allure-js-commons/sdk/reporter';
import { AllureReporter } from 'allure-playwright';

type AllurePlaywrightReporterConfig = NonNullable<ConstructorParameters<typeof AllureReporter>[0]>;

import { FACTOR_TYPES } from '../contract';
import { redactText } from '../redaction/redact';
import { DeferredWriter } from './deferred-writer';

/** What each suite (a folder of `suites/`, all three in the project `suites`) is, as an Allure layer. */
const LAYERS: Readonly<Record<string, string>> = {
  consumer: 'pact consumer',
  provider: 'provider verification',
  api: 'api suite',
  selftest: 'harness self-test',
};

const FACTOR_TYPE_IN_TEXT = new RegExp(`\\b(${FACTOR_TYPES.join('|')})\\b`);

function labelValue(labels: readonly Label[], name: string): string | undefined {
  return labels.find((label) => label.name === name)?.value;
}

/**
 * A test of `suites/<suite>/…` is filed under its suite (parentSuite), not under the project that ran it:
 * the three suites share the project `suites`, and the report shows them apart.
 */
export function fileUnderSuite(result: TestResult): void {
  const file = labelValue(result.labels, 'suite');
  const suite = /^suites\/([^/]+)\//.exec(file ?? '')?.[1];
  if (!suite || !Object.hasOwn(LAYERS, suite)) return;
  const parent = result.labels.find((label) => label.name === 'parentSuite');
  if (parent) parent.value = suite;
  else result.labels.push({ name: 'parentSuite', value: suite });
}

/**
 * Labels taken from each test, unless the test set its own: feature = the factor type named in its title
 * path, story = the describe block, layer = its suite. They stay in code because Allure's `defaultLabels`
 * (allurerc.mjs, where the epic and severity `normal` come from) can only give every result the same value.
 */
export function addDerivedLabels(result: TestResult): void {
  const { labels } = result;
  const add = (name: string, value: string | undefined) => {
    if (value && labelValue(labels, name) === undefined) labels.push({ name, value });
  };
  const titlePath = [...(result.titlePath ?? []), result.name].join(' › ');
  add('feature', FACTOR_TYPE_IN_TEXT.exec(titlePath)?.[1]);
  add('story', labelValue(labels, 'subSuite') ?? result.name);
  const project = labelValue(labels, 'parentSuite');
  add('layer', project ? (LAYERS[project] ?? project) : undefined);
}

/**
 * allure-playwright records the Playwright project as a `Project` parameter, and Allure counts parameters in
 * the history id: the same test run under two projects (the harness's `suites`, a team's own project per
 * environment, the sensitivity run's) would keep two histories and flakiness records. Excluded (Allure's
 * parameter mode for exactly this), the project still shows in the report, and a test has one history
 * whichever project ran it. Runs as the result stops, before allure-js-commons computes its history id.
 */
export function keepProjectOutOfHistory(result: TestResult): void {
  for (const parameter of result.parameters) {
    if (parameter.name === 'Project') parameter.excluded = true;
  }
}

function redactDetails(details: StatusDetails | undefined): void {
  if (!details) return;
  if (details.message) details.message = redactText(details.message);
  if (details.trace) details.trace = redactText(details.trace);
}

function redactSteps(steps: StepResult[]): void {
  for (const step of steps) {
    if (step.name) step.name = redactText(step.name);
    redactDetails(step.statusDetails);
    for (const parameter of step.parameters) parameter.value = redactText(parameter.value);
    redactSteps(step.steps);
  }
}

/** Redacts the parts of a result written as JSON: error details, step names, parameters. */
export function redactResult(result: TestResult): void {
  redactDetails(result.statusDetails);
  for (const parameter of result.parameters) parameter.value = redactText(parameter.value);
  redactSteps(result.steps);
}

const harnessListener: LifecycleListener = {
  beforeTestResultStop(result) {
    keepProjectOutOfHistory(result);
  },
  beforeTestResultWrite(result) {
    fileUnderSuite(result);
    addDerivedLabels(result);
    redactResult(result);
  },
};

/** What allure-playwright keeps to itself: the runtime whose writer every result and attachment goes through. */
interface WithRuntime {
  allureRuntime?: { writer: Writer };
}

/**
 * allure-playwright with one history per test across projects, the labels derived from each test, a last
 * redaction pass before results are written, and its files written off the runner's event loop
 * (`DeferredWriter`), all in place before the run ends.
 */
export default class HarnessAllureReporter extends AllureReporter {
  readonly #resultsDir: string;
  #writer: DeferredWriter | undefined;

  constructor(config: AllurePlaywrightReporterConfig = {}) {
    super({ ...config, listeners: [harnessListener, ...(config.listeners ?? [])] });
    this.#resultsDir = config.resultsDir ?? 'allure-results';
  }

  override onBegin(...args: Parameters<AllureReporter['onBegin']>): void {
    super.onBegin(...args);
    // Where a later allure-playwright keeps its runtime elsewhere, its own writer stays: slower, as correct.
    const runtime = (this as unknown as WithRuntime).allureRuntime;
    if (!runtime) return;
    this.#writer = new DeferredWriter(this.#resultsDir);
    runtime.writer = this.#writer;
  }

  /** Whether results go through `DeferredWriter` (a self-test holds allure-playwright to it). */
  get defersWrites(): boolean {
    return this.#writer !== undefined;
  }

  override async onEnd(...args: Parameters<AllureReporter['onEnd']>): Promise<void> {
    await super.onEnd(...args);
    await this.#writer?.settled();
  }
}
