import { expect, test } from '@playwright/test';
import { HEAVY } from '../heavy';
import { runSensitivity } from './run-sensitivity';

test(
  'a test that names a defect but was weakened until it no longer catches it fails the sensitivity run',
  HEAVY,
  async () => {
    test.setTimeout(120_000);
    const { matrix } = await runSensitivity({
      SENSITIVITY_DEFECTS: 'accept-any-passcode',
      SENSITIVITY_API_DIR: 'test/sensitivity/synthetic',
    });
    const [row] = matrix.defects;
    expect(matrix.clean.failed, 'no false alarm from either test').toEqual([]);
    expect(row?.caughtByApi).toEqual([expect.stringContaining('is refused with a wrong code')]);
    expect(row?.guardsThatMissed).toEqual([expect.stringContaining('weakened')]);
    expect(matrix.problems).toEqual([
      expect.stringMatching(
        /passcode-guards\.synthetic\.ts › .*weakened.*" names defect accept-any-passcode but passes with it switched on/,
      ),
    ]);
  },
);
