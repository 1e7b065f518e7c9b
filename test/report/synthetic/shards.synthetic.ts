import { expect, test } from '@playwright/test';

/** Ten tests with every final status, so merged shard totals are compared on more than one number. */
for (let index = 1; index <= 7; index += 1) {
  test(`passing test ${index}`, () => {
    expect(index).toBeGreaterThan(0);
  });
}

test('failing test', () => {
  expect(1, 'fails on purpose').toBe(2);
});

test('skipped test', () => {
  test.skip(true, 'skipped on purpose');
});

test('another failing test', () => {
  expect('a', 'fails on purpose').toBe('b');
});
