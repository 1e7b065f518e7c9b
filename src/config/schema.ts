import { z } from '../contract/zod';
import { CI_VARIABLES } from './ci';
import { COMPAT_VARIABLES } from './compat';
import { ConfigurationError } from './configuration-error';
import type { Declaration } from './declaration';
import { INBOX_VARIABLES, TIMING_VARIABLES } from './inboxes';
import { MOCK_VARIABLES } from './mock';
import { BROKER_VARIABLES, PACT_VARIABLES } from './pact';
import { type Env, variableProblems } from './parsers';
import { HARNESS_VARIABLES, NOTIFICATION_VARIABLES, REPORTING_VARIABLES } from './reporting';
import { BENCH_VARIABLES, SELF_TEST_VARIABLES } from './self-tests';
import { LIMIT_VARIABLES, TARGET_VARIABLES, TEST_DATA_VARIABLES, USER_VARIABLES } from './target';

/**
 * Every variable the harness reads, declared once: readers pick the ones they need (`variablesSchema`,
 * `readVariables`) and add only what ties several together. `.env.example` and `docs/variables.md` are
 * generated from these declarations (`npm run docs`), and `npm run lint` checks that the code reads
 * no other variable.
 */

/** The declarations by group file; no name may appear twice (`test/config/schema.spec.ts`). */
export const DECLARATION_SETS: readonly Readonly<Record<string, Declaration>>[] = [
  TARGET_VARIABLES,
  USER_VARIABLES,
  TEST_DATA_VARIABLES,
  INBOX_VARIABLES,
  TIMING_VARIABLES,
  LIMIT_VARIABLES,
  REPORTING_VARIABLES,
  NOTIFICATION_VARIABLES,
  PACT_VARIABLES,
  BROKER_VARIABLES,
  MOCK_VARIABLES,
  HARNESS_VARIABLES,
  SELF_TEST_VARIABLES,
  BENCH_VARIABLES,
  COMPAT_VARIABLES,
  CI_VARIABLES,
];

export const VARIABLES = {
  ...TARGET_VARIABLES,
  ...USER_VARIABLES,
  ...TEST_DATA_VARIABLES,
  ...INBOX_VARIABLES,
  ...TIMING_VARIABLES,
  ...LIMIT_VARIABLES,
  ...REPORTING_VARIABLES,
  ...NOTIFICATION_VARIABLES,
  ...PACT_VARIABLES,
  ...BROKER_VARIABLES,
  ...MOCK_VARIABLES,
  ...HARNESS_VARIABLES,
  ...SELF_TEST_VARIABLES,
  ...BENCH_VARIABLES,
  ...COMPAT_VARIABLES,
  ...CI_VARIABLES,
};

type Declared = typeof VARIABLES;
export type VariableName = keyof Declared;
type Parsers<N extends VariableName> = { -readonly [K in N]: Declared[K]['parser'] };

/** The parser of one variable, for a reader that checks it further (e.g. against ids declared above the config). */
export function parserOf<N extends VariableName>(name: N): Declared[N]['parser'] {
  return VARIABLES[name].parser;
}

/** A zod object of the named variables, for a reader that adds what ties them together. */
export function variablesSchema<const N extends VariableName>(names: readonly N[]) {
  return z.object(Object.fromEntries(names.map((name) => [name, VARIABLES[name].parser])) as Parsers<N>);
}

export type Variables<N extends VariableName> = z.output<ReturnType<typeof variablesSchema<N>>>;

/**
 * The named variables of `env`, parsed. A problem throws `problemsError(problems)`, every problem of them
 * at once, one line each, named by variable.
 */
export function readVariables<const N extends VariableName>(
  env: Env,
  names: readonly N[],
  problemsError: (problems: string[]) => ConfigurationError = invalidVariables,
): Variables<N> {
  const parsed = variablesSchema(names).safeParse(env);
  if (!parsed.success) throw problemsError(variableProblems(parsed.error.issues));
  return parsed.data;
}

function invalidVariables(problems: readonly string[]): ConfigurationError {
  return new ConfigurationError(problems, {
    heading: 'Some variables are invalid:',
    fix: 'Fix them in the environment or in .env, or leave them unset for the defaults; .env.example and docs/variables.md describe every variable.',
  });
}

/** `GENAUTH_ACCOUNT_<n>` stands for `GENAUTH_ACCOUNT_2`, `GENAUTH_ACCOUNT_3`, … */
export function declaredNameOf(name: string): VariableName | undefined {
  if (name in VARIABLES) return name as VariableName;
  const numbered = name.replace(/_\d+$/, '_<n>');
  return numbered !== name && numbered in VARIABLES ? (numbered as VariableName) : undefined;
}

/** The declarations in the order of their groups, then of their files. */
export function declarations(): { readonly name: VariableName; readonly declaration: Declaration }[] {
  return Object.entries(VARIABLES).map(([name, declaration]) => ({
    name: name as VariableName,
    declaration,
  }));
}
