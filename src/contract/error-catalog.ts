/**
 * The error catalog: what the GenAuth V3 MFA API answers in each failure scenario. (Longer than most files
 * here because it is the table itself: one entry per scenario, each with its evidence.)
 *
 * `documented` fields are fixed by the public API documentation (apiCode list, throttling page) and are
 * asserted exactly against every environment. Everything else is the harness's decision where the
 * documentation is silent: `source: 'assumed'`, with the nearest evidence as `reference` (SDK tests run
 * against the real server, integrators' code tables, legacy pages). The embedded mock answers exactly this
 * table; against a real environment an assumed entry is asserted only by its error class, the observed
 * answer is recorded, and `npm run catalog:observed` turns a run's observations into proposed corrections.
 * The pact never requires an assumed field (`test/pact/assumed-fields.spec.ts`).
 */

import { CSHARP_MFA_TEST, ERROR_HANDLING, INTEGRATOR_TABLE, RESET_FACTOR_2022 } from './evidence';

export type CatalogField = 'httpStatus' | 'statusCode' | 'apiCode' | 'message';

export interface CatalogEntry {
  readonly httpStatus: number;
  readonly statusCode: number;
  readonly apiCode?: number;
  readonly message: string;
  /**
   * What an answer names after the message, following a colon, where one message fits many requests
   * (`catalogMessage`): e.g. which required field is missing.
   */
  readonly detail?: string;
  readonly source: 'documented' | 'assumed';
  /** The fields the documentation fixes; empty for assumed entries. */
  readonly documented: readonly CatalogField[];
  readonly reference: string;
}

export const ERROR_CATALOG = {
  notLoggedIn: {
    httpStatus: 200,
    statusCode: 401,
    apiCode: 2020,
    message: 'Not logged in: the access token is missing, malformed, expired or unknown',
    source: 'assumed',
    documented: [],
    reference: `${ERROR_HANDLING}: 401 UnauthorizedError and apiCode 2020 "尚未登录，无权限访问此请求" exist; their pairing on the MFA endpoints is not documented. ${INTEGRATOR_TABLE}: 2020 "尚未登录，无权限访问此请求" (management API)`,
  },
  appNotFound: {
    httpStatus: 200,
    statusCode: 404,
    apiCode: 2011,
    message: 'The application given by x-authing-app-id does not exist',
    source: 'assumed',
    documented: [],
    reference: `${ERROR_HANDLING}: apiCode 2011 "应用不存在"; statusCode chosen from the 404 NotFoundError class. Sample: the legacy V2 error-code page (Authing/docs docs/reference/error-code.md) shows {"statusCode":499,"message":"应用不存在","apiCode":"2011"} (499 ClientError), so only the 4xx class is asserted`,
  },
  malformedJson: {
    httpStatus: 200,
    statusCode: 400,
    message: 'The request body is not valid JSON',
    source: 'assumed',
    documented: [],
    reference: `${ERROR_HANDLING}: 400 InvalidArgumentError "bad parameter format"; no apiCode documented`,
  },
  unsupportedContentType: {
    httpStatus: 200,
    statusCode: 400,
    message: 'The request body must be sent as application/json',
    source: 'assumed',
    documented: [],
    reference: `API explorer 开发准备/HTTP 请求: JSON bodies (content-type application/json); 400 class from ${ERROR_HANDLING}`,
  },
  payloadTooLarge: {
    httpStatus: 200,
    statusCode: 413,
    message: 'The request body is too large',
    source: 'assumed',
    documented: [],
    reference: `${ERROR_HANDLING}: 413 PayloadTooLargeError; the size limit is not documented`,
  },
  missingField: {
    httpStatus: 200,
    statusCode: 400,
    message: 'A required field is missing',
    detail: 'the missing fields, by path: "A required field is missing: enrollmentToken, enrollmentData"',
    source: 'assumed',
    documented: [],
    reference: `OpenAPI required fields; 400 InvalidArgumentError from ${ERROR_HANDLING}`,
  },
  unknownFactorType: {
    httpStatus: 200,
    statusCode: 400,
    message: 'factorType must be one of OTP, SMS, EMAIL, FACE',
    source: 'assumed',
    documented: [],
    reference: `OpenAPI factorType enum; 400 InvalidArgumentError from ${ERROR_HANDLING}`,
  },
  wrongType: {
    httpStatus: 200,
    statusCode: 400,
    message: 'A field has the wrong type',
    source: 'assumed',
    documented: [],
    reference: `OpenAPI property types; 400 InvalidArgumentError from ${ERROR_HANDLING}`,
  },
  factorTypeNotEnabled: {
    httpStatus: 200,
    statusCode: 403,
    message: 'This factor type is not enabled for the application',
    source: 'assumed',
    documented: [],
    reference: `list-factors-to-enroll description ("enabled by the application"); 403 ForbiddenError from ${ERROR_HANDLING}`,
  },
  enrollmentTokenExpired: {
    httpStatus: 200,
    statusCode: 400,
    apiCode: 2300,
    message: 'The enrollment token has expired; request a new one with send-enroll-factor-request',
    source: 'assumed',
    documented: [],
    reference:
      'enrollmentToken "valid for one minute" (OpenAPI); apiCode from the legacy V2 list, 2300 "验证码过期"',
  },
  enrollmentTokenInvalid: {
    httpStatus: 200,
    statusCode: 400,
    apiCode: 2301,
    message: 'The enrollment token is unknown or has been tampered with',
    source: 'assumed',
    documented: [],
    reference: 'nothing documented; apiCode 2301 chosen next to the V2 expiry code 2300',
  },
  enrollmentTokenUsed: {
    httpStatus: 200,
    statusCode: 400,
    apiCode: 2301,
    message: 'The enrollment token has already been used',
    source: 'assumed',
    documented: [],
    reference: 'single use is not documented; a consumed token is treated like an unknown one (apiCode 2301)',
  },
  enrollmentTokenMismatch: {
    httpStatus: 200,
    statusCode: 400,
    apiCode: 2301,
    message: 'The enrollment token was issued for another user or another factorType',
    source: 'assumed',
    documented: [],
    reference:
      'binding of the token to user and factorType is not documented; treated like an unknown token (apiCode 2301)',
  },
  wrongPassCode: {
    httpStatus: 200,
    statusCode: 400,
    apiCode: 2001,
    message: 'The verification code is wrong',
    source: 'assumed',
    documented: [],
    reference: `legacy V2 list 2001 "验证码验证失败（验证码错误）"; Android SDK EC_INCORRECT_VERIFY_CODE = 2001; ${INTEGRATOR_TABLE}: 2001 "验证码已失效，请重新获取验证码"`,
  },
  missingPassCode: {
    httpStatus: 200,
    statusCode: 400,
    message: 'enrollmentData.passCode is required for SMS and EMAIL',
    source: 'assumed',
    documented: [],
    reference: `EnrollFactorEnrollmentDataDto.passCode description; 400 InvalidArgumentError from ${ERROR_HANDLING}`,
  },
  wrongTotp: {
    httpStatus: 200,
    statusCode: 400,
    apiCode: 6001,
    message: 'The TOTP code is wrong',
    source: 'documented',
    documented: ['apiCode'],
    reference: `${ERROR_HANDLING}: apiCode 6001 "Totp 码错误"; the statusCode is assumed (400)`,
  },
  recoveryCodeAsPassCode: {
    httpStatus: 200,
    statusCode: 400,
    apiCode: 6001,
    message: 'A recovery code is not a TOTP code: enter the code the authenticator app shows',
    source: 'assumed',
    documented: [],
    reference: `${ERROR_HANDLING}: 6001 "Totp 码错误" and 6002 "Totp 恢复码错误" both exist, and which one enroll-factor answers to its enrollment's recovery code typed as the passCode is not documented. Recovery codes have operations of their own: Authing/authing-js-sdk MfaAuthenticationClient.verifyTotpRecoveryCode sends one as recoveryCode to POST /api/v2/mfa/totp/recovery, while TOTP codes go to /api/v2/mfa/totp/verify as totp; the Android SDK's MFA page (docs.authing.cn/v2/en/reference/sdk-for-android/apis/mfa) lists "MFA by recovery code" beside "MFA by TOTP"; no V3 operation takes a recovery code. So it is answered as a wrong TOTP (6001), 400 from the InvalidArgumentError class`,
  },
  missingTotp: {
    httpStatus: 200,
    statusCode: 400,
    apiCode: 6003,
    message: 'The TOTP code is missing',
    source: 'documented',
    documented: ['apiCode'],
    reference: `${ERROR_HANDLING}: apiCode 6003 "未输入 Totp 安全码"; the statusCode is assumed (400)`,
  },
  facePhotoMissing: {
    httpStatus: 200,
    statusCode: 400,
    apiCode: 1700,
    message: 'No face photo was uploaded',
    source: 'documented',
    documented: ['apiCode'],
    reference: `${ERROR_HANDLING}: apiCode 1700 "未上传人脸识别的照片"; the statusCode is assumed (400)`,
  },
  faceNeedsPhoneOrEmail: {
    httpStatus: 200,
    statusCode: 400,
    apiCode: 1703,
    message: 'A face cannot be bound before the user has an email address or phone number',
    source: 'documented',
    documented: ['apiCode'],
    reference: `${ERROR_HANDLING}: apiCode 1703 "未绑定邮箱或手机号，无法绑定人脸"; the statusCode is assumed (400)`,
  },
  faceAlreadyBound: {
    httpStatus: 200,
    statusCode: 409,
    apiCode: 1706,
    message: 'A face is already bound',
    source: 'documented',
    documented: ['apiCode'],
    reference: `${ERROR_HANDLING}: apiCode 1706 "人脸已被绑定"; the statusCode is assumed (409 ConflictError)`,
  },
  factorAlreadyBound: {
    httpStatus: 200,
    statusCode: 422,
    message: 'A factor of this type is already bound; reset it before binding again',
    source: 'assumed',
    documented: [],
    reference: `${CSHARP_MFA_TEST}: a repeated SMS SendEnrollFactorRequest for a bound phone → Assert.AreEqual(422, res.StatusCode) (422 InvalidOperationError in ${ERROR_HANDLING}); no apiCode seen; legacy V2 2035 (phone bound) / 2200 (email bound) are not used by V3`,
  },
  smsResendTooSoon: {
    httpStatus: 200,
    statusCode: 400,
    apiCode: 4004,
    message: 'A code was sent to this phone number less than 60 seconds ago',
    source: 'assumed',
    documented: [],
    reference: `FactorProfile.phoneNumber: "一个手机号在一分钟内只能请求一次" (OpenAPI); ${INTEGRATOR_TABLE}: 4004 "该手机号 1 分钟内已发送过验证码，请稍后再试" for the V3 send endpoints; its pairing with send-enroll-factor-request is not documented`,
  },
  emailResendTooSoon: {
    httpStatus: 200,
    statusCode: 400,
    apiCode: 2080,
    message: 'A code was sent to this email address less than 60 seconds ago',
    source: 'assumed',
    documented: [],
    reference: `FactorProfile.email: "一个邮箱在一分钟内只能请求一次" (OpenAPI); ${INTEGRATOR_TABLE}: 2080 "该邮箱 1 分钟内已发送过验证码，请稍后再试"; Guard iOS tests: a second email send → 2080; Guard web special-cases 2080; its pairing with send-enroll-factor-request is not documented`,
  },
  throttled: {
    httpStatus: 429,
    statusCode: 429,
    message: '您的请求已超过最大数量限制，请稍后重试',
    source: 'documented',
    documented: ['httpStatus', 'statusCode'],
    reference:
      'API explorer 开发准备/接口限流: HTTP 429 with {"statusCode":429,"message":"您的请求已超过最大数量限制，请稍后重试"}',
  },
  factorResetRefused: {
    httpStatus: 200,
    statusCode: 400,
    message:
      'This factor cannot be unbound through reset-factor; SMS and email-code factors are unbound with unbind-phone or unbind-email',
    source: 'assumed',
    documented: [],
    reference: `${RESET_FACTOR_2022}; statusCode from the 400 InvalidArgumentError class of ${ERROR_HANDLING}, no apiCode seen. Answered only where an environment refuses such resets (the mock's refuseResetOf option)`,
  },
  unknownFactorId: {
    httpStatus: 200,
    statusCode: 404,
    message: 'No bound factor has this factorId',
    source: 'assumed',
    documented: [],
    reference: `${ERROR_HANDLING}: 404 NotFoundError; no apiCode documented`,
  },
  otpNotEnrolled: {
    httpStatus: 200,
    statusCode: 422,
    message: 'The user has no OTP factor bound; bind one before verifying a TOTP code',
    source: 'assumed',
    documented: [],
    reference: `mfa-totp-verify "verify the user's bound OTP"; 422 InvalidOperationError from ${ERROR_HANDLING}`,
  },
  wrongCredentials: {
    httpStatus: 200,
    statusCode: 403,
    apiCode: 2333,
    message: 'Account not exists or password is incorrect.',
    source: 'documented',
    documented: ['statusCode', 'apiCode', 'message'],
    reference: `${ERROR_HANDLING}: example {"statusCode":403,"apiCode":2333,"message":"Account not exists or password is incorrect."}`,
  },
  routeNotFound: {
    httpStatus: 404,
    statusCode: 404,
    message: 'No such endpoint',
    source: 'assumed',
    documented: [],
    reference: `${ERROR_HANDLING}: 404 NotFoundError`,
  },
  fieldTooLong: {
    httpStatus: 200,
    statusCode: 400,
    message: 'A value is longer than the API accepts',
    source: 'assumed',
    documented: [],
    reference: `no length is documented; the limits are FIELD_LIMITS in src/contract/limits.ts (RFC 5321 for emails, E.164 for phone numbers, RFC 9110 for URLs, stated for the rest) and a QR code's capacity for OTP URIs; 400 InvalidArgumentError from ${ERROR_HANDLING}`,
  },
} as const satisfies Record<string, CatalogEntry>;

export type ErrorScenario = keyof typeof ERROR_CATALOG;
export const ERROR_SCENARIOS = Object.keys(ERROR_CATALOG) as ErrorScenario[];

/**
 * Decisions on behaviour the documentation leaves open that are not errors. Recorded here so the mock,
 * the suites and the reader agree on them.
 */
export const BEHAVIOUR_DECISIONS = {
  totpVerifyWrongCode: {
    decision: 'mfa-totp-verify answers a wrong code with statusCode 200 and data.verified false, not 6001',
    source: 'assumed',
    reference:
      'MfaOtpVerityRespDto has data.verified (boolean, required); a boolean that could never be false would be pointless',
  },
  enrollmentTokenSingleUse: {
    decision: 'an enrollment token is consumed by the first successful enroll-factor',
    source: 'assumed',
    reference: 'not documented; a reusable proof of possession would let one code bind twice',
  },
  totpWindow: {
    decision: 'TOTP codes of the current 30 s step and one step either side are accepted',
    source: 'assumed',
    reference: 'RFC 6238 §5.2 recommends at most one step of network delay',
  },
  codeLength: {
    decision:
      'SMS and EMAIL codes have 4 or 6 digits: the mock issues 6 by default (codeLength 4 to 12), the suites and inboxes take either',
    source: 'assumed',
    reference: `server-side length not documented (the app's verifyCodeLength); ${CSHARP_MFA_TEST}: EMAIL codes "2883" and "1308"; the OpenAPI bind-phone code is described as 4 or 6 digits; the OpenAPI passCode example is "123456"`,
  },
  enrollmentTokenTtlSeconds: {
    decision: 'enrollment tokens are valid for 60 seconds',
    source: 'documented',
    reference: 'SendEnrollFactorRequestDataDto.enrollmentToken: "有效时间为一分钟"',
  },
  resendWindowSeconds: {
    decision: 'one send-enroll-factor-request per phone number or email per 60 seconds',
    source: 'documented',
    reference: 'FactorProfile.phoneNumber / FactorProfile.email descriptions',
  },
  accessTokenPerApplication: {
    decision:
      'an access token works only with the application it was issued for: another application id in x-authing-app-id is answered like no token (notLoggedIn)',
    source: 'assumed',
    reference:
      'access tokens are issued per application (OIDC `aud` = the app id); what the API answers to a mismatch is not documented',
  },
  codeFactorsReset: {
    decision:
      'reset-factor unbinds SMS and EMAIL factors as it does OTP and FACE: the suites reset what they bound that way',
    source: 'assumed',
    reference: `today's reset-factor description ("unbind one factor by Factor ID") does not restrict the type; ${CSHARP_MFA_TEST}: an EMAIL factor reset with statusCode 200 against the real server; no official test resets an SMS factor; ${RESET_FACTOR_2022}. An environment that refuses is reported once, and the tests that would bind the factor again on that user are skipped`,
  },
  mfaTokenRefused: {
    decision:
      "the MFA factor endpoints take the access token, or the sign-in's id_token; an MFA token (what a sign-in that needs MFA hands out with apiCode 1635 or 1636) is refused like no token (notLoggedIn)",
    source: 'assumed',
    reference:
      'Guard iOS and the Android SDK fall back to Bearer <mfaToken> for any request while no access token is held, but their login-time MFA calls the V2 endpoints (/api/v2/applications/mfa/*, /api/v2/mfa/totp/associate); the V3 factor endpoints are the user-centre operations (个人中心) and no official client calls them with an MFA token. A web client calls the V2 TOTP verification with Bearer <mfaToken> during login',
  },
  successMessage: {
    decision:
      'success answers carry message "Operation successful" (GenAuth English docs); clients must not depend on it',
    source: 'documented',
    reference: 'GenAuth docs samples; the Chinese docs show "操作成功"',
  },
} as const;

export type BehaviourDecision = keyof typeof BEHAVIOUR_DECISIONS;

/** Which catalog scenario a second send to the same recipient within 60 s gets, per channel. */
export const RESEND_TOO_SOON = {
  SMS: 'smsResendTooSoon',
  EMAIL: 'emailResendTooSoon',
} as const satisfies Record<'SMS' | 'EMAIL', ErrorScenario>;

/**
 * The HTTP status the documentation fixes for every answer it does not name otherwise: "all endpoints
 * return HTTP 200; inspect the body" (开发准备/错误处理). Only throttling is documented as HTTP 429.
 */
export const DOCUMENTED_HTTP_STATUS = 200;

/** The fields of an entry the documentation fixes: its own, plus HTTP 200 where the general rule covers it. */
export function documentedFields(entry: CatalogEntry): readonly CatalogField[] {
  const general: CatalogField[] =
    entry.httpStatus === DOCUMENTED_HTTP_STATUS && !entry.documented.includes('httpStatus')
      ? ['httpStatus']
      : [];
  return [...general, ...entry.documented];
}

/** Whether an observed failure matches a catalog entry in every field the target allows asserting. */
export function catalogFieldsToAssert(entry: CatalogEntry, exact: boolean): readonly CatalogField[] {
  return exact ? ['httpStatus', 'statusCode', 'apiCode'] : documentedFields(entry);
}
