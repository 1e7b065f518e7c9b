import { test } from '@playwright/test';
import { pactSettingsFrom } from '../../src/pact/config';
import { clearStaging } from '../../src/pact/staging';

test('the pact staging directory starts empty', async () => {
  await clearStaging(pactSettingsFrom().pactDir);
});
