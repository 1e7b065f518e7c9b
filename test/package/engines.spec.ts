import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import semver from 'semver';

interface LockedPackage {
  readonly version?: string;
  readonly engines?: unknown;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

test.describe('the Node.js version the project declares', () => {
  test('every locked package runs on the oldest Node.js that package.json engines admits', () => {
    const manifest = readJson<{ engines: { node: string } }>('package.json');
    const oldest = semver.minVersion(manifest.engines.node);
    expect(oldest, `engines.node "${manifest.engines.node}" has no lowest version`).not.toBeNull();
    const lock = readJson<{ packages: Record<string, LockedPackage> }>('package-lock.json');
    const refusing = Object.entries(lock.packages).flatMap(([path, locked]) => {
      const range = (locked.engines as { node?: unknown } | undefined)?.node;
      if (typeof range !== 'string' || !oldest) return [];
      return semver.satisfies(oldest, range) ? [] : [`${path}@${locked.version} needs Node ${range}`];
    });
    // npm ci prints EBADENGINE for each of these on the oldest Node the README promises.
    expect(refusing, `on Node ${oldest?.version}`).toEqual([]);
  });
});
