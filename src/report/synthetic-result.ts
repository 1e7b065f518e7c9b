import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactText } from '../redaction/redact';

export interface SyntheticResult {
  readonly name: string;
  /** `unknown`: a warning, which Allure shows apart and its quality gate does not count as a failure. */
  readonly status: 'passed' | 'failed' | 'broken' | 'skipped' | 'unknown';
  readonly message?: string;
  /** Shown as the result's description: what a passing step found. */
  readonly description?: string;
  readonly startMs: number;
  readonly stopMs: number;
  /** Allure layer, e.g. `gate`. */
  readonly layer: string;
  /** The step's suite (parent suite and name prefix). Default `gate`. */
  readonly suite?: string;
  /** A fixed id, so writing the result again replaces it instead of adding another. Default: a new one. */
  readonly uuid?: string;
  /** Allure tags, e.g. `pending`. */
  readonly tags?: readonly string[];
  /** More Allure labels, e.g. `{ name: 'suite', value: 'getFactor' }`. */
  readonly labels?: readonly { readonly name: string; readonly value: string }[];
}

/**
 * Writes an Allure result for a gate step that is not a Playwright test (the pact drift check, the OpenAPI
 * check, the catalog coverage), so the report shows it next to the tests, categorised like them.
 */
export function writeAllureResult(resultsDir: string, result: SyntheticResult): void {
  mkdirSync(resultsDir, { recursive: true });
  const uuid = result.uuid ?? randomUUID();
  const suite = result.suite ?? 'gate';
  const fullName = `${suite}: ${result.name}`;
  writeFileSync(
    join(resultsDir, `${uuid}-result.json`),
    JSON.stringify({
      uuid,
      historyId: fullName,
      testCaseId: fullName,
      fullName,
      name: result.name,
      status: result.status,
      stage: 'finished',
      statusDetails: result.message ? { message: redactText(result.message) } : {},
      ...(result.description ? { description: redactText(result.description) } : {}),
      start: result.startMs,
      stop: result.stopMs,
      labels: [
        { name: 'parentSuite', value: suite },
        { name: 'story', value: result.name },
        { name: 'layer', value: result.layer },
        { name: 'severity', value: 'critical' },
        ...(result.tags ?? []).map((tag) => ({ name: 'tag', value: tag })),
        ...(result.labels ?? []),
      ],
      links: [],
      parameters: [],
      steps: [],
      attachments: [],
    }),
  );
}
