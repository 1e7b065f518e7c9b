import { z } from '../contract/zod';
import { shardOf } from '../shards';
import { type Declaration, variable, variableWithDefault } from './declaration';
import { httpUrl, optionalText, wholeNumber } from './parsers';
import { ROLE_NAMES, ROLE_USERS_EXAMPLE, roleUsersVariable } from './role-users';

/** The environment the suites run against, its designated users, its limits and the test data sent to it. */

export const DEFAULT_TARGET_ENV = 'mock';

export const TARGET_VARIABLES = {
  TARGET_ENV: variableWithDefault({
    group: 'target',
    description:
      'The environment the suites run against; its variables may live in .env.<TARGET_ENV> (loaded after .env; variables already set in the process win).',
    default: DEFAULT_TARGET_ENV,
    parser: optionalText.pipe(
      z
        .string()
        .regex(/^[\w.-]+$/, { error: 'may contain only letters, digits, ".", "_" and "-"' })
        .optional(),
    ),
  }),
  GENAUTH_BASE_URL: variable({
    group: 'target',
    description:
      'The application domain of the environment. On `mock`, a mock you started yourself (`npm run mock`), whose control plane is then used through the same origin (through another host name or port, start it with MOCK_CONTROL_HOSTS).',
    unset: 'required on a real environment; on `mock`, an embedded mock is started per worker',
    parser: httpUrl('https://example.genauth.ai'),
  }),
  GENAUTH_APP_ID: variable({
    group: 'target',
    description: 'The application ID, sent as x-authing-app-id.',
    unset: 'required on a real environment (mock users bring their own)',
    parser: optionalText,
  }),
} satisfies Record<string, Declaration>;

export const USER_VARIABLES = {
  GENAUTH_ACCESS_TOKEN: variable({
    group: 'users',
    description: "The designated user's access token.",
    unset: 'GENAUTH_ACCOUNT and GENAUTH_PASSWORD are used; one of the two is required on a real environment',
    parser: optionalText,
  }),
  GENAUTH_ACCOUNT: variable({
    group: 'users',
    description:
      "The designated user's account (username, email or phone number), signed in with GENAUTH_PASSWORD.",
    unset: 'GENAUTH_ACCESS_TOKEN is used',
    parser: optionalText,
  }),
  GENAUTH_PASSWORD: variable({
    group: 'users',
    description: "The designated user's password; set together with GENAUTH_ACCOUNT.",
    unset: 'GENAUTH_ACCESS_TOKEN is used',
    parser: optionalText,
  }),
  'GENAUTH_ACCESS_TOKEN_<n>': variable({
    group: 'users',
    description:
      'More designated users, numbered 2, 3, …: each test takes the first user whose factor types it binds are free, so tests of the same type run side by side instead of taking turns. Same requirements as the designated user. A nightly at the documented 60 s TTL needs one user per pact plus one (docs/environments.md, "How long a nightly run takes").',
    unset: 'one designated user',
    parser: optionalText,
  }),
  'GENAUTH_ACCOUNT_<n>': variable({
    group: 'users',
    description: 'The account of designated user <n>, signed in with GENAUTH_PASSWORD_<n>.',
    unset: 'GENAUTH_ACCESS_TOKEN_<n> is used',
    parser: optionalText,
  }),
  'GENAUTH_PASSWORD_<n>': variable({
    group: 'users',
    description: 'The password of designated user <n>; set together with GENAUTH_ACCOUNT_<n>.',
    unset: 'GENAUTH_ACCESS_TOKEN_<n> is used',
    parser: optionalText,
  }),
  DESIGNATED_USERS_SHARD: variable({
    group: 'users',
    description:
      'i/n: shard i of n shards running at the same time on different machines (whose locks cannot reach each other) takes the users i, i+n, i+2n, … of the pool (the designated user is number 1). Refused when the pool has fewer than n users.',
    unset: 'the whole pool',
    parser: optionalText.transform((value, ctx) => {
      if (value === undefined) return undefined;
      const share = shardOf(value);
      if (share) return share;
      ctx.addIssue({
        code: 'custom',
        message: 'must be i/n with 1 ≤ i ≤ n, e.g. 1/2: this shard of n running at the same time',
      });
      return z.NEVER;
    }),
  }),
  GENAUTH_OTHER_ACCESS_TOKEN: variable({
    group: 'users',
    description: 'A second user, for "another user\'s enrollment token": an access token.',
    unset: 'those tests are skipped',
    parser: optionalText,
  }),
  GENAUTH_OTHER_ACCOUNT: variable({
    group: 'users',
    description: 'The second user as an account, signed in with GENAUTH_OTHER_PASSWORD.',
    unset: 'GENAUTH_OTHER_ACCESS_TOKEN is used',
    parser: optionalText,
  }),
  GENAUTH_OTHER_PASSWORD: variable({
    group: 'users',
    description: "The second user's password; set together with GENAUTH_OTHER_ACCOUNT.",
    unset: 'GENAUTH_OTHER_ACCESS_TOKEN is used',
    parser: optionalText,
  }),
  GENAUTH_ROLE_USERS: variable({
    group: 'users',
    description: `Users set up for one purpose each, as JSON of role → user: ${ROLE_NAMES.join(', ')} (docs/environments.md, "Users for one purpose", says what each is and what to create in the console). A user is {"account","password"} or {"accessToken"}, plus "appId" where its application is not GENAUTH_APP_ID (required for otherApp, factorTypesDisabled and throttling) and "disabledFactorTypes" for factorTypesDisabled; e.g. ${ROLE_USERS_EXAMPLE}. Every role user is a user of its own, never a designated one.`,
    unset: 'no role user: the tests that need one are skipped, each naming the role it needs',
    parser: roleUsersVariable,
  }),
  GENAUTH_USER_POOL_NAME: variable({
    group: 'users',
    description: 'The issuer the environment writes into OTP qrCodeUri.',
    unset: 'the issuer is not checked',
    parser: optionalText,
  }),
} satisfies Record<string, Declaration>;

export const TEST_DATA_VARIABLES = {
  FACE_PHOTO_URL: variable({
    group: 'test-data',
    description:
      'A face photo the environment accepts for FACE, as an http(s) URL (sent with isExternalPhoto true).',
    unset:
      'FACE_PHOTO_KEY is used; one of the two is required on a real environment (the mock takes generated URLs)',
    parser: httpUrl('https://cdn.example.com/faces/test-user.jpg'),
  }),
  FACE_PHOTO_KEY: variable({
    group: 'test-data',
    description: 'A face photo as an upload key from /api/v2/upload (sent with isExternalPhoto false).',
    unset: 'FACE_PHOTO_URL is used',
    parser: optionalText,
  }),
  TEST_EMAIL_DOMAIN: variableWithDefault({
    group: 'test-data',
    description: 'The domain of generated email addresses: one the EMAIL inbox receives for.',
    default: 'example.com',
    parser: optionalText.pipe(
      z
        .string()
        .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i, { error: 'must be a domain name, e.g. example.com' })
        .optional(),
    ),
  }),
  FAKER_SEED: variable({
    group: 'test-data',
    description:
      "The seed of faker (phone numbers, emails, photo URLs) and fast-check; set it to repeat a run's data.",
    unset: 'random, printed at the start of the run and recorded on every test',
    parser: wholeNumber(0),
  }),
} satisfies Record<string, Declaration>;

export const LIMIT_VARIABLES = {
  THROTTLE_BURST: variable({
    group: 'limits',
    description:
      "Parallel requests known to exceed the rate limit of the throttling role's user pool (GENAUTH_ROLE_USERS), at least 2: the burst goes to that user alone, so it locks out nobody else.",
    unset: 'the throttling check is skipped on a real environment',
    parser: wholeNumber(2),
  }),
  PAYLOAD_LIMIT_BYTES: variable({
    group: 'limits',
    description: "The environment's request body limit in bytes.",
    unset: 'the oversized-body check is skipped on a real environment',
    parser: wholeNumber(1),
  }),
} satisfies Record<string, Declaration>;
