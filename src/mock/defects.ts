/**
 * Provider defects the mock can be told to ship (`--faults a,b`, `MOCK_FAULTS`, `PUT /__mock/faults`).
 * Each is a realistic bug a real provider could deploy; the sensitivity self-test proves that the suites
 * and the provider verification fail for every one of them.
 */
export const DEFECTS = {
  'accept-expired-token': 'enroll-factor accepts enrollment tokens after their TTL',
  'expire-tokens-early': 'enrollment tokens expire at half their TTL',
  'accept-any-passcode': 'enroll-factor accepts any SMS or EMAIL passCode',
  'accept-other-enrollment-code': "enroll-factor accepts a code sent for another of the user's enrollments",
  'accept-empty-passcode': 'enroll-factor accepts an empty or whitespace-only passCode',
  'totp-wrong-window': 'TOTP codes are checked against a window of ten steps either side instead of one',
  'token-reusable': 'an enrollment token is not consumed by a successful enroll-factor',
  'race-double-enroll':
    'the token is consumed only after an asynchronous gap, so concurrent enrolls both succeed',
  'accept-tampered-token': 'enrollment tokens are looked up by their first 64 characters only',
  'ignore-factor-type-mismatch': 'enroll-factor ignores that the token was issued for another factorType',
  'ignore-token-owner': "enroll-factor accepts another user's enrollment token",
  'bind-nothing': 'enroll-factor reports success but binds nothing',
  'allow-duplicate-binding': 'an already bound factor type can be bound again',
  'still-listed-to-enroll': 'a bound factor stays in list-factors-to-enroll',
  'get-factor-not-found': 'get-factor answers "not found" for bound factors',
  'reset-keeps-factor': 'reset-factor reports success but keeps the factor bound',
  'status-code-as-string': 'statusCode is sent as a string ("200")',
  'drop-api-code': 'apiCode is dropped from every error envelope',
  'http-500-on-malformed-json': 'malformed JSON bodies get HTTP 500 instead of an envelope',
  'http-500-on-wrong-types': 'bodies with wrongly typed fields crash the handler with HTTP 500',
  'skip-access-token-check': 'requests without a valid access token are served as the first user',
  'reject-bare-token': 'the bare access token form (no "Bearer ") is rejected',
  'no-resend-limit': 'the 60-second resend limit per phone number or email is not enforced',
  'omit-otp-data': 'send-enroll-factor-request for OTP answers without otpData',
  'invalid-base32-secret': 'the TOTP secret in qrCodeUri is not valid Base32',
  'bad-recovery-code': 'recoveryCode is not six dash-joined groups of four hex digits',
  'face-without-photo': 'FACE is bound without a photo',
  'ignore-external-photo-flag': 'isExternalPhoto is neither type-checked nor matched against the photo',
} as const;

export type DefectId = keyof typeof DEFECTS;
export const DEFECT_IDS = Object.keys(DEFECTS) as DefectId[];

export function isDefectId(value: string): value is DefectId {
  return Object.hasOwn(DEFECTS, value);
}
