import { type CatalogField, documentedFields, ERROR_CATALOG, SUCCESS_STATUS_CODE } from '../contract';
import { failureScenarioOf } from './interactions';
import { CONSUMER_RELIES_ON } from './matchers';
import type { PactFile, PactInteraction } from './pact-file';

/**
 * What a failure interaction of a pact requires of the provider, field by field, judged against the error
 * catalog: a field the catalog only assumes may not be required (pinned to a value, or an optional field
 * required to be there), unless the consumer is recorded as relying on it and the interaction says so.
 */

interface Matcher {
  readonly match?: string;
  readonly regex?: string;
}

interface HttpInteraction extends PactInteraction {
  readonly response?: {
    readonly status?: number;
    readonly body?: { readonly content?: Record<string, unknown> };
    readonly matchingRules?: { readonly body?: Record<string, { readonly matchers?: readonly Matcher[] }> };
  };
}

/** A requirement an interaction makes of one catalog field. */
export interface FieldRequirement {
  readonly field: CatalogField;
  /** `value`: pinned to the pact's value; `presence`: an optional field required to be there. */
  readonly kind: 'value' | 'presence';
  readonly value: unknown;
}

export interface AssumedFieldProblem {
  readonly interaction: string;
  readonly problem: string;
}

/** The class of failure statusCodes the documentation fixes (4xx); a regex of exactly that is not a value. */
const STATUS_CLASS_PATTERN = '^4\\d\\d$';

function rulesAt(interaction: HttpInteraction, path: string): readonly Matcher[] {
  return interaction.response?.matchingRules?.body?.[path]?.matchers ?? [];
}

/** The catalog fields a failure interaction requires of the provider. */
export function requirementsOf(interaction: PactInteraction): FieldRequirement[] {
  const http = interaction as HttpInteraction;
  const body = http.response?.body?.content ?? {};
  const requirements: FieldRequirement[] = [
    { field: 'httpStatus', kind: 'value', value: http.response?.status },
  ];
  if ('statusCode' in body) {
    const matchers = rulesAt(http, '$.statusCode');
    const classOnly = matchers.every((rule) => rule.match === 'regex' && rule.regex === STATUS_CLASS_PATTERN);
    const typeOnly = matchers.length > 0 && matchers.every((rule) => rule.match === 'type');
    if (matchers.length === 0 || !(classOnly || typeOnly)) {
      requirements.push({ field: 'statusCode', kind: 'value', value: body.statusCode });
    }
  }
  if ('apiCode' in body) {
    const matched = rulesAt(http, '$.apiCode').length > 0;
    requirements.push({ field: 'apiCode', kind: matched ? 'presence' : 'value', value: body.apiCode });
  }
  if ('message' in body && rulesAt(http, '$.message').length === 0) {
    requirements.push({ field: 'message', kind: 'value', value: body.message });
  }
  return requirements;
}

function isFailure(interaction: PactInteraction): boolean {
  const statusCode = (interaction as HttpInteraction).response?.body?.content?.statusCode;
  return statusCode !== undefined && statusCode !== SUCCESS_STATUS_CODE;
}

/** Every place a pact requires a field the catalog marks assumed, without the consumer relying on it openly. */
export function assumedFieldProblems(pact: PactFile): AssumedFieldProblem[] {
  const problems: AssumedFieldProblem[] = [];
  for (const interaction of pact.interactions.filter(isFailure)) {
    const { description } = interaction;
    const scenario = failureScenarioOf(description);
    if (!scenario) {
      problems.push({
        interaction: description,
        problem:
          'is a failure without a catalog scenario: add it to FAILURE_SCENARIOS in src/pact/interactions.ts',
      });
      continue;
    }
    const documented = documentedFields(ERROR_CATALOG[scenario]);
    const reliance = CONSUMER_RELIES_ON[scenario];
    for (const requirement of requirementsOf(interaction)) {
      if (documented.includes(requirement.field)) continue;
      const what = `${requirement.kind === 'value' ? 'the value' : 'the presence'} of ${requirement.field} (${JSON.stringify(requirement.value)})`;
      if (!reliance?.fields.includes(requirement.field)) {
        problems.push({
          interaction: description,
          problem: `requires ${what}, which the error catalog marks assumed for ${scenario}`,
        });
      } else if (!/relies on/.test(description) || !description.includes(requirement.field)) {
        problems.push({
          interaction: description,
          problem: `requires ${what}, which the consumer relies on; its description must say so ("relies on", "${requirement.field}")`,
        });
      }
    }
  }
  return problems;
}

/** What the consumer relies on although undocumented in an interaction, for the report's annotations. */
export function relianceAnnotations(description: string): { type: string; description: string }[] {
  const scenario = failureScenarioOf(description);
  const reliance = scenario ? CONSUMER_RELIES_ON[scenario] : undefined;
  if (!reliance) return [];
  return [
    { type: 'relies on undocumented', description: `${reliance.fields.join(', ')}: ${reliance.reason}` },
  ];
}
