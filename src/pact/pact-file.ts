import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HarnessError } from '../errors';

/** The parts of a Pact V4 file this module reads; everything else is carried through untouched. */
export interface PactFile {
  readonly consumer: { readonly name: string };
  readonly provider: { readonly name: string };
  readonly interactions: readonly PactInteraction[];
  readonly metadata?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

export interface PactInteraction {
  readonly description: string;
  readonly providerStates?: readonly { readonly name: string; readonly params?: Record<string, unknown> }[];
  readonly [key: string]: unknown;
}

export class PactFileError extends HarnessError {
  override readonly name = 'PactFileError';
}

export function parsePactFile(text: string, source: string): PactFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PactFileError(`${source} is not JSON (${(error as Error).message}).`);
  }
  const pact = value as Partial<PactFile> | null;
  if (!pact?.consumer?.name || !pact.provider?.name || !Array.isArray(pact.interactions)) {
    throw new PactFileError(
      `${source} is not a pact file: it needs consumer.name, provider.name and interactions.`,
    );
  }
  return pact as PactFile;
}

function interactionKey(interaction: PactInteraction): string {
  return `${interaction.description}\u0000${JSON.stringify(interaction.providerStates ?? [])}`;
}

/**
 * One pact from the one-interaction pacts the consumer tests wrote: interactions sorted by description,
 * so the file does not depend on the order or the parallelism in which the tests ran.
 */
export function mergePacts(fragments: readonly PactFile[]): PactFile {
  const [first] = fragments;
  if (!first) throw new PactFileError('there is nothing to merge: no consumer test wrote a pact.');
  const seen = new Map<string, PactInteraction>();
  for (const fragment of fragments) {
    if (fragment.consumer.name !== first.consumer.name || fragment.provider.name !== first.provider.name) {
      throw new PactFileError(
        `pacts of different pairs cannot be merged: ${first.consumer.name}/${first.provider.name} and ${fragment.consumer.name}/${fragment.provider.name}.`,
      );
    }
    for (const interaction of fragment.interactions) {
      const key = interactionKey(interaction);
      const previous = seen.get(key);
      if (previous && JSON.stringify(previous) !== JSON.stringify(interaction)) {
        throw new PactFileError(
          `two consumer tests define "${interaction.description}" differently; give each interaction its own description.`,
        );
      }
      seen.set(key, interaction);
    }
  }
  const interactions = [...seen.values()].sort((a, b) =>
    interactionKey(a) < interactionKey(b) ? -1 : interactionKey(a) > interactionKey(b) ? 1 : 0,
  );
  return { ...first, interactions };
}

/** The bytes of a pact file: two-space JSON with a final newline, stable for equal content. */
export function serialisePact(pact: PactFile): string {
  return `${JSON.stringify(pact, null, 2)}\n`;
}

export function missingDescriptions(pact: PactFile, expected: readonly string[]): string[] {
  const present = new Set(pact.interactions.map((interaction) => interaction.description));
  return expected.filter((description) => !present.has(description));
}

/** A copy of `pact` that holds only `interaction`: what one provider test verifies. */
export function singleInteractionPact(pact: PactFile, interaction: PactInteraction): PactFile {
  return { ...pact, interactions: [interaction] };
}

/** Writes through a temporary file and a rename, so a reader never sees half a pact. */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

export async function readPactFiles(dir: string): Promise<Map<string, PactFile>> {
  const files = new Map<string, PactFile>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return files;
  }
  for (const name of names.filter((entry) => entry.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    files.set(name, parsePactFile(await readFile(file, 'utf8'), file));
  }
  return files;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** The pacts in `dir`, read synchronously: Playwright declares one test per interaction at load time. */
export function readPactFilesSync(dir: string): PactFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => parsePactFile(readFileSync(path.join(dir, name), 'utf8'), path.join(dir, name)));
}
