/**
 * `npm run lint` step: no TypeScript file in src, cli, fixtures or suites is over MAX_LINES lines, so a file
 * stays one concept a reader can hold. The vendored OpenAPI JSON and the self-tests (test/) are exempt.
 *
 *   tsx cli/lint-file-size.ts [root]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { prefixed } from '../src/errors';
import { runMain } from './main';

const MAX_LINES = 400;
const CHECKED = ['src', 'cli', 'fixtures', 'suites'] as const;

/** Every checked TypeScript file over the limit, with its line count. */
function oversizedFiles(root: string): { file: string; lines: number }[] {
  return CHECKED.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((entry) => /\.(c|m)?ts$/.test(entry))
      .map((entry) => {
        const file = join(root, folder, entry);
        return { file: relative(root, file), lines: readFileSync(file, 'utf8').split('\n').length - 1 };
      })
      .filter(({ lines }) => lines > MAX_LINES),
  );
}

runMain(() => {
  const oversized = oversizedFiles(process.argv[2] ?? process.cwd());
  for (const { file, lines } of oversized) {
    process.stderr.write(
      `${prefixed(`${file} has ${lines} lines, more than ${MAX_LINES}: split it into modules by job`)}\n`,
    );
  }
  return oversized.length === 0 ? 0 : 1;
});
