import { z } from '../contract/zod';
import { type Declaration, variable, variableWithDefault } from './declaration';
import { httpUrl, latencyRange, oneOf, optionalText, wholeNumber } from './parsers';

/** Where the suites read SMS and EMAIL codes, and the times they allow the environment. */

export const INBOX_KINDS = ['mock', 'maildev', 'http-json', 'static'] as const;

/** A code in a message: four or six digits standing alone (GenAuth sends either, per the app's settings). */
const DEFAULT_CODE_PATTERN = '(?<!\\d)\\d{4}(?:\\d{2})?(?!\\d)';

const INBOX_UNSET = '`mock` on TARGET_ENV=mock; required on a real environment';

export const INBOX_VARIABLES = {
  SMS_INBOX: variable({
    group: 'inboxes',
    description: `Where SMS codes are read: ${INBOX_KINDS.join(', ')}.`,
    unset: INBOX_UNSET,
    parser: oneOf(INBOX_KINDS),
  }),
  SMS_INBOX_URL: variable({
    group: 'inboxes',
    description: 'The HTTP address of the maildev or http-json SMS inbox.',
    unset: 'required by those two kinds',
    parser: httpUrl('http://127.0.0.1:4170/messages'),
  }),
  SMS_STATIC_CODE: variable({
    group: 'inboxes',
    description: "The environment's fixed SMS test code, for SMS_INBOX=static.",
    unset: 'required by that kind',
    parser: optionalText,
  }),
  EMAIL_INBOX: variable({
    group: 'inboxes',
    description: `Where EMAIL codes are read: ${INBOX_KINDS.join(', ')}.`,
    unset: INBOX_UNSET,
    parser: oneOf(INBOX_KINDS),
  }),
  EMAIL_INBOX_URL: variable({
    group: 'inboxes',
    description: 'The HTTP address of the maildev or http-json EMAIL inbox.',
    unset: 'required by those two kinds',
    parser: httpUrl('http://127.0.0.1:1080'),
  }),
  EMAIL_STATIC_CODE: variable({
    group: 'inboxes',
    description: "The environment's fixed EMAIL test code, for EMAIL_INBOX=static.",
    unset: 'required by that kind',
    parser: optionalText,
  }),
  CODE_PATTERN: variableWithDefault({
    group: 'inboxes',
    description:
      "How a code is found in a message's text, a regular expression. The default finds four or six digits standing alone (GenAuth applications send either length).",
    default: DEFAULT_CODE_PATTERN,
    parser: optionalText.transform((source, ctx) => {
      if (source === undefined) return undefined;
      try {
        return new RegExp(source);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not a valid regular expression' });
        return z.NEVER;
      }
    }),
  }),
  CODE_TIMEOUT_MS: variableWithDefault({
    group: 'inboxes',
    description: 'How long to wait for a code to arrive, in milliseconds.',
    default: '10000',
    parser: wholeNumber(1),
  }),
} satisfies Record<string, Declaration>;

export const TIMING_VARIABLES = {
  ENROLLMENT_TOKEN_TTL_SECONDS: variableWithDefault({
    group: 'timing',
    description:
      'The enrollment token TTL the environment applies, in seconds (60 is documented). On `mock` the embedded mock is started with it; a running mock reports its own.',
    default: '60',
    parser: wholeNumber(1),
  }),
  EXPIRY_MARGIN_MS: variableWithDefault({
    group: 'timing',
    description:
      "How far before and after the TTL the expiry checks enroll, in milliseconds. On a real environment it must exceed one request's latency.",
    default: '1000',
    parser: wholeNumber(1),
  }),
  LATENCY_MS: variable({
    group: 'timing',
    description:
      "How long the environment takes to answer a request, a range of milliseconds `<min>-<max>`, e.g. 100-200. Every test's timeout, and the Pact verifier's, allows for the slowest: a test's own 30 s plus 50 requests at <max>, plus what it waits (the TTL, a code, a designated user).",
    unset: 'MOCK_LATENCY_MS on the mock (none unless set), 0-1000 on a real environment',
    parser: latencyRange,
  }),
} satisfies Record<string, Declaration>;
