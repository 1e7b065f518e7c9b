import { GROUPS, type Group } from './declaration';
import { declarations, declaredNameOf } from './schema';

/**
 * `.env.example`, generated from the declarations: the variables a user sets, group by group, each with what
 * it means and its default. `npm run docs` writes it; `npm run lint` checks it is current.
 */

/** The most variables `.env.example` may list (a numbered one, `GENAUTH_ACCOUNT_<n>`, counts once). */
export const MAX_USER_VARIABLES = 50;

const WIDTH = 110;

/** `text` as comment lines of at most `WIDTH` characters. */
function commentLines(text: string): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.length + 1 + word.length > WIDTH && line !== '#') {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  if (line !== '#') lines.push(line);
  return lines;
}

/** What an unset variable means: `Default: 60.` or `Unset: required on a real environment.` */
function defaultSentence(declaration: { readonly default?: string; readonly unset?: string }): string {
  if (declaration.default !== undefined) return `Default: ${declaration.default}.`;
  return `Unset: ${declaration.unset ?? 'not used'}.`;
}

const HEADER = [
  'enroll-factor-harness: the variables a user sets. Copy this file to .env (or .env.<TARGET_ENV>) and fill in what',
  'your target needs; an empty value is unset. Load order: variables already set in the process win, then',
  '.env.<TARGET_ENV>, then .env. A missing or bad variable stops the run before any test, listing every problem.',
  'The knobs of npm run mock, the self-tests and the benchmarks, and what CI systems set, are in docs/variables.md.',
  'Generated from src/config/ by `npm run docs`.',
];

export function renderEnvExample(): string {
  const users = declarations().filter(({ declaration }) => declaration.setBy === 'user');
  const out = HEADER.map((line) => `# ${line}`);
  for (const group of Object.keys(GROUPS) as Group[]) {
    const members = users.filter(({ declaration }) => declaration.group === group);
    if (members.length === 0) continue;
    const { title, intro } = GROUPS[group];
    out.push('', `# ---- ${title} ${'-'.repeat(Math.max(4, WIDTH - title.length - 8))}`);
    if (intro) out.push(...commentLines(intro));
    for (const { name, declaration } of members) {
      const numbered = name.includes('<n>');
      const label = numbered ? `${name}: ` : '';
      out.push('', ...commentLines(`${label}${declaration.description} ${defaultSentence(declaration)}`));
      out.push(`${numbered ? name.replace('<n>', '2') : name}=`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The variables a `.env`-style text assigns, a numbered one under its declared `<n>` name. */
export function listedVariables(text: string): string[] {
  const names = [...text.matchAll(/^\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1] ?? '');
  return [...new Set(names.map((name) => declaredNameOf(name) ?? name))];
}
