import { type Declaration, GROUPS } from './declaration';
import { declarations } from './schema';

/**
 * `docs/variables.md`, generated from the declarations: every variable `.env.example` does not list, in one
 * table. `npm run docs` writes it; `npm run lint` checks it is current.
 */

const SET_BY = { user: 'user', internal: 'internal', ci: 'CI / system' } as const;

/** A table cell: pipes and angle brackets escaped outside code spans, so `<n>` and `a|b` show as written. */
function cell(text: string): string {
  return text
    .split('`')
    .map((part, index) => (index % 2 === 1 ? part.replace(/\|/g, '\\|') : part.replace(/([|<>])/g, '\\$1')))
    .join('`');
}

/** The default column: the value an unset variable takes, or what happens without it. */
function defaultCell(declaration: Declaration): string {
  return declaration.default === undefined ? cell(declaration.unset ?? '') : `\`${declaration.default}\``;
}

const INTRO = `# Variables

What a user sets (the target, the designated users, test data, code inboxes, timing, limits, reports,
notifications, the consumers of the pact and the Pact Broker workflow) is in [\`.env.example\`](../.env.example),
each with its default. This table lists every other variable the harness reads: the knobs of \`npm run mock\`
([mock.md](mock.md)), of the pact tooling and the rest of the broker workflow
([contract-testing.md](contract-testing.md)), of reports and the nightly ([reporting.md](reporting.md)), what the
harness sets for the processes of a run, the self-tests, the benchmarks, the pact-js compatibility run, and what
CI systems and the operating system set.

Both are generated from the declarations in \`src/config/\` (name, who sets it, group, meaning, default and
parser) by \`npm run docs\`; \`npm run lint\` fails when either differs from what the declarations
generate, when \`.env.example\` lists more than 50 variables, or when the code reads a variable neither names.
`;

export function renderVariablesTable(): string {
  const order = Object.keys(GROUPS);
  const rows = declarations()
    .filter(({ declaration }) => declaration.setBy !== 'user')
    .sort((a, b) => order.indexOf(a.declaration.group) - order.indexOf(b.declaration.group))
    .map(
      ({ name, declaration }) =>
        `| \`${name}\` | ${GROUPS[declaration.group].title} | ${SET_BY[declaration.setBy]} | ${defaultCell(declaration)} | ${cell(declaration.description)} |`,
    );
  return [
    INTRO,
    '| Variable | Group | Set by | Default | What it does |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** The variables a table names in its first column. */
export function tableVariables(text: string): string[] {
  return [...text.matchAll(/^\| `([A-Z][A-Z0-9_<>n]*)` \|/gm)].map((match) => match[1] ?? '');
}
