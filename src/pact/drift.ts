import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { prefixed } from '../errors';
import { git } from '../git';
import { parsePactFile } from './pact-file';

/** The text of every `.json` file in `dir`, by file name (none when the directory does not exist). */
export async function readPactTexts(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((entry) => entry.endsWith('.json')).sort()) {
    files.set(name, await readFile(path.join(dir, name), 'utf8'));
  }
  return files;
}

/** The pact files of `git HEAD` in `pactDir`, by file name; undefined outside a git checkout. */
export function committedPactTexts(pactDir: string): Map<string, string> | undefined {
  const relative = path.relative(process.cwd(), pactDir) || '.';
  const listing = git(['ls-tree', '--name-only', 'HEAD', `${relative}/`], { raw: true });
  if (listing === undefined) return undefined;
  const files = new Map<string, string>();
  for (const file of listing.split('\n').filter((line) => line.endsWith('.json'))) {
    const text = git(['show', `HEAD:${file}`], { raw: true });
    if (text !== undefined) files.set(path.basename(file), text);
  }
  return files;
}

/** How freshly generated pacts differ from the committed ones, file by file and interaction by interaction. */
export interface PactDrift {
  readonly file: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly addedInteractions: readonly string[];
  readonly removedInteractions: readonly string[];
  readonly changedInteractions: readonly string[];
  /** What else changed about the contract: the pair's names or the pact specification version. */
  readonly otherChanges: readonly string[];
}

/**
 * What a pact promises: the pair, the pact specification version and the interactions. The rest of
 * `metadata` says which library wrote the file (`pact-js`, `pactRust`): an upgrade changes it and
 * nothing else, so it is no drift.
 */
function contractOf(text: string, source: string) {
  const pact = parsePactFile(text, source);
  const specification = (pact.metadata?.pactSpecification as { version?: unknown } | undefined)?.version;
  return {
    pair: `${pact.consumer.name} → ${pact.provider.name}`,
    specification: String(specification ?? 'unknown'),
    interactions: new Map(
      pact.interactions.map((interaction) => [interaction.description, JSON.stringify(interaction)]),
    ),
  };
}

/** Compares the contracts in two sets of pact files; `committed` and `generated` map file names to their text. */
export function findPactDrift(
  committed: ReadonlyMap<string, string>,
  generated: ReadonlyMap<string, string>,
): PactDrift[] {
  const names = [...new Set([...committed.keys(), ...generated.keys()])].sort();
  const drift: PactDrift[] = [];
  for (const file of names) {
    const before = committed.get(file);
    const after = generated.get(file);
    const old = before === undefined ? undefined : contractOf(before, `committed ${file}`);
    const now = after === undefined ? undefined : contractOf(after, `generated ${file}`);
    const oldInteractions = old?.interactions ?? new Map<string, string>();
    const newInteractions = now?.interactions ?? new Map<string, string>();
    const addedInteractions = [...newInteractions.keys()].filter((d) => !oldInteractions.has(d)).sort();
    const removedInteractions = [...oldInteractions.keys()].filter((d) => !newInteractions.has(d)).sort();
    const changedInteractions = [...newInteractions.keys()]
      .filter((d) => oldInteractions.has(d) && oldInteractions.get(d) !== newInteractions.get(d))
      .sort();
    const otherChanges =
      old && now
        ? [
            ...(old.pair === now.pair ? [] : [`the pair ${old.pair} is now ${now.pair}`]),
            ...(old.specification === now.specification
              ? []
              : [`pact specification ${old.specification} is now ${now.specification}`]),
          ]
        : [];
    const changed =
      !old ||
      !now ||
      addedInteractions.length + removedInteractions.length + changedInteractions.length > 0 ||
      otherChanges.length > 0;
    if (!changed) continue;
    drift.push({
      file,
      change: !old ? 'added' : !now ? 'removed' : 'changed',
      addedInteractions,
      removedInteractions,
      changedInteractions,
      otherChanges,
    });
  }
  return drift;
}

/** The message the gate prints when the contract changed. */
export function formatPactDrift(drift: readonly PactDrift[], pactDir = 'pacts'): string {
  const lines = [
    prefixed(
      `contract drift: the consumer tests now produce pacts that differ from the committed ${pactDir}/.`,
    ),
  ];
  for (const item of drift) {
    lines.push(`  ${pactDir}/${item.file}: ${item.change}`);
    for (const d of item.addedInteractions) lines.push(`    + ${d}`);
    for (const d of item.removedInteractions) lines.push(`    - ${d}`);
    for (const d of item.changedInteractions) lines.push(`    ~ ${d}`);
    for (const change of item.otherChanges) lines.push(`    ! ${change}`);
  }
  lines.push(
    'Review the contract change: run `npm run pact:consumer`, read `git diff pacts/`, and if the change is intended',
    'commit it (`git add pacts/ && git commit`), then let the provider verify it. If it is not intended, fix the consumer tests.',
  );
  return lines.join('\n');
}
