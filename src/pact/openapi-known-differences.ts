import { INTERACTIONS } from './interactions';
import type { OpenApiDifference } from './interactions/record';

/**
 * The deliberate differences between the committed pacts and the official OpenAPI of the provider
 * (`src/contract/genauth-mfa-openapi.json`), each with its reason: the one every interaction has, and those
 * each interaction's record gives. The OpenAPI check accepts exactly these; any other finding fails the
 * gate, and so does a difference that no longer occurs.
 */
export interface KnownDifference extends OpenApiDifference {
  /** The interactions it applies to, by description, or `every` interaction. */
  readonly interactions: 'every' | readonly string[];
}

/** Where the global difference is kept; the others are in the records (`src/pact/interactions/`). */
export const KNOWN_DIFFERENCES_FILE = 'src/pact/openapi-known-differences.ts';

const APP_ID_HEADER: KnownDifference = {
  code: 'request.header.unknown',
  interactions: 'every',
  mentions: 'x-authing-app-id',
  reason:
    'the API explorer page 开发准备/HTTP 请求 requires x-authing-app-id on every authentication API request, and every official SDK sends it; the OpenAPI declares it only as the security scheme of the login endpoints',
};

export const KNOWN_OPENAPI_DIFFERENCES: readonly KnownDifference[] = [
  APP_ID_HEADER,
  ...Object.values(INTERACTIONS).flatMap((interaction) =>
    (interaction.openApiDifferences ?? []).map((difference) => ({
      ...difference,
      interactions: [interaction.uponReceiving],
    })),
  ),
];
