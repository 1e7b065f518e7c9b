import { expect, test } from '@playwright/test';
import { pactSettingsFrom } from '../../src/pact/config';
import { INTERACTION_DESCRIPTIONS } from '../../src/pact/interactions';
import { writeStagedPacts } from '../../src/pact/staging';

test('the pact files are written from a complete, passing consumer run', async () => {
  const settings = pactSettingsFrom();
  const { written } = await writeStagedPacts(settings, INTERACTION_DESCRIPTIONS);
  expect(written).toContain(`${settings.consumer}-${settings.provider}.json`);
});
