import { FACTOR_TYPES, type FactorType, FactorTypeSchema } from '../contract';
import { z } from '../contract/zod';
import { type Declaration, variable, variableWithDefault } from './declaration';
import {
  CatalogOverridesSchema,
  CODE_LENGTH_RANGE,
  FACTOR_ID_FORMATS,
  HostValueSchema,
  LOG_LEVELS,
  MOCK_DEFAULTS,
  SeedUserSchema,
  ShapeOverridesSchema,
} from './mock-values';
import {
  commaList,
  decimalNumber,
  flag,
  jsonOf,
  latencyRange,
  nameList,
  oneOf,
  optionalText,
  wholeNumber,
} from './parsers';

/**
 * The variables of `npm run mock` (cli/mock.ts, whose flags win; docs/mock.md), some also read for the embedded
 * mock the suites start on TARGET_ENV=mock. Unset, the mock's own default applies.
 */

/** A comma-separated list of factor types, e.g. `SMS,EMAIL`. */
const factorTypeList = optionalText.transform((list, ctx) => {
  const names = commaList(list);
  const unknown = names.filter((name) => !FactorTypeSchema.safeParse(name).success);
  if (unknown.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `names no factor type: ${unknown.join(', ')}; write some of ${FACTOR_TYPES.join(', ')}, comma-separated`,
    });
  }
  return names as FactorType[];
});

/** A comma-separated list of Host values. */
const hostList = optionalText.transform((list, ctx) => {
  const hosts = commaList(list);
  for (const host of hosts) {
    const checked = HostValueSchema.safeParse(host);
    if (!checked.success) {
      ctx.addIssue({ code: 'custom', message: `"${host}" ${checked.error.issues[0]?.message}` });
    }
  }
  return hosts;
});

const mock = (description: string) => ({ group: 'mock', setBy: 'internal', description }) as const;
const mockDefault = (value: string | number) => `${value} (the mock's default)`;

export const MOCK_VARIABLES = {
  MOCK_PORT: variableWithDefault({
    ...mock('The port `npm run mock` listens on (the embedded mock takes any free port).'),
    default: String(MOCK_DEFAULTS.cliPort),
    parser: wholeNumber(0, 65_535),
  }),
  MOCK_HOST: variable({
    ...mock('The address `npm run mock` listens on; a non-loopback one needs MOCK_CONTROL_TOKEN.'),
    unset: mockDefault(MOCK_DEFAULTS.host),
    parser: optionalText,
  }),
  MOCK_DEFECTS: variable({
    ...mock(
      'Provider defects the mock ships, comma-separated ids of src/mock/defects.ts (checked against them by src/mock/defect-set.ts). Also read for the embedded mock, and checked with the rest of the configuration.',
    ),
    unset: 'none',
    parser: nameList,
  }),
  MOCK_CONTROL: variable({
    ...mock('`false` removes the `/__mock/` control plane (a real-looking environment).'),
    unset: 'true',
    parser: flag,
  }),
  MOCK_CONTROL_TOKEN: variable({
    ...mock(
      'When set, control requests must send it in x-mock-control-token; required to bind a non-loopback host. Also sent by the suites to the embedded mock, or to a mock at GENAUTH_BASE_URL on TARGET_ENV=mock.',
    ),
    unset: 'loopback callers only',
    parser: optionalText,
  }),
  MOCK_CONTROL_HOSTS: variable({
    ...mock(
      'More Host values the control plane accepts besides the address it listens on (and localhost on loopback), comma-separated: `name` for any port or `name:port`, e.g. a service name behind a proxy.',
    ),
    unset: 'none',
    parser: hostList,
  }),
  MOCK_TOKEN_TTL_SECONDS: variable({
    ...mock('The enrollment token TTL of `npm run mock`, in seconds.'),
    unset: mockDefault(MOCK_DEFAULTS.enrollmentTokenTtlSeconds),
    parser: decimalNumber(0.001),
  }),
  MOCK_ACCESS_TOKEN_TTL_SECONDS: variable({
    ...mock('The lifetime of access tokens, in seconds (the sign-in expire_in).'),
    unset: mockDefault(MOCK_DEFAULTS.accessTokenTtlSeconds),
    parser: decimalNumber(1),
  }),
  MOCK_CODE_LENGTH: variable({
    ...mock(
      `The digits of SMS and EMAIL codes, ${CODE_LENGTH_RANGE.join(' to ')}. Also read for the embedded mock (the rehearsal sets 4).`,
    ),
    unset: mockDefault(MOCK_DEFAULTS.codeLength),
    parser: wholeNumber(...CODE_LENGTH_RANGE),
  }),
  MOCK_RESEND_WINDOW_SECONDS: variable({
    ...mock('Seconds between two sends to one phone number or email.'),
    unset: mockDefault(MOCK_DEFAULTS.resendWindowSeconds),
    parser: decimalNumber(0),
  }),
  MOCK_USER_IDLE_SECONDS: variable({
    ...mock(
      'Seconds of real time after which a user created through `POST /__mock/users`, and all that is theirs, is forgotten when it made no request and no control call was made about it; seed users stay.',
    ),
    unset: mockDefault(MOCK_DEFAULTS.userIdleSeconds),
    parser: decimalNumber(0.001),
  }),
  MOCK_RATE_LIMIT_RPS: variable({
    ...mock('Requests per second per user pool before HTTP 429 (0 = off).'),
    unset: mockDefault(MOCK_DEFAULTS.rateLimitPerSecond),
    parser: wholeNumber(0),
  }),
  MOCK_BODY_LIMIT_BYTES: variable({
    ...mock('The largest request body in bytes.'),
    unset: mockDefault(MOCK_DEFAULTS.bodyLimitBytes),
    parser: wholeNumber(1024),
  }),
  MOCK_FACTOR_IDS: variable({
    ...mock(
      'Factor ids the mock issues: user-suffixed (`<userId>|phone`) or opaque (random, as a provider may issue; the sensitivity run uses them to prove the suites read ids from the answers). Also read for the embedded mock.',
    ),
    unset: mockDefault(MOCK_DEFAULTS.factorIds),
    parser: oneOf(FACTOR_ID_FORMATS),
  }),
  MOCK_USER_POOL_NAME: variable({
    ...mock('The issuer of TOTP URIs for users created without a pool name.'),
    unset: mockDefault(MOCK_DEFAULTS.defaultUserPoolName),
    parser: optionalText,
  }),
  MOCK_LATENCY_MS: variable({
    ...mock(
      'Every API answer (not the control plane) takes from <min> to <max> milliseconds, like a hosted environment across a network, e.g. 100-200. Also read for the embedded mock.',
    ),
    unset: 'none',
    parser: latencyRange,
  }),
  MOCK_REFUSE_RESET: variable({
    ...mock(
      "Factor types reset-factor refuses to unbind, comma-separated (e.g. SMS,EMAIL), as GenAuth's 2022 documentation said it did.",
    ),
    unset: 'none',
    parser: factorTypeList,
  }),
  MOCK_SEED_USERS: variable({
    ...mock(
      'Users that exist from the start and can sign in with POST /api/v3/signin (password connection), as JSON, e.g. [{"account":"rehearsal","password":"change-me","email":"rehearsal@example.test","appId":"6500000000000000000000aa"}].',
    ),
    unset: 'none',
    parser: jsonOf(
      z.array(SeedUserSchema),
      'an array such as [{"account":"rehearsal","password":"…","email":"a@example.com"}]',
    ),
  }),
  MOCK_VALIDATE_RESPONSES: variable({
    ...mock('`false` skips the contract validation of every answer (benchmarks).'),
    unset: 'true',
    parser: flag,
  }),
  MOCK_SMTP_URL: variable({
    ...mock('Also mail EMAIL codes there, e.g. smtp://127.0.0.1:1025 for maildev.'),
    unset: 'off',
    parser: optionalText,
  }),
  MOCK_SMTP_FROM: variable({
    ...mock('The sender of those emails.'),
    unset: mockDefault(MOCK_DEFAULTS.smtpFrom),
    parser: optionalText,
  }),
  MOCK_SMS_WEBHOOK_URL: variable({
    ...mock("Also POST SMS codes there as JSON, like a tenant's custom SMS provider."),
    unset: 'off',
    parser: optionalText,
  }),
  MOCK_CATALOG_OVERRIDES: variable({
    ...mock(
      'Rehearsal aid: answers replacing the error catalog\'s for some scenarios, as JSON, e.g. {"factorAlreadyBound":{"statusCode":409}} (fields httpStatus, statusCode, apiCode, message).',
    ),
    unset: 'none',
    parser: jsonOf(CatalogOverridesSchema, 'an object such as {"factorAlreadyBound":{"statusCode":409}}'),
  }),
  MOCK_SHAPE_OVERRIDES: variable({
    ...mock(
      'Rehearsal aid for the fidelity check: changes planted in named answers as they leave, as a JSON list, e.g. [{"operation":"getFactor","path":"data.profile.phoneCountryCode","change":"null"}] (fields operation, answer: success or an error catalog scenario, path with [] for list items, change: add, null, retype or remove, value for add and retype).',
    ),
    unset: 'none',
    parser: jsonOf(
      ShapeOverridesSchema,
      'a list such as [{"operation":"getFactor","path":"data.profile.phoneCountryCode","change":"null"}]',
    ),
  }),
  MOCK_LOG_LEVEL: variableWithDefault({
    ...mock(
      `The log level of \`npm run mock\`, ${LOG_LEVELS.join(', ')}: one JSON line per request, secrets redacted.`,
    ),
    default: MOCK_DEFAULTS.cliLogLevel,
    parser: oneOf(LOG_LEVELS),
  }),
} satisfies Record<string, Declaration>;
