import { expect, test } from '@playwright/test';

/**
 * Ten tests with every final status, so merged shard totals are compared on more than one number. The one
 * failure comes last: a failed test ends its worker, and none is left to need another.
 */
for (let index = 1; index <= 8; index += 1) {
  test(`passing test ${index}`, () => {
    expect(index).toBeGreaterThan(0);
  });
}

test('skipped test', () => {
  test.skip(true, 'skipped on purpose');
});

test('failing test', () => {
  expect(1, 'fails on purpose').toBe(2);
});
