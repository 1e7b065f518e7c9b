import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type CatalogEntry, ERROR_CATALOG, type ErrorScenario } from '../contract';
import { HarnessError, prefixed } from '../errors';
import { describeAnswer, formatObservationTable, observationMarkdown } from './observation-table';
import {
  COMPARED,
  type ComparedField,
  type Observation,
  type ObservationRow,
  type ObservationTable,
  type ObservedAnswer,
  type ObservedVariant,
} from './observations';
import { writeAllureResult } from './synthetic-result';

/**
 * The catalog learns: against a real environment `expectFailure` attaches every answer it got for an
 * assumed catalog entry as an `observed error` attachment (fixtures/harness.ts). This module reads those
 * attachments from a run's Allure results, compares each observed answer with the catalog and proposes
 * the change where they differ. A disagreement is evidence, not a failure: the suites assert only the error
 * class of an assumed entry, so the run itself passed.
 */

/** The name of the attachment `expectFailure` writes for every observed answer. */
export const OBSERVED_ERROR_ATTACHMENT = 'observed error';

interface AllureNode {
  readonly name?: string;
  readonly fullName?: string;
  readonly attachments?: readonly { readonly name?: string; readonly source?: string }[];
  readonly steps?: readonly AllureNode[];
}

function attachmentsOf(node: AllureNode): string[] {
  const own = (node.attachments ?? [])
    .filter((attachment) => attachment.name === OBSERVED_ERROR_ATTACHMENT && attachment.source)
    .map((attachment) => attachment.source as string);
  return [...own, ...(node.steps ?? []).flatMap(attachmentsOf)];
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function isObservedAnswer(value: unknown): value is ObservedAnswer {
  const answer = value as Partial<ObservedAnswer> | null;
  return typeof answer?.httpStatus === 'number' && typeof answer.statusCode === 'number';
}

/** Every observed error a run recorded in its Allure results (`*-result.json` and their attachments). */
export function readObservations(resultsDir: string): Observation[] {
  if (!existsSync(resultsDir)) {
    throw new HarnessError(
      `no Allure results in ${resultsDir}: run the suites against an environment first (npm run nightly), or pass --results=<dir>.`,
    );
  }
  const observations: Observation[] = [];
  for (const file of readdirSync(resultsDir)
    .filter((name) => name.endsWith('-result.json'))
    .sort()) {
    const result = readJson(join(resultsDir, file)) as AllureNode | undefined;
    if (!result) continue;
    for (const source of attachmentsOf(result)) {
      const recorded = readJson(join(resultsDir, source)) as
        | { scenario?: unknown; observed?: unknown }
        | undefined;
      if (typeof recorded?.scenario !== 'string' || !isObservedAnswer(recorded.observed)) continue;
      observations.push({
        scenario: recorded.scenario,
        observed: recorded.observed,
        test: result.fullName ?? result.name ?? file,
      });
    }
  }
  return observations;
}

function catalogEntry(scenario: string): CatalogEntry | undefined {
  return Object.hasOwn(ERROR_CATALOG, scenario) ? ERROR_CATALOG[scenario as ErrorScenario] : undefined;
}

const keyOf = (answer: Omit<ObservedAnswer, 'message'>) =>
  COMPARED.map((field) => String(answer[field])).join('|');

function differences(
  catalog: Pick<CatalogEntry, ComparedField> | undefined,
  answer: Partial<Omit<ObservedAnswer, 'message'>>,
): string[] {
  return COMPARED.filter((field) => catalog?.[field] !== answer[field]).map(
    (field) => `${field} ${catalog?.[field] ?? 'none'} → ${answer[field] ?? 'none'}`,
  );
}

function proposalFor(
  scenario: string,
  variants: readonly ObservedVariant[],
  target: string,
  date: string,
): string {
  if (!catalogEntry(scenario))
    return `${scenario} is no longer a catalog scenario; these observations belong to whichever scenario replaced it`;
  const [only] = variants;
  if (variants.length > 1 || !only) {
    return `the environment answered ${scenario} in ${variants.length} different ways: check whether the scenario covers several cases before changing the catalog`;
  }
  return catalogChange(scenario as ErrorScenario, only.answer, {
    target,
    date,
    message: only.messages[0] ?? '',
  });
}

/**
 * The change of the catalog entry of `scenario` that one observed answer supports, with the sample to add to
 * its reference (the message too, where it is known).
 */
export function catalogChange(
  scenario: ErrorScenario,
  answer: Partial<Omit<ObservedAnswer, 'message'>> & Pick<ObservedAnswer, 'httpStatus' | 'statusCode'>,
  sample: { readonly target: string; readonly date: string; readonly message?: string },
): string {
  const message = sample.message === undefined ? '' : `, message "${sample.message}"`;
  const observed = `observed on ${sample.target} ${sample.date}: ${describeAnswer(answer)}${message}`;
  return `ERROR_CATALOG.${scenario}: ${differences(ERROR_CATALOG[scenario], answer).join(', ')}; keep source 'assumed' unless the documentation confirms it, and add to its reference: ${observed}`;
}

/** One row per observed scenario: the catalog's answer, what was observed, agree or not, the proposal. */
export function tabulateObservations(
  observations: readonly Observation[],
  context: { readonly target: string; readonly generatedAt: string; readonly resultsDir: string },
): ObservationTable {
  const byScenario = new Map<
    string,
    Map<
      string,
      { answer: Omit<ObservedAnswer, 'message'>; messages: Set<string>; tests: Set<string>; count: number }
    >
  >();
  for (const { scenario, observed, test } of observations) {
    const answer = {
      httpStatus: observed.httpStatus,
      statusCode: observed.statusCode,
      apiCode: observed.apiCode,
    };
    const variants = byScenario.get(scenario) ?? new Map();
    byScenario.set(scenario, variants);
    const variant = variants.get(keyOf(answer)) ?? {
      answer,
      messages: new Set(),
      tests: new Set(),
      count: 0,
    };
    variants.set(keyOf(answer), variant);
    variant.count += 1;
    variant.messages.add(observed.message);
    variant.tests.add(test);
  }
  const date = context.generatedAt.slice(0, 10);
  const rows = [...byScenario].map(([scenario, found]): ObservationRow => {
    const entry = catalogEntry(scenario);
    const variants = [...found.values()]
      .map((variant) => ({ ...variant, messages: [...variant.messages], tests: [...variant.tests] }))
      .sort((a, b) => b.count - a.count);
    const agrees =
      entry !== undefined && variants.every((variant) => differences(entry, variant.answer).length === 0);
    return {
      scenario,
      catalog: entry && {
        httpStatus: entry.httpStatus,
        statusCode: entry.statusCode,
        apiCode: entry.apiCode,
        source: entry.source,
      },
      variants,
      agrees,
      ...(agrees ? {} : { proposal: proposalFor(scenario, variants, context.target, date) }),
    };
  });
  rows.sort((a, b) => Number(a.agrees) - Number(b.agrees) || a.scenario.localeCompare(b.scenario));
  return { ...context, observations: observations.length, rows };
}

/**
 * What is missing from the table for a disagreement planted on purpose (a mock answering `scenario` with
 * `planted` instead of the catalog's answer): nothing when the row disagrees and proposes exactly that.
 */
export function missingPlantedDisagreement(
  table: ObservationTable,
  scenario: string,
  planted: Partial<Omit<ObservedAnswer, 'message'>>,
): string | undefined {
  const row = table.rows.find((candidate) => candidate.scenario === scenario);
  if (!row) return `no test observed ${scenario}, where the disagreement was planted`;
  if (row.agrees) return `${scenario} was observed as the catalog says, although a disagreement was planted`;
  const entry = catalogEntry(scenario);
  // A field the plant leaves unset keeps the catalog's value, so it is no change to propose.
  const plantedFields = Object.fromEntries(
    Object.entries(planted).filter(([, value]) => value !== undefined),
  );
  const expected = differences(entry, { ...entry, ...plantedFields });
  const missing = expected.filter((change) => !row.proposal?.includes(change));
  return missing.length > 0
    ? `the proposal for ${scenario} does not say ${missing.join(', ')}: ${row.proposal}`
    : undefined;
}

/** A fixed id: recording a run's observations again replaces the result instead of adding one. */
const RESULT_UUID = 'a7c1e0b5-0b5e-4c41-9d6a-ca7a1097b5e4';

/**
 * Reads a run's observed errors, prints the table, and writes it as JSON (`jsonFile`) and as an Allure
 * result of the run (its description holds the table), so the report shows it next to the tests.
 */
export function recordCatalogObservations(options: {
  readonly resultsDir: string;
  readonly jsonFile: string;
  readonly target: string;
  readonly out?: NodeJS.WritableStream;
}): ObservationTable {
  const started = Date.now();
  const table = tabulateObservations(readObservations(options.resultsDir), {
    target: options.target,
    generatedAt: new Date(started).toISOString(),
    resultsDir: options.resultsDir,
  });
  mkdirSync(dirname(options.jsonFile), { recursive: true });
  writeFileSync(options.jsonFile, `${JSON.stringify(table, null, 2)}\n`);
  writeAllureResult(options.resultsDir, {
    uuid: RESULT_UUID,
    name: 'catalog observations: the observed errors of the run compared with the error catalog',
    status: 'passed',
    description: observationMarkdown(table),
    startMs: started,
    stopMs: Date.now(),
    layer: 'catalog',
    suite: 'catalog',
  });
  (options.out ?? process.stdout).write(
    `${formatObservationTable(table)}\n${prefixed(`written to ${options.jsonFile}`)}\n`,
  );
  return table;
}
