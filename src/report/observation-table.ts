import { prefixed } from '../errors';
import type { ObservationRow, ObservationTable, ObservedAnswer } from './observations';

/** How a table of observed errors reads: aligned columns for the terminal, Markdown for the report. */

function describeValue(field: 'statusCode' | 'apiCode', value: number | undefined): string {
  return value === undefined ? `no ${field}` : `${field} ${value}`;
}

/** An answer in one line: `HTTP 200, statusCode 409, no apiCode`. */
export function describeAnswer(answer: Omit<ObservedAnswer, 'message'>): string {
  return `HTTP ${answer.httpStatus}, ${describeValue('statusCode', answer.statusCode)}, ${describeValue('apiCode', answer.apiCode)}`;
}

function cells(row: ObservationRow): [string, string, string, string] {
  const catalog = row.catalog ? describeAnswer(row.catalog) : '(not in the catalog)';
  const observed = row.variants
    .map((variant) => `${describeAnswer(variant.answer)} ×${variant.count}`)
    .join('; ');
  return [row.scenario, catalog, observed, row.agrees ? 'agree' : 'DISAGREE'];
}

const HEADINGS = ['scenario', 'catalog answer', 'observed answer', 'verdict'] as const;

function summary(table: ObservationTable): string {
  const disagreements = table.rows.filter((row) => !row.agrees).length;
  return `${table.observations} observed error(s) of ${table.rows.length} assumed scenario(s) on ${table.target}: ${disagreements} disagree with the error catalog`;
}

/** The table for the terminal: aligned columns, then one proposal per disagreement. */
export function formatObservationTable(table: ObservationTable): string {
  const lines = [prefixed(summary(table))];
  if (table.rows.length === 0) return `${lines[0]} (a run on the mock records none: it is asserted exactly)`;
  const body = table.rows.map(cells);
  const widths = HEADINGS.map((heading, column) =>
    Math.max(heading.length, ...body.map((row) => row[column]?.length ?? 0)),
  );
  const line = (row: readonly string[]) =>
    `  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd();
  lines.push(line(HEADINGS), line(widths.map((width) => '-'.repeat(width))), ...body.map(line));
  const proposals = table.rows.filter((row) => row.proposal);
  if (proposals.length > 0) {
    lines.push('', 'Proposed catalog changes (src/contract/error-catalog.ts):');
    for (const row of proposals) lines.push(`  - ${row.proposal}`);
  }
  return lines.join('\n');
}

/** The same table in Markdown, for the report. */
export function observationMarkdown(table: ObservationTable): string {
  const cellText = (cell: string) => cell.replaceAll('|', '\\|');
  const lines = [
    summary(table),
    '',
    `| ${HEADINGS.join(' | ')} |`,
    `| ${HEADINGS.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${cells(row).map(cellText).join(' | ')} |`),
  ];
  const proposals = table.rows.filter((row) => row.proposal);
  if (proposals.length > 0) {
    lines.push('', '**Proposed catalog changes** (src/contract/error-catalog.ts):', '');
    for (const row of proposals) lines.push(`- ${cellText(row.proposal ?? '')}`);
  }
  return lines.join('\n');
}
