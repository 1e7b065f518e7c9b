import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidationFinding } from '@pactflow/swagger-mock-validator';
import { HarnessError, prefixed } from '../errors';
import { cachedFindings } from './openapi-findings-cache';
import {
  KNOWN_DIFFERENCES_FILE,
  KNOWN_OPENAPI_DIFFERENCES,
  type KnownDifference,
} from './openapi-known-differences';
import { type PactFile, parsePactFile, readPactFilesSync, serialisePact } from './pact-file';

/**
 * The bi-directional check: every interaction of a pact validated against the provider's official OpenAPI
 * with `@pactflow/swagger-mock-validator`, the validator PactFlow's bi-directional contract testing runs.
 * Requests must be what the spec accepts; responses may hold only what the spec defines (the validator's
 * defaults), so the consumer never relies on a field the provider has not published.
 */

/** The official OpenAPI subset the project vendors (MFA factor endpoints of authentication-openapi.json). */
export const OFFICIAL_OPENAPI = fileURLToPath(
  new URL('../contract/genauth-mfa-openapi.json', import.meta.url),
);

export interface OpenApiFinding {
  readonly interaction: string;
  /** The validator's rule, e.g. `request.body.incompatible`. */
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Where the rule lives in the spec, e.g. `[root].paths./api/v3/enroll-factor.post.requestBody…required`. */
  readonly specLocation: string;
}

export interface OpenApiCheck {
  /** Findings no known difference accounts for: each fails the check. */
  readonly unexpected: readonly OpenApiFinding[];
  /** Findings a known difference accounts for, with it. */
  readonly accepted: readonly { readonly finding: OpenApiFinding; readonly difference: KnownDifference }[];
  /** Known differences that no longer occur: each fails the check, so the list stays true. */
  readonly stale: readonly KnownDifference[];
  readonly interactions: number;
}

function toFinding(finding: ValidationFinding): OpenApiFinding {
  return {
    interaction: finding.mockDetails?.interactionDescription ?? '(the pact file)',
    code: finding.code,
    severity: finding.type,
    message: finding.message,
    specLocation: finding.specDetails?.location ?? '(no spec location)',
  };
}

/**
 * Validates one pact against the OpenAPI file and returns every error and warning. The findings for the same
 * pact, spec and validator are kept (src/pact/openapi-findings-cache.ts).
 */
export function validateAgainstOpenApi(
  pact: PactFile,
  specFile = OFFICIAL_OPENAPI,
): Promise<OpenApiFinding[]> {
  const pactText = serialisePact(pact);
  return cachedFindings(pactText, specFile, () => runValidator(pact, pactText, specFile));
}

async function runValidator(pact: PactFile, pactText: string, specFile: string): Promise<OpenApiFinding[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'openapi-check-'));
  const pactFile = path.join(dir, `${pact.consumer.name}-${pact.provider.name}.json`);
  try {
    await writeFile(pactFile, pactText);
    // Loaded when a check runs: a large bundle, which would delay everything a command starts before it.
    const { SwaggerMockValidatorFactory } = await import('@pactflow/swagger-mock-validator');
    const outcome = await SwaggerMockValidatorFactory.create().validate({
      specPathOrUrl: specFile,
      mockPathOrUrl: pactFile,
    });
    return [...outcome.errors, ...outcome.warnings].map(toFinding);
  } catch (error) {
    throw new HarnessError(
      `the OpenAPI check could not validate the pact against ${specFile}: ${(error as Error).message}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function covers(difference: KnownDifference, finding: OpenApiFinding): boolean {
  if (difference.code !== finding.code) return false;
  if (difference.mentions !== undefined && !finding.message.includes(difference.mentions)) return false;
  return difference.interactions === 'every' || difference.interactions.includes(finding.interaction);
}

/**
 * Sorts findings into those the known differences account for and the rest, and finds stale differences:
 * those of `every` interaction, or of an interaction in the checked pacts, that no finding needed. A team's
 * pact without an interaction does not make that interaction's differences stale.
 */
export function classifyFindings(
  findings: readonly OpenApiFinding[],
  descriptions: readonly string[],
  known: readonly KnownDifference[] = KNOWN_OPENAPI_DIFFERENCES,
): OpenApiCheck {
  const unexpected: OpenApiFinding[] = [];
  const accepted: OpenApiCheck['accepted'][number][] = [];
  for (const finding of findings) {
    const difference = known.find((candidate) => covers(candidate, finding));
    if (difference) accepted.push({ finding, difference });
    else unexpected.push(finding);
  }
  const used = new Set(accepted.map((entry) => entry.difference));
  const checked = (difference: KnownDifference) =>
    difference.interactions === 'every' ||
    difference.interactions.some((description) => descriptions.includes(description));
  return {
    unexpected,
    accepted,
    stale: known.filter((difference) => checked(difference) && !used.has(difference)),
    interactions: descriptions.length,
  };
}

/** Validates every pact and classifies the findings of all of them together. */
export async function checkPactsAgainstOpenApi(
  pacts: readonly PactFile[],
  known: readonly KnownDifference[] = KNOWN_OPENAPI_DIFFERENCES,
  specFile = OFFICIAL_OPENAPI,
): Promise<OpenApiCheck> {
  if (pacts.length === 0)
    throw new HarnessError('the OpenAPI check found no pact to validate; run `npm run pact:consumer` first.');
  const findings: OpenApiFinding[] = [];
  for (const pact of pacts) findings.push(...(await validateAgainstOpenApi(pact, specFile)));
  const descriptions = pacts.flatMap((pact) =>
    pact.interactions.map((interaction) => interaction.description),
  );
  return classifyFindings(findings, descriptions, known);
}

/** The OpenAPI check of the pacts for `provider` among pact files given by name and text. */
export async function checkPactTextsAgainstOpenApi(
  texts: ReadonlyMap<string, string>,
  provider: string,
): Promise<OpenApiCheck> {
  const pacts = [...texts].map(([name, text]) => parsePactFile(text, name));
  return checkPactsAgainstOpenApi(pacts.filter((pact) => pact.provider.name === provider));
}

/** The OpenAPI check of the pacts for `provider` in `pactDir`. */
export function checkPactDirAgainstOpenApi(pactDir: string, provider: string): Promise<OpenApiCheck> {
  return checkPactsAgainstOpenApi(
    readPactFilesSync(pactDir).filter((pact) => pact.provider.name === provider),
  );
}

export function openApiCheckPassed(check: OpenApiCheck): boolean {
  return check.unexpected.length === 0 && check.stale.length === 0;
}

/** How the verdict names a difference: its rule, and the text it covers. */
function differenceName(difference: KnownDifference): string {
  return `${difference.code}${difference.mentions ? ` (${difference.mentions})` : ''}`;
}

/** The verdict: every unexpected finding named by interaction and rule, every stale difference, the fix. */
export function formatOpenApiCheck(check: OpenApiCheck): string {
  const lines: string[] = [];
  if (openApiCheckPassed(check)) {
    lines.push(
      prefixed(
        `the pacts' ${check.interactions} interactions agree with the official OpenAPI apart from ${check.accepted.length} known, deliberate difference(s):`,
      ),
    );
    // Several records may give the same difference for the same reason: it is one line.
    const counts = new Map<string, { difference: KnownDifference; count: number }>();
    for (const { difference } of check.accepted) {
      const same = `${differenceName(difference)}: ${difference.reason}`;
      const counted = counts.get(same) ?? { difference, count: 0 };
      counts.set(same, { difference, count: counted.count + 1 });
    }
    for (const { difference, count } of counts.values()) {
      lines.push(`  ${differenceName(difference)} × ${count}: ${difference.reason}`);
    }
    return lines.join('\n');
  }
  if (check.unexpected.length > 0) {
    lines.push(prefixed(`${check.unexpected.length} interaction finding(s) break the official OpenAPI:`));
    for (const finding of check.unexpected) {
      lines.push(`  "${finding.interaction}": ${finding.severity} ${finding.code}: ${finding.message}`);
      lines.push(`    rule: ${finding.specLocation}`);
    }
    lines.push(
      "  Change the interaction's record (src/pact/interactions/) so the pact follows the spec, or, if the difference is deliberate, add it with its reason to the record's openApiDifferences.",
    );
  }
  if (check.stale.length > 0) {
    lines.push(prefixed(`${check.stale.length} known difference(s) no longer occur; remove them:`));
    for (const difference of check.stale) {
      const where =
        difference.interactions === 'every'
          ? `on every interaction, from ${KNOWN_DIFFERENCES_FILE}`
          : `on ${difference.interactions.map((description) => `"${description}"`).join(', ')}, from its record's openApiDifferences (src/pact/interactions/)`;
      lines.push(`  ${differenceName(difference)} ${where}`);
    }
  }
  return lines.join('\n');
}
