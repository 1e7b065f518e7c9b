import { INTERACTIONS } from './interactions';

/**
 * The deliberate differences between the committed pact and the official OpenAPI of the provider
 * (`src/contract/genauth-mfa-openapi.json`), each with its reason. The OpenAPI check accepts exactly these;
 * any other finding fails the gate, and so does a difference listed here that no longer occurs.
 */
export interface KnownDifference {
  /** The validator's rule, e.g. `request.header.unknown`. */
  readonly code: string;
  /** The interactions it applies to, by description, or `every` interaction. */
  readonly interactions: 'every' | readonly string[];
  /** Text the finding's message must contain, where one rule covers several differences. */
  readonly mentions?: string;
  readonly reason: string;
}

export const KNOWN_OPENAPI_DIFFERENCES: readonly KnownDifference[] = [
  {
    code: 'request.header.unknown',
    interactions: 'every',
    mentions: 'x-authing-app-id',
    reason:
      'the API explorer page 开发准备/HTTP 请求 requires x-authing-app-id on every authentication API request, and every official SDK sends it; the OpenAPI declares it only as the security scheme of the login endpoints',
  },
  {
    code: 'request.header.unknown',
    interactions: [INTERACTIONS.listEnrolledGenAuthHeader],
    mentions: 'x-genauth-app-id',
    reason:
      'the GenAuth SDKs (@genauth/nodejs, genauth for Python) send the application id as x-genauth-app-id; the OpenAPI predates the GenAuth name',
  },
  {
    code: 'request.body.incompatible',
    interactions: [INTERACTIONS.sendOtpWithoutProfile, INTERACTIONS.sendFaceWithoutProfile],
    mentions: "required property 'profile'",
    reason:
      'real clients send OTP and FACE without a profile: Guard iOS and iOS v3 leave it out, and the Python, PHP, C# and Java SDKs drop a null one; the OpenAPI requires it although neither type has a field in it',
  },
  {
    code: 'request.authorization.missing',
    interactions: [INTERACTIONS.noAccessToken],
    reason: 'a deliberate negative interaction: the request leaves out the access token the spec requires',
  },
  {
    code: 'request.body.incompatible',
    interactions: [INTERACTIONS.unknownFactorType],
    mentions: 'allowed values',
    reason: 'a deliberate negative interaction: factorType is outside the enum the spec allows',
  },
  {
    code: 'request.body.incompatible',
    interactions: [INTERACTIONS.missingEnrollmentData],
    mentions: "required property 'enrollmentData'",
    reason:
      'a deliberate negative interaction: the request leaves out enrollmentData, which the spec requires',
  },
];
