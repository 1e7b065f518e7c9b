import { ERROR_CATALOG, type ErrorScenario, type OperationName } from '../contract';
import { catalogChange } from '../report/catalog-observations';
import type { AnswerReliance, ReliedPath } from './reliance';
import type { AnswerShape } from './shape';

/**
 * What a difference between the tenant and the mock proposes to change, and where: the error catalog (the
 * mock and the pacts follow it), the mock code that builds that answer, or the pact's interaction record.
 */

export type ProposalTarget = 'error catalog' | 'mock rule' | 'pact' | 'accepted';

export interface Proposal {
  readonly to: ProposalTarget;
  readonly change: string;
}

/** The mock code that builds each operation's success answer: module and function (`src/mock/core/`). */
export const MOCK_RULES: Readonly<Record<OperationName, { readonly module: string; readonly rule: string }>> =
  {
    sendEnrollFactorRequest: { module: 'src/mock/core/enrollment.ts', rule: 'sendEnrollFactorRequest' },
    enrollFactor: { module: 'src/mock/core/enrollment.ts', rule: 'enrollFactor' },
    resetFactor: { module: 'src/mock/core/factors.ts', rule: 'resetFactor' },
    listEnrolledFactors: { module: 'src/mock/core/factors.ts', rule: 'toFactorDto' },
    getFactor: { module: 'src/mock/core/factors.ts', rule: 'toFactorDto' },
    listFactorsToEnroll: { module: 'src/mock/core/factors.ts', rule: 'listFactorsToEnroll' },
    mfaOtpVerify: { module: 'src/mock/core/factors.ts', rule: 'mfaOtpVerify' },
  };

/** The envelope: how the mock builds and presents every answer (`src/mock/http/answers.ts`, `Rules`). */
const ANSWERS = 'src/mock/http/answers.ts';

export interface DifferenceAt {
  readonly operation: OperationName;
  /** `success`, a catalog scenario, or `statusCode <n>`. */
  readonly answer: string;
  readonly path: string;
  readonly tenant: string;
  readonly mock: string;
}

const isScenario = (answer: string): answer is ErrorScenario => Object.hasOwn(ERROR_CATALOG, answer);

/** The mock code to change so it answers as the tenant does at `path`. */
export function mockRuleFor({ operation, answer, path, mock }: DifferenceAt): string {
  if (path === 'mediaType') return `${ANSWERS} send() (Rules.answersLabelledJson)`;
  if (path === 'statusCode' && /^"/.test(mock)) return 'Rules.statusCodeIsNumber (src/mock/rules.ts)';
  const envelope = !path.startsWith('data') || (path === 'data' && mock === 'missing');
  if (answer === 'success') {
    if (envelope) return `${ANSWERS} successAnswer()`;
    const { module, rule } = MOCK_RULES[operation];
    return `${module} ${rule}()`;
  }
  if (path === 'apiCode') return `${ANSWERS} errorAnswer() (Rules.errorsCarryApiCode)`;
  return `${ANSWERS} errorAnswer()`;
}

const ENVELOPE_OF_CATALOG = new Set(['httpStatus', 'statusCode', 'apiCode']);

/** The catalog change a tenant's answer supports, where the mock answered a catalog scenario. */
function catalogProposal(
  difference: DifferenceAt,
  tenantAnswer: AnswerShape | undefined,
  sample: { readonly target: string; readonly date: string },
): string | undefined {
  if (!isScenario(difference.answer) || !ENVELOPE_OF_CATALOG.has(difference.path) || !tenantAnswer)
    return undefined;
  const { httpStatus, statusCode, apiCode } = tenantAnswer;
  if (typeof statusCode !== 'number') return undefined;
  return catalogChange(
    difference.answer,
    { httpStatus, statusCode, apiCode: typeof apiCode === 'number' ? apiCode : undefined },
    sample,
  );
}

function interactionsOf(reliance: AnswerReliance | undefined): string {
  const records = [
    ...new Set(
      (reliance?.interactions ?? []).map((interaction) =>
        interaction.record
          ? `${interaction.record.key} (${interaction.record.file})`
          : `"${interaction.description}"`,
      ),
    ),
  ];
  return records.length > 3
    ? `${records.slice(0, 3).join(', ')} and ${records.length - 3} more`
    : records.join(', ');
}

/** The proposal for a contract drift: the pact relies on what changed. */
export function contractProposal(
  difference: DifferenceAt,
  relied: { readonly reliance?: AnswerReliance; readonly path?: ReliedPath },
  tenantAnswer: AnswerShape | undefined,
  sample: { readonly target: string; readonly date: string },
): Proposal {
  const catalog = catalogProposal(difference, tenantAnswer, sample);
  const records = interactionsOf(relied.reliance);
  const rule = mockRuleFor(difference);
  if (!records) {
    return catalog
      ? { to: 'error catalog', change: `${catalog}; tell the consumers: every app branches on it` }
      : {
          to: 'mock rule',
          change: `if GenAuth now answers ${difference.path} as ${difference.tenant} on purpose, make ${rule} answer it and tell the consumers: every app branches on it; otherwise report it to GenAuth`,
        };
  }
  const then = catalog ? `change the catalog (${catalog})` : `make ${rule} answer it`;
  return {
    to: 'pact',
    change:
      `the pact relies on it in ${records}: if GenAuth now answers ${difference.path} as ${difference.tenant} on purpose, ` +
      `the contract has changed: change those records' willRespondWith, ${then}, run the consumer tests to rewrite ` +
      'pacts/ and tell the consumers; otherwise report the change to GenAuth',
  };
}

/** The proposal for a mock drift: nothing relies on it, so the mock (or the catalog) follows the tenant. */
export function mockProposal(
  difference: DifferenceAt,
  tenantAnswer: AnswerShape | undefined,
  sample: { readonly target: string; readonly date: string },
): Proposal {
  const catalog = catalogProposal(difference, tenantAnswer, sample);
  if (catalog) return { to: 'error catalog', change: catalog };
  return {
    to: 'mock rule',
    change: `${followTenant(difference)}, or list it in src/fidelity/accepted.ts with the reason it may differ`,
  };
}

const ABSENT = new Set(['missing', 'absent', 'none']);

/** What the mock's rule should do to answer as the tenant does. */
function followTenant(difference: DifferenceAt): string {
  const rule = mockRuleFor(difference);
  const { path, tenant, mock } = difference;
  if (ABSENT.has(tenant)) return `make ${rule} leave out ${path} (it answers ${mock})`;
  if (ABSENT.has(mock)) return `make ${rule} answer ${path} as ${tenant} (it leaves it out)`;
  return `make ${rule} answer ${path} as ${tenant} (it answers ${mock})`;
}
