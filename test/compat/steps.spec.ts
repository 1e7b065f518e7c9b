import { expect, test } from '@playwright/test';
import { CompatSteps } from '../../src/compat/steps';
import { HarnessError } from '../../src/errors';

const fails = (message: string) => async (): Promise<string> => {
  throw new HarnessError(message);
};
const summary = (steps: CompatSteps) =>
  steps.outcomes.map(({ name, status, detail }) => ({ name, status, detail }));

test('a failed check leaves the next check to run; a failed setup step leaves nothing after it to run', async () => {
  const steps = new CompatSteps(new AbortController().signal);
  await steps.run('install', 'setup', async () => '--no-save');
  await steps.run('typecheck', 'check', fails('npm run typecheck exited 2'));
  await steps.run('gate', 'check', async () => undefined);
  await steps.run('second install', 'setup', fails('npm install exited 1 (npm error ECONNREFUSED)'));
  await steps.run('second gate', 'check', async () => undefined);
  expect(summary(steps)).toEqual([
    { name: 'install', status: 'passed', detail: '--no-save' },
    { name: 'typecheck', status: 'failed', detail: 'npm run typecheck exited 2' },
    { name: 'gate', status: 'passed', detail: '' },
    { name: 'second install', status: 'failed', detail: 'npm install exited 1 (npm error ECONNREFUSED)' },
    { name: 'second gate', status: 'skipped', detail: 'not run: "second install" failed' },
  ]);
  expect(steps.passed).toBe(false);
});

test('an interruption fails the step it stopped and runs none after it', async () => {
  const interruption = new AbortController();
  const steps = new CompatSteps(interruption.signal);
  await steps.run('npm ci', 'setup', async () => {
    interruption.abort('SIGINT');
    throw new HarnessError('npm ci exited 130');
  });
  await steps.run('gate', 'check', async () => 'ran');
  expect(summary(steps)).toEqual([
    { name: 'npm ci', status: 'failed', detail: 'interrupted by SIGINT' },
    { name: 'gate', status: 'skipped', detail: 'not run: interrupted by SIGINT' },
  ]);
});

test('every step passed: the run passed', async () => {
  const steps = new CompatSteps(new AbortController().signal);
  await steps.run('install', 'setup', async () => undefined);
  expect(steps.passed).toBe(true);
});
