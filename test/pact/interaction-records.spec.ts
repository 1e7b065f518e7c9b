import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { documentedFields, ERROR_CATALOG } from '../../src/contract';
import { INTERACTION_KEYS, INTERACTIONS } from '../../src/pact/interactions';
import { isRefusal } from '../../src/pact/interactions/record';
import { PROVIDER_STATES } from '../../src/pact/interactions/states';

/** Where the harness's source lives; the pacts and the docs quote descriptions and may. */
const SOURCE_DIRS = ['src', 'suites', 'fixtures', 'cli', 'bench', 'test'];
const RECORDS_DIR = path.join('src', 'pact', 'interactions');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(?:[cm]?[jt]s|json)$/.test(entry.name) ? [file] : [];
  });
}

const descriptions = INTERACTION_KEYS.map((key) => INTERACTIONS[key].uponReceiving);

/**
 * Where each description's text occurs, file by file. Longer descriptions are taken out first, so one that
 * begins with another (get-factor's with a raw `|` begins with the plain one's) does not count as an
 * occurrence of the shorter one.
 */
function occurrences(): Map<string, string[]> {
  const found = new Map(descriptions.map((description) => [description, [] as string[]]));
  const longestFirst = [...descriptions].sort((a, b) => b.length - a.length);
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    let text = readFileSync(file, 'utf8');
    for (const description of longestFirst) {
      const parts = text.split(description);
      for (let count = 1; count < parts.length; count += 1) found.get(description)?.push(file);
      text = parts.join('\u0000');
    }
  }
  return found;
}

test('each description is written once, in its record, so rewording it changes no other source file', () => {
  const misplaced = [...occurrences()].filter(
    ([, files]) => files.length !== 1 || path.dirname(files[0] ?? '') !== RECORDS_DIR,
  );
  expect(
    misplaced.map(([description, files]) => ({ description, files })),
    `refer to an interaction by its record (INTERACTIONS.<key>.uponReceiving), never by its text`,
  ).toEqual([]);
});

test('every record written in src/pact/interactions/ is in the catalogue, under a key of its own', () => {
  const written = sourceFiles(RECORDS_DIR).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/uponReceiving:\s*(['"])(.+?)\1/g)].map((match) => match[2]),
  );
  expect(written.length, 'records written, against records in the catalogue').toBe(descriptions.length);
  expect(new Set(descriptions).size, 'a pact names interactions by description: each is unique').toBe(
    descriptions.length,
  );
  expect([...written].sort()).toEqual([...descriptions].sort());
});

test('a record relying on an assumed field says so in its description, and relies on nothing documented', () => {
  for (const interaction of Object.values(INTERACTIONS)) {
    const response = interaction.willRespondWith;
    if (!isRefusal(response) || !response.reliesOn) continue;
    const documented = documentedFields(ERROR_CATALOG[response.refusal]);
    for (const field of response.reliesOn.fields) {
      expect(interaction.uponReceiving).toContain('relies on');
      expect(interaction.uponReceiving).toContain(field);
      expect(documented, `${field} of ${response.refusal} is documented: no reliance needed`).not.toContain(
        field,
      );
    }
  }
});

test('every provider state is given by an interaction', () => {
  const given = new Set(Object.values(INTERACTIONS).map((interaction) => interaction.given.state));
  expect(Object.values(PROVIDER_STATES).filter((state) => !given.has(state))).toEqual([]);
});
