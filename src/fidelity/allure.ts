import { createHash } from 'node:crypto';
import { writeAllureResult } from '../report/synthetic-result';
import type { ScenarioComparison } from './compare';
import type { Finding, Judged } from './verdict';

/**
 * One Allure result per scenario of the comparison, under one `fidelity` suite: passed where mock and tenant
 * agree, failed for a contract drift, `unknown` (a warning the quality gate lets pass) for a mock drift,
 * skipped where the scenario was not compared. Its name is the scenario's key, so its history id is the same
 * every night and the report shows each scenario's history and the suite's trend.
 */

export const FIDELITY_SUITE = 'fidelity';

type Status = 'passed' | 'failed' | 'unknown' | 'skipped';

function statusOf(scenario: ScenarioComparison, findings: readonly Finding[]): Status {
  if (scenario.reason !== undefined) return 'skipped';
  if (findings.some((finding) => finding.class === 'contract drift')) return 'failed';
  if (findings.some((finding) => finding.class === 'mock drift')) return 'unknown';
  return 'passed';
}

const cell = (text: string) => text.replaceAll('|', '\\|');

function descriptionOf(scenario: ScenarioComparison, findings: readonly Finding[]): string {
  const head = `**${scenario.operation}** call #${scenario.n} of the test, answer: ${scenario.answer}`;
  if (scenario.reason !== undefined) return `${head}\n\nNot compared: ${scenario.reason}.`;
  if (findings.length === 0) return `${head}\n\nThe mock answers this scenario as the tenant does.`;
  const rows = findings.map(
    (finding) =>
      `| ${finding.class} | \`${cell(finding.path)}\` | ${cell(finding.tenant)} | ${cell(finding.mock)} | ${cell(finding.proposal.to)}: ${cell(finding.proposal.change)} |`,
  );
  return [
    head,
    '',
    '| class | path | tenant | mock | proposal |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** A stable id for a scenario's result: writing the results again replaces them. */
const uuidOf = (scenario: string) => {
  const hex = createHash('sha256').update(`fidelity:${scenario}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

/** Writes the results of a judged comparison into a run's Allure results. */
export function writeFidelityResults(resultsDir: string, judged: Judged, atMs = Date.now()): number {
  for (const { comparison, findings } of judged.scenarios) {
    const status = statusOf(comparison, findings);
    const message =
      status === 'skipped'
        ? comparison.reason
        : findings
            .map(
              (finding) =>
                `${finding.class}: ${finding.path}: tenant ${finding.tenant}, mock ${finding.mock}`,
            )
            .join('; ');
    writeAllureResult(resultsDir, {
      uuid: uuidOf(comparison.scenario),
      name: comparison.scenario,
      status,
      ...(message ? { message } : {}),
      description: descriptionOf(comparison, findings),
      startMs: atMs,
      stopMs: atMs,
      layer: FIDELITY_SUITE,
      suite: FIDELITY_SUITE,
      labels: [
        { name: 'suite', value: comparison.operation },
        { name: 'feature', value: 'mock fidelity' },
        ...[...new Set(findings.map((finding) => finding.class))].map((cls) => ({ name: 'tag', value: cls })),
      ],
    });
  }
  return judged.scenarios.length;
}
