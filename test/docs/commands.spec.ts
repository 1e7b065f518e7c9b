import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import config from '../../playwright.config';

/**
 * What the README, docs/ and .env.example tell a reader to run or open must exist: every `npm run` script,
 * every Playwright project, every flag given to a harness command, every file path and every link.
 */

const DOCUMENTS = [
  'README.md',
  '.env.example',
  ...readdirSync('docs', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => join('docs', file)),
];

const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
  .scripts;
const projects = (config.projects ?? []).map((project) => project.name);

/** The TypeScript files a script runs (`tsx cli/x.ts`), where its flags are parsed, and the modules it reads them with. */
function sourcesOf(script: string): string[] {
  const entry = /\b(cli\/[\w-]+\.ts)\b/.exec(scripts[script] ?? '')?.[1];
  if (!entry) return [];
  const text = readFileSync(entry, 'utf8');
  const imported = [...text.matchAll(/from '\.\.\/(src\/[\w/-]+)'/g)].map((match) => `${match[1]}.ts`);
  return [entry, ...imported.filter((file) => existsSync(file))];
}

interface Mention {
  readonly document: string;
  readonly line: number;
  readonly text: string;
}

function mentions(pattern: RegExp): Mention[] {
  return DOCUMENTS.flatMap((document) =>
    readFileSync(document, 'utf8')
      .split('\n')
      .flatMap((line, index) =>
        [...line.matchAll(pattern)].map((match) => ({
          document,
          line: index + 1,
          text: match[1] ?? match[0],
        })),
      ),
  );
}

const where = (mention: Mention) => `${mention.document}:${mention.line}`;

test('every npm script the docs name exists in package.json', () => {
  const missing = mentions(/npm run ([a-z][\w:.-]*[\w])/g)
    .filter((mention) => !(mention.text in scripts))
    .map((mention) => `${where(mention)} npm run ${mention.text}`);
  expect(missing).toEqual([]);
});

test('every Playwright project the docs name exists in playwright.config.ts', () => {
  const missing = mentions(/--project[= ]([\w-]+)/g)
    .filter((mention) => !projects.includes(mention.text))
    .map((mention) => `${where(mention)} --project=${mention.text} (projects: ${projects.join(', ')})`);
  expect(missing).toEqual([]);
});

test('every flag the docs give a harness command is one the command reads', () => {
  const missing: string[] = [];
  for (const document of DOCUMENTS) {
    readFileSync(document, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const match of line.matchAll(
          /npm run ([\w:.-]+) -- ((?:\[?--?[\w-]+(?:[= ][^\s`\]|]+)?\]? ?)+)/g,
        )) {
          const script = match[1] ?? '';
          const sources = sourcesOf(script).map((file) => readFileSync(file, 'utf8'));
          if (sources.length === 0) continue;
          for (const flag of (match[2] ?? '').match(/--[\w-]+/g) ?? []) {
            const name = flag.slice(2);
            const read = sources.some(
              (source) =>
                source.includes(`'${flag}`) || source.includes(`'${name}'`) || source.includes(`${name}:`),
            );
            if (!read) missing.push(`${document}:${index + 1} npm run ${script} -- ${flag}`);
          }
        }
      });
  }
  expect(missing).toEqual([]);
});

test('every file path and link in the docs points at something that exists', () => {
  const ROOTS = /^(src|cli|test|docs|fixtures|suites|bench|pacts|reports|\.github|\.ci)\//;
  const ROOT_FILES =
    /^(\.env\.example|\.env\.rehearsal|playwright\.config\.ts|allurerc\.mjs|package\.json|known-issues\.json|knip\.json|biome\.json|tsconfig\.json|\.dependency-cruiser\.cjs)$/;
  const missing: string[] = [];
  for (const mention of mentions(/`([^`\s]+)`/g)) {
    const path = mention.text.replace(/[#:].*$/, '').replace(/\/$/, '');
    if (!(ROOTS.test(path) || ROOT_FILES.test(path)) || /[<>*{}$]/.test(path)) continue;
    // Generated outputs are documented before any run made them.
    if (path.startsWith('reports/')) continue;
    if (!existsSync(path)) missing.push(`${where(mention)} \`${mention.text}\``);
  }
  for (const mention of mentions(/\]\(([^)\s]+)\)/g)) {
    if (/^(https?:|mailto:|#)/.test(mention.text)) continue;
    const target = join(dirname(mention.document), mention.text.replace(/#.*$/, ''));
    if (!existsSync(target)) missing.push(`${where(mention)} link ${mention.text}`);
  }
  expect(missing).toEqual([]);
});
