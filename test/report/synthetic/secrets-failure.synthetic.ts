import { expect, test } from '@playwright/test';
import { plantedProvider } from './planted-provider';

// Runs in a project without traces: Playwright writes assertion diffs into traces before any reporter sees them.
const { client } = plantedProvider();

test('a failing assertion over a response with secrets is reported without them', async () => {
  const data = await client().sendEnrollFactorRequest({ factorType: 'OTP' });
  expect(data).toEqual({ enrollmentToken: 'another token' });
});
