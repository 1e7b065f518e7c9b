import type { OperationName } from '../contract';
import { prefixed } from '../errors';
import { ACCEPTED_DIFFERENCES, type AcceptedDifference } from './accepted';
import type { Comparison, Difference, ScenarioComparison } from './compare';
import { contractProposal, mockProposal, type Proposal } from './proposal';
import type { Reliance } from './reliance';

/**
 * The fidelity verdict: every difference classed and grouped into one finding per difference (over all the
 * scenarios that show it), the proposal of each, and the share of compared scenarios on which mock and
 * tenant agree. A contract drift (the pact or a consumer relies on what changed) fails the nightly; a mock
 * drift (nothing relies on it) is a warning; an accepted difference (src/fidelity/accepted.ts) is neither.
 */

export const FIDELITY_REPORT_VERSION = 1;

export type DriftClass = 'contract drift' | 'mock drift' | 'accepted';

export interface Finding {
  readonly class: DriftClass;
  /**
   * The operations whose answers show it: one, but for a catalog field (httpStatus, statusCode, apiCode) of an
   * error catalog scenario's answer, which the catalog decides for every operation that answers it.
   */
  readonly operations: readonly OperationName[];
  /** `success`, the error catalog scenario the mock answered, or `statusCode <n>`. */
  readonly answer: string;
  readonly path: string;
  readonly tenant: string;
  readonly mock: string;
  /** Why it is of its class: what relies on it, or that nothing does (or why it is accepted). */
  readonly why: string;
  readonly proposal: Proposal;
  /** Every scenario that shows it: `<test> · <operation> #<n>`. */
  readonly scenarios: readonly string[];
}

export interface FidelityReport {
  readonly version: typeof FIDELITY_REPORT_VERSION;
  readonly generatedAt: string;
  readonly tenant: Comparison['tenant'];
  readonly mock: Comparison['mock'];
  readonly scenarios: {
    readonly total: number;
    readonly compared: number;
    readonly agree: number;
    /** Compared scenarios whose only differences are accepted ones: they count as agreeing. */
    readonly accepted: number;
    readonly differ: number;
    readonly tenantOnly: number;
    readonly mockOnly: number;
    readonly diverged: number;
  };
  /** Agreeing (or accepted) compared scenarios over all compared ones, 0 to 1; null when none was compared. */
  readonly share: number | null;
  readonly verdict: 'passed' | 'failed';
  readonly findings: readonly Finding[];
  /** The scenarios not compared, and why. */
  readonly notCompared: readonly { readonly scenario: string; readonly reason: string }[];
}

export interface Judged {
  readonly report: FidelityReport;
  /** Every scenario of the comparison with the findings it shows. */
  readonly scenarios: readonly {
    readonly comparison: ScenarioComparison;
    readonly findings: readonly Finding[];
  }[];
}

/** `boolean(true)|null` → `boolean|null`: the types alone, without kept values. */
const typesOf = (descriptor: string) =>
  descriptor
    .split('|')
    .map((part) => part.replace(/\(.*\)$/, ''))
    .join('|');

const statusClass = (value: string) => (/^\d+$/.test(value) ? value.slice(0, 1) : value);

const isJsonMediaType = (value: string) => /^application\/([\w.+-]*\+)?json(;|$)/.test(value);

interface Classed {
  readonly class: Exclude<DriftClass, 'accepted'>;
  readonly why: string;
}

const contract = (why: string): Classed => ({ class: 'contract drift', why });
const mockDrift = (why: string): Classed => ({ class: 'mock drift', why });

/** Whether anything relies on what differs, and what. */
function classify(difference: Difference, scenario: ScenarioComparison, reliance: Reliance): Classed {
  const relied = reliance.of(scenario.operation, scenario.answer);
  const { path, tenant, mock } = difference;
  switch (path) {
    case 'httpStatus':
      return contract(
        'every consumer relies on the HTTP status: GenAuth documents HTTP 200 for every answer but 429',
      );
    case 'statusCode':
      if (statusClass(tenant) !== statusClass(mock)) {
        return contract('every consumer branches on the statusCode class (200 success, 4xx refusal)');
      }
      return relied?.envelope.has('statusCode')
        ? contract('the pact pins this statusCode: a consumer relies on it')
        : mockDrift(
            'no pact pins the statusCode of this answer; consumers branch on its class, which is the same',
          );
    case 'apiCode':
      return relied?.envelope.has('apiCode')
        ? contract('the pact pins this apiCode: a consumer relies on it')
        : mockDrift('no pact pins the apiCode of this answer');
    case 'mediaType':
      return isJsonMediaType(tenant) !== isJsonMediaType(mock)
        ? contract('every consumer reads the answer as JSON because it is labelled JSON')
        : mockDrift('both are labelled JSON; no consumer reads the parameters');
    case 'requestId':
      return mockDrift('no pact or consumer relies on requestId');
    case '$':
      return contract('every consumer reads the answer as JSON');
  }
  const reliedPath = relied?.paths.get(path);
  if (!reliedPath) {
    return mockDrift(
      `nothing the pacts hold relies on ${path} in the ${scenario.answer} answer of ${scenario.operation}`,
    );
  }
  if (reliedPath.by === 'value') {
    return contract(`the pact pins ${path} to ${reliedPath.expected} in this answer`);
  }
  return typesOf(tenant) === typesOf(mock)
    ? mockDrift(
        `the pact relies only on the type of ${path} (${typesOf(reliedPath.expected)}), which is the same`,
      )
    : contract(`the pact relies on ${path} being ${typesOf(reliedPath.expected)} in this answer`);
}

function acceptedBy(
  accepted: readonly AcceptedDifference[],
  at: { operation: OperationName; answer: string; path: string; tenant: string },
): AcceptedDifference | undefined {
  return accepted.find(
    (entry) =>
      (entry.operation === '*' || entry.operation === at.operation) &&
      (entry.answer === undefined || entry.answer === '*' || entry.answer === at.answer) &&
      entry.path === at.path &&
      (entry.tenant === undefined || entry.tenant === at.tenant),
  );
}

const CLASS_ORDER: Readonly<Record<DriftClass, number>> = {
  'contract drift': 0,
  'mock drift': 1,
  accepted: 2,
};

const CATALOG_FIELDS = new Set(['httpStatus', 'statusCode', 'apiCode']);

/** Whether a difference is the catalog's, the same for every operation answering the scenario. */
const ofTheCatalog = (answer: string, path: string) =>
  CATALOG_FIELDS.has(path) && answer !== 'success' && !answer.startsWith('statusCode ');

export interface JudgeOptions {
  readonly reliance: Reliance;
  readonly accepted?: readonly AcceptedDifference[];
  readonly generatedAt?: string;
}

/** Classes and groups every difference of a comparison, and counts. */
export function judge(comparison: Comparison, options: JudgeOptions): Judged {
  const accepted = options.accepted ?? ACCEPTED_DIFFERENCES;
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const sample = { target: comparison.tenant.target, date: generatedAt.slice(0, 10) };
  const findings = new Map<string, Finding & { scenarios: string[]; operations: OperationName[] }>();
  const perScenario = comparison.scenarios.map((scenario) => {
    const found = scenario.differences.map((difference) => {
      const at = { operation: scenario.operation, answer: scenario.answer, ...difference };
      const classed = classify(difference, scenario, options.reliance);
      const acceptance = classed.class === 'mock drift' ? acceptedBy(accepted, at) : undefined;
      const cls: DriftClass = acceptance ? 'accepted' : classed.class;
      const scope = ofTheCatalog(at.answer, at.path) ? '*' : at.operation;
      const key = [cls, scope, at.answer, at.path, at.tenant, at.mock].join('\u0000');
      const known = findings.get(key);
      if (known) {
        known.scenarios.push(scenario.scenario);
        if (!known.operations.includes(at.operation)) known.operations.push(at.operation);
        return known;
      }
      const relied = options.reliance.of(at.operation, at.answer);
      const proposal: Proposal = acceptance
        ? { to: 'accepted', change: acceptance.reason }
        : cls === 'contract drift'
          ? contractProposal(
              at,
              { reliance: relied, path: relied?.paths.get(at.path) },
              scenario.tenantAnswer,
              sample,
            )
          : mockProposal(at, scenario.tenantAnswer, sample);
      const { operation, ...where } = at;
      const finding = {
        class: cls,
        operations: [operation],
        ...where,
        why: acceptance ? `accepted in src/fidelity/accepted.ts: ${acceptance.reason}` : classed.why,
        proposal,
        scenarios: [scenario.scenario],
      };
      findings.set(key, finding);
      return finding;
    });
    return { comparison: scenario, findings: found };
  });

  const count = (status: ScenarioComparison['status']) =>
    comparison.scenarios.filter((scenario) => scenario.status === status).length;
  const differing = perScenario.filter(({ comparison: c }) => c.status === 'differ');
  const acceptedOnly = differing.filter(({ findings: f }) =>
    f.every((finding) => finding.class === 'accepted'),
  );
  const agree = count('agree');
  const compared = agree + differing.length;
  for (const finding of findings.values()) finding.operations.sort();
  const sorted = [...findings.values()].sort(
    (a, b) =>
      CLASS_ORDER[a.class] - CLASS_ORDER[b.class] ||
      a.operations.join().localeCompare(b.operations.join()) ||
      a.answer.localeCompare(b.answer) ||
      a.path.localeCompare(b.path),
  );
  const report: FidelityReport = {
    version: FIDELITY_REPORT_VERSION,
    generatedAt,
    tenant: comparison.tenant,
    mock: comparison.mock,
    scenarios: {
      total: comparison.scenarios.length,
      compared,
      agree,
      accepted: acceptedOnly.length,
      differ: differing.length - acceptedOnly.length,
      tenantOnly: count('tenant only'),
      mockOnly: count('mock only'),
      diverged: count('diverged'),
    },
    share: compared === 0 ? null : (agree + acceptedOnly.length) / compared,
    verdict: sorted.some((finding) => finding.class === 'contract drift') ? 'failed' : 'passed',
    findings: sorted,
    notCompared: comparison.scenarios
      .filter((scenario) => scenario.reason !== undefined)
      .map((scenario) => ({ scenario: scenario.scenario, reason: scenario.reason ?? '' })),
  };
  return { report, scenarios: perScenario };
}

const percent = (share: number | null) => (share === null ? 'n/a' : `${(share * 100).toFixed(1)} %`);

/** The one line a run's summary gives the fidelity check. */
export function fidelityLine(report: FidelityReport): string {
  const { scenarios: s, findings } = report;
  const of = (cls: DriftClass) => findings.filter((finding) => finding.class === cls).length;
  const notCompared = s.tenantOnly + s.mockOnly + s.diverged;
  return (
    `fidelity ${percent(report.share)}: ${s.agree + s.accepted} of ${s.compared} compared scenarios agree; ` +
    `${of('contract drift')} contract drift, ${of('mock drift')} mock drift, ${of('accepted')} accepted; ` +
    `${notCompared} not compared`
  );
}

/** The findings as people read them on a terminal. */
export function formatFidelity(report: FidelityReport): string {
  const lines = [
    prefixed(`${fidelityLine(report)} (tenant ${report.tenant.target}, mock ${report.mock.target})`),
  ];
  for (const finding of report.findings) {
    const [first] = finding.scenarios;
    const more = finding.scenarios.length > 1 ? ` and ${finding.scenarios.length - 1} more` : '';
    lines.push(
      `  ${finding.class.toUpperCase()}  ${finding.operations.join(', ')} ${finding.answer}: ${finding.path}: tenant ${finding.tenant}, mock ${finding.mock}`,
      `    scenario: ${first}${more}`,
      `    why: ${finding.why}`,
      `    proposal (${finding.proposal.to}): ${finding.proposal.change}`,
    );
  }
  const s = report.scenarios;
  if (s.tenantOnly + s.mockOnly + s.diverged > 0) {
    lines.push(
      `  not compared: ${s.tenantOnly} on the tenant side only, ${s.mockOnly} on the mock side only, ${s.diverged} where the runs went different ways (reports list each)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
