import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mergeRecordings, type Recording, readRecording } from './recording';

/**
 * The recordings of a sharded nightly: each shard recorded its tenant side and its mock side
 * (`<shards>/<shard>/fidelity/recording-<side>.json`); merged per side, they are compared as one run.
 */
export function shardRecordings(shardsDir: string): { tenant: Recording; mock: Recording } | undefined {
  if (!existsSync(shardsDir)) return undefined;
  const sides = { tenant: [] as Recording[], mock: [] as Recording[] };
  for (const shard of readdirSync(shardsDir).sort()) {
    for (const side of ['tenant', 'mock'] as const) {
      const file = join(shardsDir, shard, 'fidelity', `recording-${side}.json`);
      if (existsSync(file)) sides[side].push(readRecording(file));
    }
  }
  if (sides.tenant.length === 0 || sides.mock.length === 0) return undefined;
  return { tenant: mergeRecordings(sides.tenant), mock: mergeRecordings(sides.mock) };
}
