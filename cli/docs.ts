/**
 * `npm run docs`: rewrites the parts of docs/ that copy the code (between `<!-- generated: <name> -->` and
 * `<!-- end: <name> -->`), so a table cannot drift from what it lists. `npm run docs -- --check` changes
 * nothing and exits 1 when a generated part is out of date (a self-test runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { HarnessError, prefixed } from '../src/errors';
import { DEFECT_IDS, DEFECTS } from '../src/mock/defects';
import { runMain } from './main';

interface GeneratedPart {
  readonly file: string;
  readonly name: string;
  readonly render: () => string;
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|');

/** Every provider defect of src/mock/defects.ts, with the rule of src/mock/rules.ts it replaces. */
function defectTable(): string {
  const rows = DEFECT_IDS.map((id) => {
    const { description, overrides } = DEFECTS[id];
    const rules = Object.keys(overrides).map((rule) => `\`${rule}\``);
    return `| \`${id}\` | ${escapeCell(description)} | ${rules.join(', ')} |`;
  });
  return ['| Id | Defect | Rule it replaces |', '| --- | --- | --- |', ...rows].join('\n');
}

const PARTS: readonly GeneratedPart[] = [{ file: 'docs/mock.md', name: 'defects', render: defectTable }];

function regenerate(text: string, part: GeneratedPart): string {
  const start = `<!-- generated: ${part.name} -->`;
  const end = `<!-- end: ${part.name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    throw new HarnessError(
      `${part.file} has no "${start}" … "${end}" section for the generated ${part.name}`,
    );
  }
  return `${text.slice(0, from + start.length)}\n${part.render()}\n${text.slice(to)}`;
}

runMain(() => {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const part of PARTS) {
    const text = readFileSync(part.file, 'utf8');
    const updated = regenerate(text, part);
    if (updated === text) continue;
    stale.push(`${part.file} (${part.name})`);
    if (!check) writeFileSync(part.file, updated);
  }
  if (stale.length === 0) return 0;
  const what = stale.join(', ');
  process.stderr.write(
    `${prefixed(check ? `out of date: ${what}; run \`npm run docs\` and commit the result` : `regenerated ${what}`)}\n`,
  );
  return check ? 1 : 0;
});
