import { type CatalogField, documentedFields, ERROR_CATALOG, SUCCESS_STATUS_CODE } from '../contract';
import { failureScenarioOf, interactionNamed } from './interactions';
import { type InteractionRecord, isRefusal } from './interactions/record';
import type { PactFile, PactInteraction } from './pact-file';

/**
 * What a failure interaction of a pact requires of the provider, field by field, judged against the error
 * catalog: a field the catalog only assumes may not be required (pinned to a value, or an optional field
 * required to be there), unless the interaction's record says the consumer relies on it and its
 * description says so too.
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

/** The assumed fields the consumer relies on in an interaction, with the reason, as its record gives them. */
function relianceOf(interaction: InteractionRecord | undefined) {
  const response = interaction?.willRespondWith;
  return response && isRefusal(response) ? response.reliesOn : undefined;
}

/**
 * Every place a pact requires a field the catalog marks assumed, without the consumer relying on it openly.
 * `recordNamed` finds an interaction's record by its description (the catalogue's by default).
 */
export function assumedFieldProblems(
  pact: PactFile,
  recordNamed: (description: string) => InteractionRecord | undefined = interactionNamed,
): AssumedFieldProblem[] {
  const problems: AssumedFieldProblem[] = [];
  for (const interaction of pact.interactions.filter(isFailure)) {
    const { description } = interaction;
    const record = recordNamed(description);
    const scenario = failureScenarioOf(record);
    if (!scenario) {
      problems.push({
        interaction: description,
        problem: record
          ? 'is a failure, but its record answers a success: make it answer { refusal: <its error catalog scenario> }'
          : 'is a failure no record describes: add its record to src/pact/interactions/, answering { refusal: <its error catalog scenario> }',
      });
      continue;
    }
    const documented = documentedFields(ERROR_CATALOG[scenario]);
    const reliance = relianceOf(record);
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
export function relianceAnnotations(
  interaction: InteractionRecord | undefined,
): { type: string; description: string }[] {
  const reliance = relianceOf(interaction);
  if (!reliance) return [];
  return [
    { type: 'relies on undocumented', description: `${reliance.fields.join(', ')}: ${reliance.reason}` },
  ];
}
