import { expect, test } from '@playwright/test';
import { scenarioDetails } from '../../../src/report/labels';

/** Three tests that always pass, for the self-tests of what follows a run: labels, quality gate, history. */
test.describe('a steady suite', () => {
  test('SMS passes', () => {
    expect('SMS').toHaveLength(3);
  });

  test(
    'EMAIL passes',
    scenarioDetails({ factorType: 'EMAIL', scenario: 'steady delivery', severity: 'critical' }),
    () => {
      expect('EMAIL').toHaveLength(5);
    },
  );

  test('a test of no factor type passes', () => {
    expect([]).toHaveLength(0);
  });
});
