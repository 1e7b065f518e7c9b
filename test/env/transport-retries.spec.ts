import { expect, test } from '@playwright/test';
import { HEAVY } from '../heavy';
import { runApiProject } from './api-project-run';

test(
  'the throttling check still sees HTTP 429 when the transport retries what the environment caused',
  HEAVY,
  async () => {
    // Enough retries to serve every throttled call in a later window, had the test's clients retried.
    const { status, output } = await runApiProject({ TARGET_ENV: 'mock', HARNESS_TRANSPORT_RETRIES: '10' }, [
      'suites/api/throttling.spec.ts',
    ]);
    expect(output).toMatch(/\b1 passed\b/);
    expect(status, output).toBe(0);
  },
);
