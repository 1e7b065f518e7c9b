import { consumersFrom } from '../consumers/selection';
import { prefixed } from '../errors';
import { pactFileName, pactSettingsFrom } from './config';
import { claimedInteractions, INTERACTIONS } from './interactions';
import { writeStagedPacts } from './staging';

/**
 * Playwright global teardown: when this run ran consumer tests, their one-interaction pacts are merged
 * into `pacts/`, one file per consumer, only after a complete, passing consumer run. A run without
 * consumer tests staged nothing and leaves `pacts/` alone.
 */
export default async function writePacts(): Promise<void> {
  const settings = pactSettingsFrom();
  const consumers = await consumersFrom(process.env, settings);
  const expected = new Map(
    consumers.map((adapter) => [
      pactFileName({ consumer: adapter.consumer, provider: settings.provider }),
      claimedInteractions(adapter).map((key) => INTERACTIONS[key]),
    ]),
  );
  const { staged, written } = await writeStagedPacts(settings, expected);
  if (staged) process.stderr.write(prefixed(`pacts written: ${written.join(', ')}\n`));
}
