import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listedVariables, MAX_USER_VARIABLES, renderEnvExample } from './env-example';
import { declarations, declaredNameOf } from './schema';
import { variablesReadIn } from './source-scan';
import { renderVariablesTable, tableVariables } from './variables-table';

/**
 * What `npm run lint` checks of the variables: `.env.example` and `docs/variables.md` are what the
 * declarations generate, `.env.example` stays short, and the code reads no variable neither of them names.
 */

export interface VariableDocuments {
  /** The text of `.env.example`. */
  readonly envExample: string;
  /** The text of `docs/variables.md`. */
  readonly table: string;
  /** The files that read variables, by path. */
  readonly sources: readonly { readonly path: string; readonly text: string }[];
}

/** The folders and files whose variable reads must be documented: the code the harness runs, and its configs. */
const SOURCE_DIRS = ['src', 'cli', 'fixtures', 'suites', 'bench'];
const SOURCE_FILES = ['playwright.config.ts', 'allurerc.mjs'];

/** `.env.example`, `docs/variables.md` and the sources of the checkout at `root`. */
export function readVariableDocuments(root: string): VariableDocuments {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const filesOf = (dir: string, name: RegExp) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => name.test(file))
      .map((file) => join(dir, file));
  const paths = [
    ...SOURCE_DIRS.flatMap((dir) => filesOf(dir, /\.(ts|mjs|js)$/)),
    ...SOURCE_FILES,
    ...filesOf('test', /\.config\.ts$/),
  ].sort();
  return {
    envExample: read('.env.example'),
    table: read('docs/variables.md'),
    sources: paths.map((path) => ({ path, text: read(path) })),
  };
}

const REGENERATE = 'run `npm run docs`';

export function variableDocumentProblems(documents: VariableDocuments): string[] {
  const problems: string[] = [];
  if (documents.envExample !== renderEnvExample()) {
    problems.push(
      `.env.example is not what src/config/ declares: ${REGENERATE} (and edit src/config/, not the file)`,
    );
  }
  if (documents.table !== renderVariablesTable()) {
    problems.push(
      `docs/variables.md is not what src/config/ declares: ${REGENERATE} (and edit src/config/, not the file)`,
    );
  }
  const listed = listedVariables(documents.envExample);
  if (listed.length > MAX_USER_VARIABLES) {
    problems.push(
      `.env.example lists ${listed.length} variables, more than ${MAX_USER_VARIABLES}: declare the ones a user rarely sets with setBy 'internal' (docs/variables.md lists them)`,
    );
  }
  const named = new Set([...listed, ...tableVariables(documents.table)]);
  for (const { name } of declarations()) {
    if (!named.has(name))
      problems.push(
        `${name} is declared in src/config/, but neither .env.example nor docs/variables.md names it: ${REGENERATE}`,
      );
  }
  for (const { path, text } of documents.sources) {
    for (const name of variablesReadIn(text)) {
      if (named.has(declaredNameOf(name) ?? name)) continue;
      problems.push(
        `${path} reads ${name}, which neither .env.example nor docs/variables.md names: declare it in src/config/, then ${REGENERATE}`,
      );
    }
  }
  return problems;
}
