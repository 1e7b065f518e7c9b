import { expect, test } from '@playwright/test';

test('one plus one is two', () => {
  expect(1 + 1).toBe(2);
});
