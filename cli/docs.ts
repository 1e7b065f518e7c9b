/**
 * `npm run docs`: rewrites what the documentation copies from the code, so it cannot drift from what it
 * lists: `.env.example` and `docs/variables.md` from the declarations in src/config/, and the parts of docs/
 * between `<!-- generated: <name> -->` and `<!-- end: <name> -->` (the defect table). `npm run docs -- --check`
 * changes nothing and exits 1 when something is out of date (a self-test runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderEnvExample } from '../src/config/env-example';
import { renderVariablesTable } from '../src/config/variables-table';
import { HarnessError, prefixed } from '../src/errors';
import { DEFECT_IDS, DEFECTS } from '../src/mock/defects';
import { runMain } from './main';

interface GeneratedPart {
  readonly file: string;
  /** The section's name; none: the whole file is generated. */
  readonly name?: string;
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

const PARTS: readonly GeneratedPart[] = [
  { file: '.env.example', render: renderEnvExample },
  { file: 'docs/variables.md', render: renderVariablesTable },
  { file: 'docs/mock.md', name: 'defects', render: defectTable },
];

function regenerate(text: string, part: GeneratedPart): string {
  if (part.name === undefined) return part.render();
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
    stale.push(part.name ? `${part.file} (${part.name})` : part.file);
    if (!check) writeFileSync(part.file, updated);
  }
  if (stale.length === 0) return 0;
  const what = stale.join(', ');
  process.stderr.write(
    `${prefixed(check ? `out of date: ${what}; run \`npm run docs\` and commit the result` : `regenerated ${what}`)}\n`,
  );
  return check ? 1 : 0;
});
