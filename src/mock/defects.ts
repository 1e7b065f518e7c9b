import type { Rules } from './rules';
import { newTotpSecret } from './secrets';

export interface Defect {
  /** What a provider shipping it does wrong. */
  readonly description: string;
  /** The one rule it replaces. */
  readonly overrides: Partial<Rules>;
}

const TAMPER_PREFIX = 64;

/**
 * Provider defects the mock can be told to ship (`--defects a,b`, `MOCK_DEFECTS`, `PUT /__mock/defects`).
 * Each is a realistic bug a real provider could deploy, and replaces one rule of `rules.ts`; the
 * sensitivity self-test proves that the suites fail for every one of them.
 */
export const DEFECTS = {
  'accept-expired-token': {
    description: 'enroll-factor accepts enrollment tokens after their TTL',
    overrides: { tokenExpired: () => false },
  },
  'expire-tokens-early': {
    description: 'enrollment tokens expire at half their TTL',
    overrides: { tokenExpired: (ageMs, ttlMs) => ageMs >= ttlMs / 2 },
  },
  'accept-any-passcode': {
    description: 'enroll-factor accepts any SMS or EMAIL passCode',
    overrides: { passCodeMatches: () => true },
  },
  'accept-other-enrollment-code': {
    description: "enroll-factor accepts a code sent for another of the user's enrollments",
    overrides: {
      passCodeMatches: (given, expected, othersOfUser) =>
        given === expected || othersOfUser().includes(given),
    },
  },
  'accept-empty-passcode': {
    description: 'enroll-factor accepts an empty or whitespace-only passCode',
    overrides: { blankPassCodeRefused: false },
  },
  'totp-wrong-window': {
    description: 'TOTP codes are checked against a window of ten steps either side instead of one',
    overrides: { totpWindow: 10 },
  },
  'token-reusable': {
    description: 'an enrollment token is not consumed by a successful enroll-factor',
    overrides: { consumesToken: false },
  },
  'race-double-enroll': {
    description: 'the token is consumed only after an asynchronous gap, so concurrent enrolls both succeed',
    overrides: { consumeDelayMs: 25 },
  },
  'accept-tampered-token': {
    description: `enrollment tokens are looked up by their first ${TAMPER_PREFIX} characters only`,
    overrides: {
      findPending: (pending, token) => {
        const exact = pending.get(token);
        if (exact || token.length < TAMPER_PREFIX) return exact;
        const prefix = token.slice(0, TAMPER_PREFIX);
        for (const [candidate, enrollment] of pending) if (candidate.startsWith(prefix)) return enrollment;
        return undefined;
      },
    },
  },
  'ignore-factor-type-mismatch': {
    description: 'enroll-factor ignores that the token was issued for another factorType',
    overrides: { tokenFactorTypeChecked: false },
  },
  'ignore-token-owner': {
    description: "enroll-factor accepts another user's enrollment token",
    overrides: { tokenOwnerChecked: false },
  },
  'bind-nothing': {
    description: 'enroll-factor reports success but binds nothing',
    overrides: { bindsFactor: false },
  },
  'allow-duplicate-binding': {
    description: 'an already bound factor type can be bound again',
    overrides: { duplicateBindingRefused: false },
  },
  'still-listed-to-enroll': {
    description: 'a bound factor stays in list-factors-to-enroll',
    overrides: { boundTypesLeftOutOfToEnroll: false },
  },
  'get-factor-not-found': {
    description: 'get-factor answers "not found" for bound factors',
    overrides: { getFactorFindsBound: false },
  },
  'reset-keeps-factor': {
    description: 'reset-factor reports success but keeps the factor bound',
    overrides: { resetUnbinds: false },
  },
  'status-code-as-string': {
    description: 'statusCode is sent as a string ("200")',
    overrides: { statusCodeIsNumber: false },
  },
  'drop-api-code': {
    description: 'apiCode is dropped from every error envelope',
    overrides: { errorsCarryApiCode: false },
  },
  'http-500-on-malformed-json': {
    description: 'malformed JSON bodies get HTTP 500 instead of an envelope',
    overrides: { malformedJsonAnswered: false },
  },
  'http-500-on-wrong-types': {
    description: 'bodies with wrongly typed fields crash the handler with HTTP 500',
    overrides: { wrongTypesAnswered: false },
  },
  'http-500-on-long-fields': {
    description:
      'values longer than the API accepts crash the handler with HTTP 500, as a long email once broke the OTP QR code',
    overrides: { longFieldsAnswered: false },
  },
  'skip-access-token-check': {
    description: 'requests without a valid access token are served as the first user',
    overrides: { accessTokenRequired: false },
  },
  'reject-bare-token': {
    description: 'the bare access token form (no "Bearer ") is rejected',
    overrides: { bareTokenAccepted: false },
  },
  'reject-id-token': {
    description: "the sign-in's id_token is refused as the bearer, although Guard iOS and Android send it",
    overrides: { idTokenAccepted: false },
  },
  'accept-mfa-token': {
    description: 'an MFA token from a sign-in that needs MFA is taken as a login on the factor endpoints',
    overrides: { mfaTokenRefused: false },
  },
  'reject-charset-content-type': {
    description: 'a body labelled application/json; charset=utf-8 is refused as not JSON',
    overrides: { jsonContentTypeParametersAccepted: false },
  },
  'require-profile': {
    description: 'send-enroll-factor-request refuses OTP and FACE without a profile',
    overrides: { otpFaceProfileOptional: false },
  },
  'raw-pipe-not-found': {
    description: 'get-factor does not find a factorId whose | was sent unescaped',
    overrides: { rawPipeInQueryRead: false },
  },
  'no-resend-limit': {
    description: 'the 60-second resend limit per phone number or email is not enforced',
    overrides: { resendWindowEnforced: false },
  },
  'omit-otp-data': {
    description: 'send-enroll-factor-request for OTP answers without otpData',
    overrides: { otpDataSent: false },
  },
  'invalid-base32-secret': {
    description: 'the TOTP secret in qrCodeUri is not valid Base32',
    overrides: { advertisedSecret: (secret) => `${secret.slice(0, -3).toLowerCase()}018` },
  },
  'qr-image-other-secret': {
    description: 'the QR image holds the otpauth URI of qrCodeUri with another secret in it',
    overrides: {
      qrCodeText: (qrCodeUri) => qrCodeUri.replace(/([?&]secret=)[^&#]*/i, `$1${newTotpSecret()}`),
    },
  },
  'qr-image-without-code': {
    description: 'qrCodeDataUrl is a PNG image with no QR code in it',
    overrides: { qrCodeDrawn: false },
  },
  'accept-recovery-code': {
    description:
      'an OTP recovery code is taken for a TOTP: enroll-factor accepts it as the passCode, mfa-totp-verify verifies it',
    overrides: { recoveryCodeRefusedAsPassCode: false },
  },
  'accept-earlier-totp-secret': {
    description: "a TOTP of a reset OTP factor's secret still proves the user's next OTP enrollment",
    overrides: { resetRevokesTotpSecret: false },
  },
  'accept-code-from-before-reset': {
    description:
      'the code that bound a reset SMS or EMAIL factor still proves the next enrollment of that type',
    overrides: { resetRevokesCode: false },
  },
  'bad-recovery-code': {
    description: 'recoveryCode is not six dash-joined groups of four hex digits',
    overrides: { advertisedRecoveryCode: (code) => code.replaceAll('-', '').toUpperCase() },
  },
  'generic-totp-issuer': {
    description: 'qrCodeUri names a generic issuer instead of the user pool',
    overrides: { advertisedIssuer: () => 'GenAuth' },
  },
  'eight-digit-codes': {
    description: 'SMS and EMAIL codes have eight digits, a length the catalog does not allow',
    overrides: { deliveredCodeLength: () => 8 },
  },
  'face-without-photo': {
    description: 'FACE is bound without a photo',
    overrides: { facePhotoRequired: false },
  },
  'ignore-external-photo-flag': {
    description: 'the type of isExternalPhoto is not checked: a string such as "false" binds the face',
    overrides: { externalPhotoFlagTypeChecked: false },
  },
  'face-without-contact': {
    description: 'FACE can be requested for a user without a phone number or email',
    overrides: { faceNeedsContact: false },
  },
  'drop-profile': {
    description: 'a bound SMS or EMAIL factor loses the phone number or email it was enrolled with',
    overrides: { profileKept: false },
  },
  'duplicate-listing': {
    description: 'list-enrolled-factors lists every bound factor twice',
    overrides: { factorsListedOnce: false },
  },
  'get-factor-wrong-type': {
    description: 'get-factor answers a factor with another factorType than it was bound as',
    overrides: { getFactorKeepsType: false },
  },
  'get-any-factor': {
    description: "get-factor reads another user's factor given its factorId",
    overrides: { getFactorChecksOwner: false },
  },
  'reset-any-factor': {
    description: "reset-factor unbinds another user's factor given its factorId",
    overrides: { resetChecksOwner: false },
  },
  'reset-other-factor': {
    description: "reset-factor unbinds the user's first bound factor instead of the one named",
    overrides: { resetTarget: (named, ownFactors) => ownFactors[0] ?? named },
  },
  'totp-verify-accepts-any': {
    description: 'mfa-totp-verify answers verified: true for any code',
    overrides: { totpVerifyChecksCode: false },
  },
  'totp-verify-without-factor': {
    description: 'mfa-totp-verify answers verified: false instead of refusing a user without an OTP factor',
    overrides: { totpVerifyNeedsFactor: false },
  },
  'ignore-unknown-app': {
    description: 'requests naming an application the provider does not know are served',
    overrides: { appIdChecked: false },
  },
  'ignore-token-app': {
    description: 'an access token issued for another application is accepted',
    overrides: { tokenAppChecked: false },
  },
  'no-throttling': {
    description: 'the per-pool rate limit is never enforced',
    overrides: { rateLimitEnforced: false },
  },
  'throttle-as-success': {
    description: 'a throttled request is answered HTTP 200 with statusCode 200, as if it had been served',
    overrides: { throttledRefused: false },
  },
  'accept-any-content-type': {
    description: 'request bodies are read as JSON whatever their content type',
    overrides: { jsonContentTypeRequired: false },
  },
  'no-payload-limit': {
    description: 'request bodies over the size limit are served',
    overrides: { payloadLimitEnforced: false },
  },
  'text-plain-answers': {
    description: 'answers are labelled content-type text/plain',
    overrides: { answersLabelledJson: false },
  },
} as const satisfies Record<string, Defect>;

export type DefectId = keyof typeof DEFECTS;
export const DEFECT_IDS = Object.keys(DEFECTS) as DefectId[];

export function isDefectId(value: string): value is DefectId {
  return Object.hasOwn(DEFECTS, value);
}
