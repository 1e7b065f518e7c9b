import type { BoundFactor, PendingEnrollment } from './state';

/**
 * The simulator's rules wherever a provider could get enrollment wrong, as the correct behaviour: what the
 * documentation says or the error catalog decides. The core of the mock reads them and nothing else; a
 * provider defect (`defects.ts`) replaces exactly one of them.
 */
export interface Rules {
  /** Whether an enrollment token `ageMs` old is past its TTL. */
  readonly tokenExpired: (ageMs: number, ttlMs: number) => boolean;
  /** The pending enrollment a presented enrollment token stands for. */
  readonly findPending: (
    pending: ReadonlyMap<string, PendingEnrollment>,
    token: string,
  ) => PendingEnrollment | undefined;
  /** Only the user a token was issued to can enroll with it. */
  readonly tokenOwnerChecked: boolean;
  /** A token enrolls only the factorType it was issued for. */
  readonly tokenFactorTypeChecked: boolean;
  /** A successful enroll-factor consumes its token. */
  readonly consumesToken: boolean;
  /** Milliseconds between the checks and the token being consumed: 0, so two concurrent enrolls cannot both pass. */
  readonly consumeDelayMs: number;

  /**
   * Whether an SMS or EMAIL passCode proves the enrollment. `othersOfUser` gives the codes of the user's other
   * pending enrollments, gathered only for a rule that reads them.
   */
  readonly passCodeMatches: (
    given: string,
    expected: string,
    othersOfUser: () => readonly string[],
  ) => boolean;
  /** An empty or whitespace-only passCode is refused as missing. */
  readonly blankPassCodeRefused: boolean;
  /** TOTP steps accepted either side of the current one. */
  readonly totpWindow: number;
  /**
   * An OTP recovery code is no TOTP code: typed as its enrollment's passCode it is refused, and mfa-totp-verify
   * does not verify it.
   */
  readonly recoveryCodeRefusedAsPassCode: boolean;
  /** Once an OTP factor is reset, a TOTP of its secret proves no later OTP enrollment of the user. */
  readonly resetRevokesTotpSecret: boolean;
  /** Once an SMS or EMAIL factor is reset, the code that bound it proves no later enrollment of that type. */
  readonly resetRevokesCode: boolean;
  /** FACE needs a photo. */
  readonly facePhotoRequired: boolean;
  /** `isExternalPhoto` must be a boolean: `"false"` is refused, not taken as a flag. */
  readonly externalPhotoFlagTypeChecked: boolean;

  /** A successful enroll-factor binds the factor. */
  readonly bindsFactor: boolean;
  /** A factor type already bound cannot be requested or bound again. */
  readonly duplicateBindingRefused: boolean;
  /** FACE is offered only to a user with a phone number or email. */
  readonly faceNeedsContact: boolean;
  /** A bound SMS or EMAIL factor keeps the profile it was enrolled with. */
  readonly profileKept: boolean;
  /** list-factors-to-enroll leaves out the types already bound. */
  readonly boundTypesLeftOutOfToEnroll: boolean;
  /** list-enrolled-factors lists each bound factor once. */
  readonly factorsListedOnce: boolean;
  /** get-factor finds the user's bound factors. */
  readonly getFactorFindsBound: boolean;
  /** get-factor answers the factorType the factor was bound as. */
  readonly getFactorKeepsType: boolean;
  /** get-factor reads only the caller's own factors. */
  readonly getFactorChecksOwner: boolean;
  /** reset-factor unbinds the factor. */
  readonly resetUnbinds: boolean;
  /** reset-factor unbinds only the caller's own factors. */
  readonly resetChecksOwner: boolean;
  /** The factor reset-factor unbinds: the one named, whatever else the user holds. */
  readonly resetTarget: (named: BoundFactor, ownFactors: readonly BoundFactor[]) => BoundFactor;
  /** mfa-totp-verify compares the code with the bound OTP factor. */
  readonly totpVerifyChecksCode: boolean;
  /** mfa-totp-verify refuses a user without an OTP factor (rather than answering `verified`). */
  readonly totpVerifyNeedsFactor: boolean;

  /** One send per phone number or email per resend window. */
  readonly resendWindowEnforced: boolean;
  /** An OTP enrollment request answers otpData (the QR code and the recovery code). */
  readonly otpDataSent: boolean;
  /** The TOTP secret as the `qrCodeUri` shows it. */
  readonly advertisedSecret: (secret: string) => string;
  /** What the QR image encodes: `qrCodeUri` itself, so the app a user scans it into shows the codes the API checks. */
  readonly qrCodeText: (qrCodeUri: string) => string;
  /** `qrCodeDataUrl` shows a QR code at all. */
  readonly qrCodeDrawn: boolean;
  /** The recovery code as the answer shows it. */
  readonly advertisedRecoveryCode: (code: string) => string;
  /** The issuer the `qrCodeUri` names: the user pool, so an authenticator app shows whose code it is. */
  readonly advertisedIssuer: (userPoolName: string) => string;
  /** The digits of a delivered SMS or EMAIL code, from the configured length (`--code-length`). */
  readonly deliveredCodeLength: (configured: number) => number;

  /** A request without a valid access token is refused (not served as some user). */
  readonly accessTokenRequired: boolean;
  /** The access token is accepted bare as well as after `Bearer `. */
  readonly bareTokenAccepted: boolean;
  /** The sign-in's id_token is accepted like the access token, as Guard iOS and Android send it. */
  readonly idTokenAccepted: boolean;
  /** An MFA token (what a sign-in that needs MFA hands out) is refused like no token (`mfaTokenRefused`). */
  readonly mfaTokenRefused: boolean;
  /** A JSON body labelled with parameters (`application/json; charset=utf-8`) is read as JSON. */
  readonly jsonContentTypeParametersAccepted: boolean;
  /** OTP and FACE may be requested without a profile, as Guard iOS sends them. */
  readonly otpFaceProfileOptional: boolean;
  /** A factorId in the query whose `|` was sent raw is read as sent, as most SDKs send it. */
  readonly rawPipeInQueryRead: boolean;
  /** An application id the provider does not know is refused. */
  readonly appIdChecked: boolean;
  /** An access token works only with the application it was issued for. */
  readonly tokenAppChecked: boolean;
  /** Each user pool gets at most its rate limit per second; more is throttled. */
  readonly rateLimitEnforced: boolean;
  /** A throttled request is refused with HTTP 429, not answered as if it had been served. */
  readonly throttledRefused: boolean;
  /** A request body must be sent as application/json. */
  readonly jsonContentTypeRequired: boolean;
  /** A request body over the size limit is refused. */
  readonly payloadLimitEnforced: boolean;

  /** Answers are labelled `content-type: application/json`. */
  readonly answersLabelledJson: boolean;
  /** `statusCode` is sent as a number. */
  readonly statusCodeIsNumber: boolean;
  /** Failure envelopes carry the catalog's apiCode. */
  readonly errorsCarryApiCode: boolean;
  /** Malformed JSON gets the catalog's envelope, not a crash. */
  readonly malformedJsonAnswered: boolean;
  /** Wrongly typed fields get the catalog's envelope, not a crash. */
  readonly wrongTypesAnswered: boolean;
  /** Values over their length limit get the catalog's envelope, not a crash. */
  readonly longFieldsAnswered: boolean;
}

/** The correct behaviour: the mock as a faithful GenAuth. */
export const FAITHFUL_RULES: Rules = {
  tokenExpired: (ageMs, ttlMs) => ageMs >= ttlMs,
  findPending: (pending, token) => pending.get(token),
  tokenOwnerChecked: true,
  tokenFactorTypeChecked: true,
  consumesToken: true,
  consumeDelayMs: 0,

  passCodeMatches: (given, expected) => given === expected,
  blankPassCodeRefused: true,
  totpWindow: 1,
  recoveryCodeRefusedAsPassCode: true,
  resetRevokesTotpSecret: true,
  resetRevokesCode: true,
  facePhotoRequired: true,
  externalPhotoFlagTypeChecked: true,

  bindsFactor: true,
  duplicateBindingRefused: true,
  faceNeedsContact: true,
  profileKept: true,
  boundTypesLeftOutOfToEnroll: true,
  factorsListedOnce: true,
  getFactorFindsBound: true,
  getFactorKeepsType: true,
  getFactorChecksOwner: true,
  resetUnbinds: true,
  resetChecksOwner: true,
  resetTarget: (named) => named,
  totpVerifyChecksCode: true,
  totpVerifyNeedsFactor: true,

  resendWindowEnforced: true,
  otpDataSent: true,
  advertisedSecret: (secret) => secret,
  qrCodeText: (qrCodeUri) => qrCodeUri,
  qrCodeDrawn: true,
  advertisedRecoveryCode: (code) => code,
  advertisedIssuer: (userPoolName) => userPoolName,
  deliveredCodeLength: (configured) => configured,

  accessTokenRequired: true,
  bareTokenAccepted: true,
  idTokenAccepted: true,
  mfaTokenRefused: true,
  jsonContentTypeParametersAccepted: true,
  otpFaceProfileOptional: true,
  rawPipeInQueryRead: true,
  appIdChecked: true,
  tokenAppChecked: true,
  rateLimitEnforced: true,
  throttledRefused: true,
  jsonContentTypeRequired: true,
  payloadLimitEnforced: true,

  answersLabelledJson: true,
  statusCodeIsNumber: true,
  errorsCarryApiCode: true,
  malformedJsonAnswered: true,
  wrongTypesAnswered: true,
  longFieldsAnswered: true,
};
