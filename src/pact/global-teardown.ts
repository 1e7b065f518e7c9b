import { prefixed } from '../errors';
import { pactSettingsFrom } from './config';
import { INTERACTION_DESCRIPTIONS } from './interactions';
import { writeStagedPacts } from './staging';

/**
 * Playwright global teardown: when this run ran consumer tests, their one-interaction pacts are merged
 * into `pacts/`, only after a complete, passing consumer run. A run without consumer tests staged nothing
 * and leaves `pacts/` alone.
 */
export default async function writePacts(): Promise<void> {
  const settings = pactSettingsFrom();
  const { staged, written } = await writeStagedPacts(settings, INTERACTION_DESCRIPTIONS);
  if (staged) process.stderr.write(prefixed(`pacts written: ${written.join(', ')}\n`));
}
