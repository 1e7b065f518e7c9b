import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { startMock } from '../../src/mock/server';

/**
 * The curl walkthrough that opens docs/mock.md, run as written against a mock of its own on a free port, each
 * answer checked against the one the document shows (`# → …`, where `…` stands for anything), so the
 * document cannot drift from the mock.
 */

const DOCUMENT = 'docs/mock.md';
const SECTION = '## One enrollment with curl';
const DOCUMENTED_ADDRESS = 'http://127.0.0.1:4010';

interface Block {
  readonly commands: string;
  /** The answer lines the document shows after `# → `. */
  readonly answers: readonly string[];
}

/** The shell blocks of the walkthrough, in order, without the indentation of the list they sit in. */
function walkthroughBlocks(): Block[] {
  const markdown = readFileSync(DOCUMENT, 'utf8');
  const start = markdown.indexOf(SECTION);
  const end = markdown.indexOf('\n## ', start + SECTION.length);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^( *)```sh\n([\s\S]*?)^\1```$/gm)].map(([, indent = '', body = '']) => {
    const commands = body
      .split('\n')
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
      .join('\n');
    const answers = [...commands.matchAll(/^# → (.*)$/gm)].map((match) => match[1] ?? '');
    return { commands, answers };
  });
}

/** An answer shown in the document as a pattern: literal but for `…`, which stands for anything. */
const patternOf = (answer: string) =>
  new RegExp(
    `^${answer
      .split('…')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

const MARK = '@@ walkthrough step';

async function runBash(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, stdout, stderr };
}

function curlMissing(): string | undefined {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'curl is not installed: `apt-get install -y curl`';
  }
}

test('the curl walkthrough of docs/mock.md enrolls a factor against the mock, each answer as shown', async () => {
  const missing = curlMissing();
  if (missing && process.env.CI) throw new Error(`${missing}; .ci/run installs it`);
  test.skip(missing !== undefined, missing);

  const [start, ...steps] = walkthroughBlocks();
  expect(start?.commands.trim(), 'the walkthrough starts the mock').toBe('npm run mock');
  expect(steps.length, 'the address, create a user, send, read the code, enroll, list, a refusal').toBe(7);
  expect(steps.flatMap((step) => step.answers)).toHaveLength(6);

  const mock = await startMock({ port: 0 });
  try {
    const script = [
      'set -euo pipefail',
      ...steps.map((step, index) => `echo '${MARK} ${index}'\n${step.commands}`),
    ]
      .join('\n')
      .replaceAll(DOCUMENTED_ADDRESS, mock.url);
    const run = await runBash(script);
    expect(run.code, `${run.stderr}\n${run.stdout}`).toBe(0);
    const printed = run.stdout.split(`${MARK} `).slice(1);
    expect(printed).toHaveLength(steps.length);
    steps.forEach((step, index) => {
      const lines = (printed[index] ?? '').split('\n').slice(1).filter(Boolean);
      expect(lines.length, `step ${index}: ${step.commands}`).toBe(step.answers.length);
      step.answers.forEach((answer, line) => {
        expect(lines[line], `step ${index}: ${step.commands}`).toMatch(patternOf(answer));
      });
    });
    const stats = (await (await fetch(`${mock.url}/__mock/stats`)).json()) as { boundFactors?: number };
    expect(stats.boundFactors, 'the walkthrough bound one factor').toBe(1);
  } finally {
    await mock.close();
  }
});
