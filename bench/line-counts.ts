import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folders whose size the bench reports, and their lines of TypeScript before this round's clean-up. */
const BEFORE: Readonly<Record<string, number>> = {
  src: 11_600,
  cli: 1_700,
  fixtures: 700,
  suites: 2_100,
  test: 8_300,
};

export interface LineCounts {
  /** Lines of TypeScript (and .mjs) now, by folder. */
  readonly now: Readonly<Record<string, number>>;
  readonly before: Readonly<Record<string, number>>;
  /** src + cli + fixtures: the infrastructure around the suites. */
  readonly infrastructure: { readonly now: number; readonly before: number };
}

function linesIn(folder: string): number {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mjs)$/.test(file))
    .reduce((total, file) => total + readFileSync(join(folder, file), 'utf8').split('\n').length - 1, 0);
}

/** Lines of code per folder, next to the counts before this round. */
export function countLines(): LineCounts {
  const now = Object.fromEntries(Object.keys(BEFORE).map((folder) => [folder, linesIn(folder)]));
  const infrastructure = (counts: Readonly<Record<string, number>>) =>
    (counts.src ?? 0) + (counts.cli ?? 0) + (counts.fixtures ?? 0);
  return {
    now,
    before: BEFORE,
    infrastructure: { now: infrastructure(now), before: infrastructure(BEFORE) },
  };
}
