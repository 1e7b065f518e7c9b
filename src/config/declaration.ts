import type { z } from '../contract/zod';
import { withDefault } from './parsers';

/**
 * What the configuration says of one variable: who sets it, where it is documented, what it means, its
 * default and its parser. `.env.example` lists the variables a user sets; `docs/variables.md` every other.
 */

/** The groups of variables, in the order `.env.example` and `docs/variables.md` list them. */
export const GROUPS = {
  target: {
    title: 'Target',
    intro:
      '`mock` (default) is the embedded mock, driven through its control plane (a fresh user per test, virtual time, codes from its outbox). Any other name is a real environment, reached only through the public API.',
  },
  users: {
    title: 'Designated test users (real environments)',
    intro:
      'A user is an access token, or an account and password to sign in with (POST /api/v3/signin, password connection). A designated user has an email address or phone number (FACE needs one) and no MFA factor enrolled: the suites bind every factor type themselves, reset what they bound after each test and check that the factors are exactly as found. Tests binding the same factor type take turns on one user (a lock shared by every worker).',
  },
  'test-data': { title: 'Test data', intro: '' },
  inboxes: {
    title: 'Code inboxes',
    intro:
      "Where SMS and EMAIL codes are read: `mock`, the mock's outbox (TARGET_ENV=mock only); `maildev`, a maildev mail catcher's HTTP API (/api/email, or /email on maildev 1-2), *_INBOX_URL its web URL; `http-json`, GET <*_INBOX_URL>?to=<recipient> answering a JSON array (or {messages}) of messages that name the recipient (to, phoneNumber, phone, mobile, email) and carry the code (code, passCode, or in text, message, content, body, subject), e.g. the sink behind a tenant's custom SMS provider webhook; `static`, the environment's fixed test code (*_STATIC_CODE) for every number and address. Codes go to generated numbers and addresses: the inbox must receive for any of them (a catch-all mail domain, a custom SMS provider sink); never point a real environment's SMS provider at real phone numbers.",
  },
  timing: { title: 'Timing', intro: '' },
  limits: {
    title: 'Limits of a real environment',
    intro: 'Unset, the checks that provoke them are skipped on a real environment; the mock reports its own.',
  },
  reporting: { title: 'Reports, gate and nightly', intro: 'See docs/reporting.md.' },
  notifications: {
    title: 'Notifications',
    intro: 'Where the nightly and the gate summary post their outcome, and the link they give.',
  },
  pact: { title: 'Pact', intro: 'See docs/contract-testing.md.' },
  broker: {
    title: 'Pact Broker workflow',
    intro:
      'npm run pact:publish, pact:verify:broker, pact:can-i-deploy and pact:record-deployment (docs/contract-testing.md). Credentials: a token, or a username and password, not both; they never go on a command line.',
  },
  mock: {
    title: 'Mock',
    intro:
      'Read by `npm run mock` (its flags win; docs/mock.md), some also by the embedded mock the suites start on TARGET_ENV=mock.',
  },
  harness: { title: 'Harness internals', intro: 'Set by the harness for the processes of one run.' },
  'self-test': { title: 'Self-tests', intro: 'The sensitivity self-test and the reporting self-tests.' },
  bench: { title: 'Benchmarks', intro: '`npm run bench`.' },
  compat: {
    title: 'pact-js compatibility',
    intro: '`npm run compat:pact-next` (docs/contract-testing.md).',
  },
  ci: {
    title: 'Set by CI systems and the operating system',
    intro: 'Read for the run information, the broker and child processes; never set them by hand.',
  },
} as const satisfies Record<string, { readonly title: string; readonly intro: string }>;

export type Group = keyof typeof GROUPS;

/** `user`: listed in `.env.example`; `internal`: the harness's own tools and runs; `ci`: CI systems and Node. */
export type SetBy = 'user' | 'internal' | 'ci';

export interface Declaration<P extends z.ZodType = z.ZodType> {
  readonly group: Group;
  readonly setBy: SetBy;
  readonly description: string;
  /** The value an unset or blank variable takes, as written in a `.env` file; parsed like any other. */
  readonly default?: string;
  /** What happens when it is unset, where no one value stands in (required, computed, or off). */
  readonly unset?: string;
  /** Parses the variable's text; with `default`, never unset. */
  readonly parser: P;
}

interface DeclarationInput<P extends z.ZodType> {
  readonly group: Group;
  readonly setBy?: SetBy;
  readonly description: string;
  readonly unset?: string;
  readonly parser: P;
}

/** A variable without a default value: `unset` says what happens without it. */
export function variable<P extends z.ZodType>(input: DeclarationInput<P>): Declaration<P> {
  return { setBy: 'user', ...input };
}

/** A variable with a default value, which goes through `parser` like a value a user writes. */
export function variableWithDefault<P extends z.ZodType>(
  input: DeclarationInput<P> & { readonly default: string },
): Declaration<z.ZodType<NonNullable<z.output<P>>, z.input<P>>> {
  return { setBy: 'user', ...input, parser: withDefault(input.parser, input.default) };
}
