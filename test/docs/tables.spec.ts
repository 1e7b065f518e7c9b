import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFECT_IDS } from '../../src/mock/defects';
import { run, tsxArgs } from '../../src/process/run';

/** The rows of the first Markdown table after `heading`: cells trimmed, header and rule left out. */
function tableAfter(file: string, heading: string): string[][] {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(heading);
  expect(start, `${file} has a section "${heading}"`).toBeGreaterThanOrEqual(0);
  const lines = text.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** The provider defect ids a file names (in `scenario({ defects })` and the like). */
function defectsNamedIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return DEFECT_IDS.filter((id) => text.includes(`'${id}'`)).sort();
}

test('the generated parts of docs/ are up to date with the code', async () => {
  const result = await run(process.execPath, tsxArgs('cli/docs.ts', '--check'), { capture: true });
  expect(result.output).toBe('');
  expect(result.exitCode).toBe(0);
});

test('the suites table of docs/environments.md lists every API suite file and exactly the defects it names', () => {
  const files = readdirSync('suites/api')
    .filter((file) => file.endsWith('.spec.ts'))
    .sort();
  const rows = tableAfter('docs/environments.md', '## The suites');
  const documented = new Map(
    rows.map(([file = '', , defects = '']) => [
      file.replaceAll('`', ''),
      defects
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean)
        .sort(),
    ]),
  );
  expect([...documented.keys()].sort(), 'the files of the table').toEqual(files);
  for (const file of files) {
    expect(documented.get(file), `the defects ${file} names`).toEqual(
      defectsNamedIn(join('suites/api', file)),
    );
  }
});
