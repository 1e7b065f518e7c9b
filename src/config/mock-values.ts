import {
  ERROR_SCENARIOS,
  type ErrorScenario,
  FactorTypeSchema,
  limitedString,
  OPERATION_NAMES,
  type OperationName,
  SUCCESS_STATUS_CODE,
} from '../contract';
import { z } from '../contract/zod';

/**
 * The values the mock takes, from its options and from its MOCK_* variables alike: their shapes, their ranges
 * and the mock's defaults.
 */

/** How the mock makes factor ids: `<userId>|phone` (as real SDK test data shows) or random opaque ids. */
export const FACTOR_ID_FORMATS = ['user-suffixed', 'opaque'] as const;
export type FactorIdFormat = (typeof FACTOR_ID_FORMATS)[number];

export const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The fewest and the most digits an SMS or EMAIL code may have. */
export const CODE_LENGTH_RANGE = [4, 12] as const;

/** What the mock does when an option is not given. */
export const MOCK_DEFAULTS = {
  port: 0,
  cliPort: 4010,
  host: '127.0.0.1',
  enrollmentTokenTtlSeconds: 60,
  accessTokenTtlSeconds: 7200,
  codeLength: 6,
  resendWindowSeconds: 60,
  rateLimitPerSecond: 1000,
  factorIds: 'user-suffixed',
  bodyLimitBytes: 65_536,
  defaultUserPoolName: 'GenAuthMock',
  userIdleSeconds: 3_600,
  smtpFrom: 'GenAuth Mock <no-reply@genauth-mock.test>',
  logLevel: 'silent',
  cliLogLevel: 'info',
} as const satisfies Readonly<Record<string, string | number>>;

/** A user that exists from the start, e.g. the designated user of a rehearsal that signs in with a password. */
export const SeedUserSchema = z
  .strictObject({
    account: limitedString('signinName').min(1),
    password: limitedString('password').min(1),
    email: limitedString('email').optional(),
    phoneNumber: limitedString('phoneNumber').optional(),
    factorTypes: z.array(FactorTypeSchema).optional(),
    userPoolName: limitedString('userPoolName').min(1).optional(),
    /** Fixed ids make a rehearsal configuration stable across restarts. Default: random 24 hex digits. */
    appId: limitedString('objectId').min(1).optional(),
    userId: limitedString('objectId').min(1).optional(),
    /** A rate limit of the user's pool (requests per second): a pool of its own to throttle. Only with userPoolName. */
    rateLimitPerSecond: z.number().int().positive().optional(),
    /** Factor types reset-factor refuses to unbind for this user. Default none. */
    refuseResetOf: z.array(FactorTypeSchema).optional(),
    /** The sign-in asks for MFA: it answers apiCode 1636 and an MFA token instead of tokens. Default false. */
    signInNeedsMfa: z.boolean().optional(),
  })
  .refine((user) => user.rateLimitPerSecond === undefined || user.userPoolName !== undefined, {
    path: ['rateLimitPerSecond'],
    error: "sets the limit of the user's pool: name a pool of its own with userPoolName",
  });
export type SeedUser = z.infer<typeof SeedUserSchema>;

/**
 * Answers replacing the error catalog's for some scenarios, e.g. `{"factorAlreadyBound":{"statusCode":409}}`:
 * a rehearsal aid that plants a disagreement for `npm run catalog:observed` to find. Unset fields keep the
 * catalog's value; the rules still decide when a scenario happens.
 */
const AnswerOverrideSchema = z.strictObject({
  httpStatus: z.number().int().min(200).max(599).optional(),
  statusCode: z
    .number()
    .int()
    .refine((code) => code !== SUCCESS_STATUS_CODE, { error: 'must not be 200, the success statusCode' })
    .optional(),
  apiCode: z.number().int().optional(),
  message: z.string().min(1).optional(),
});

export const CatalogOverridesSchema = z
  .record(z.string(), AnswerOverrideSchema)
  .superRefine((overrides, ctx) => {
    for (const scenario of Object.keys(overrides)) {
      if (!(ERROR_SCENARIOS as string[]).includes(scenario)) {
        ctx.addIssue({
          code: 'custom',
          path: [scenario],
          message: `is not a scenario of the error catalog (src/contract/error-catalog.ts)`,
        });
      }
    }
  })
  .transform(
    (overrides) => overrides as Partial<Record<ErrorScenario, z.infer<typeof AnswerOverrideSchema>>>,
  );
export type CatalogOverrides = z.infer<typeof CatalogOverridesSchema>;

/**
 * A path into an answer's JSON body: dot-separated field names, `[]` after a field for every item of its list,
 * e.g. `data.profile.phoneCountryCode` or `data[].profile`.
 */
const ANSWER_PATH = /^([A-Za-z_$][\w$-]*(\[\])?\.)*[A-Za-z_$][\w$-]*$/;

/** The envelope fields an error answer takes from the catalog: `catalogOverrides` changes those. */
const CATALOG_FIELDS = new Set(['statusCode', 'apiCode', 'message']);

/** What a planted change does to the field at its path. */
export const SHAPE_CHANGES = ['add', 'null', 'retype', 'remove'] as const;

/**
 * One planted change of a named answer (a rehearsal aid, like `catalogOverrides`): `add` sets the field
 * wherever its parent object is, `null` and `retype` replace it where it is, `remove` deletes it where it is.
 * `answer` is `success` or an error catalog scenario. The answer is changed as the last thing before it is
 * sent, after the contract check, so a planted change may break the contract on purpose.
 */
const ShapeOverrideSchema = z
  .strictObject({
    operation: z.enum(OPERATION_NAMES as [OperationName, ...OperationName[]], {
      error: `must be an operation: ${OPERATION_NAMES.join(', ')}`,
    }),
    answer: z
      .string()
      .default('success')
      .refine((answer) => answer === 'success' || (ERROR_SCENARIOS as string[]).includes(answer), {
        error: 'must be success or a scenario of the error catalog (src/contract/error-catalog.ts)',
      })
      .transform((answer) => answer as 'success' | ErrorScenario),
    path: z
      .string()
      .regex(ANSWER_PATH, {
        error: 'must be field names joined by dots, [] after a list, ending in a field, e.g. data[].profile',
      })
      .refine((path) => !CATALOG_FIELDS.has(path), {
        error:
          'is an envelope field the error catalog decides: plant it with catalogOverrides (MOCK_CATALOG_OVERRIDES)',
      }),
    change: z.enum(SHAPE_CHANGES, { error: `must be one of ${SHAPE_CHANGES.join(', ')}` }),
    value: z.json().optional(),
  })
  .superRefine((override, ctx) => {
    const needsValue = override.change === 'add' || override.change === 'retype';
    if (needsValue && override.value === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `is required: ${override.change} sets the field to it`,
      });
    }
    if (!needsValue && override.value !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `has no use: ${override.change} takes no value`,
      });
    }
  });
export type ShapeOverride = z.output<typeof ShapeOverrideSchema>;

export const ShapeOverridesSchema = z.array(ShapeOverrideSchema);
export type ShapeOverrides = z.output<typeof ShapeOverridesSchema>;

/** A Host header value: `name`, `name:port` or `[v6]:port`. */
export const HostValueSchema = z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i, {
  error: 'must be a host name, optionally with :port',
});
