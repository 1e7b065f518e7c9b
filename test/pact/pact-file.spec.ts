import { expect, test } from '@playwright/test';
import { findPactDrift, formatPactDrift } from '../../src/pact/drift';
import { mergePacts, missingDescriptions, type PactFile, serialisePact } from '../../src/pact/pact-file';

const fragment = (description: string, status = 200): PactFile => ({
  consumer: { name: 'app' },
  provider: { name: 'api' },
  interactions: [{ description, providerStates: [{ name: 's', params: { factorType: 'SMS' } }], status }],
  metadata: { pactSpecification: { version: '4.0' } },
});

test('merged pacts are sorted by description, whatever order the tests ran in', () => {
  const a = serialisePact(mergePacts([fragment('b'), fragment('a'), fragment('c')]));
  const b = serialisePact(mergePacts([fragment('c'), fragment('b'), fragment('a')]));
  expect(a).toBe(b);
  expect(JSON.parse(a).interactions.map((i: { description: string }) => i.description)).toEqual([
    'a',
    'b',
    'c',
  ]);
  expect(a.endsWith('}\n')).toBe(true);
});

test('two tests defining one interaction differently cannot be merged', () => {
  expect(() => mergePacts([fragment('a', 200), fragment('a', 201)])).toThrow(/differently/);
});

test('pacts of different consumer/provider pairs are not merged', () => {
  expect(() => mergePacts([fragment('a'), { ...fragment('b'), provider: { name: 'other' } }])).toThrow(
    /different pairs/,
  );
});

test('missing interactions are named', () => {
  expect(missingDescriptions(mergePacts([fragment('a')]), ['a', 'b'])).toEqual(['b']);
});

test('drift names added, removed and changed interactions and says to review and commit', () => {
  const committed = new Map([['app-api.json', serialisePact(mergePacts([fragment('a'), fragment('b')]))]]);
  const generated = new Map([
    ['app-api.json', serialisePact(mergePacts([fragment('b', 201), fragment('c')]))],
  ]);
  const drift = findPactDrift(committed, generated);
  expect(drift).toEqual([
    expect.objectContaining({
      file: 'app-api.json',
      change: 'changed',
      addedInteractions: ['c'],
      removedInteractions: ['a'],
      changedInteractions: ['b'],
    }),
  ]);
  const message = formatPactDrift(drift);
  expect(message).toContain('+ c');
  expect(message).toContain('- a');
  expect(message).toContain('~ b');
  expect(message).toMatch(/review the contract change/i);
  expect(message).toMatch(/commit/);
});

test('identical pacts show no drift; a new or deleted file does', () => {
  const text = serialisePact(fragment('a'));
  expect(findPactDrift(new Map([['x.json', text]]), new Map([['x.json', text]]))).toEqual([]);
  expect(findPactDrift(new Map(), new Map([['x.json', text]]))[0]?.change).toBe('added');
  expect(findPactDrift(new Map([['x.json', text]]), new Map())[0]?.change).toBe('removed');
});

test('a pact-js upgrade that only rewrites the library metadata is no drift', () => {
  const written = (pactJs: string, ffi: string) =>
    serialisePact({
      ...fragment('a'),
      metadata: {
        'pact-js': { version: pactJs },
        pactRust: { ffi, models: '1.3.11' },
        pactSpecification: { version: '4.0' },
      },
    });
  const committed = new Map([['app-api.json', written('16.5.0', '0.5.4')]]);
  expect(findPactDrift(committed, new Map([['app-api.json', written('17.1.4', '0.5.8')]]))).toEqual([]);
});

test('a new pact specification version is drift, named as such', () => {
  const committed = new Map([['app-api.json', serialisePact(fragment('a'))]]);
  const upgraded = { ...fragment('a'), metadata: { pactSpecification: { version: '4.1' } } };
  const drift = findPactDrift(committed, new Map([['app-api.json', serialisePact(upgraded)]]));
  expect(formatPactDrift(drift)).toContain('! pact specification 4.0 is now 4.1');
});
