import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadEnvFiles } from '../../src/env/env-files';
import { checkFidelity } from '../../src/fidelity/check';
import { readRecording } from '../../src/fidelity/recording';
import type { FidelityReport } from '../../src/fidelity/verdict';
import { nightlyFidelity } from '../../src/rehearsal/nightly-fidelity';
import { recordStandInSide } from '../../src/rehearsal/recorded-run';
import type { Plants } from '../../src/rehearsal/stand-in';
import { HEAVY } from '../heavy';

/**
 * The nightly's fidelity step, end to end on stand-ins: a "tenant" side recorded through a stand-in (clean, or
 * with changes planted), then the step itself (the same tests through a clean stand-in, compared). A few SMS
 * tests on each side keep it fast; they read, list and reset a factor and meet unknownFactorId.
 */
const SELECTION = ['suites/api/full-flow.spec.ts', 'suites/api/ownership.spec.ts', '--grep', '@sms'];

/** The rehearsal's configuration (its users, the other user too); the self-test runner's own variables aside. */
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(PW_|PLAYWRIGHT_|TEST_WORKER|TEST_PARALLEL)/.test(name),
    ),
  ),
  TARGET_ENV: 'rehearsal',
};
loadEnvFiles(env);

const quiet = { write: () => true } as unknown as NodeJS.WritableStream;

/** A "tenant" side recorded through a stand-in, clean or planted. */
const tenantSide = (plants: Plants | undefined, dir: string) =>
  recordStandInSide({
    env,
    side: 'tenant',
    plants,
    select: { args: SELECTION },
    fidelityDir: dir,
    workers: 2,
  });

const reportOf = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as FidelityReport;

test(
  'the fidelity step on stand-ins: a drifted contract fails it, an extra field only warns',
  HEAVY,
  async ({}, testInfo) => {
    test.setTimeout(240_000);
    const dir = (name: string) => testInfo.outputPath(name);
    const [, extra] = await Promise.all([
      tenantSide(
        {
          // A field the get-factor pact relies on goes missing; unknownFactorId comes with another HTTP status.
          shapeOverrides: [
            { operation: 'getFactor', answer: 'success', path: 'data.profile', change: 'remove' },
          ],
          catalogOverrides: { unknownFactorId: { httpStatus: 404 } },
        },
        dir('contract'),
      ),
      tenantSide(
        {
          shapeOverrides: [
            {
              operation: 'sendEnrollFactorRequest',
              answer: 'success',
              path: 'data.expiresIn',
              change: 'add',
              value: 60,
            },
          ],
        },
        dir('extra'),
      ),
    ]);
    // The nightly's own step: the same tests through a clean stand-in, then the comparison.
    const { verdict } = await nightlyFidelity({
      env,
      fidelityDir: dir('contract'),
      target: 'planted stand-in',
      compare: { jsonFile: dir('contract/fidelity.json'), resultsDir: dir('contract/allure-results') },
      out: quiet,
    });
    const contract = reportOf(dir('contract/fidelity.json'));
    const clean = readRecording(dir('contract/recording-mock.json'));
    const compare = (tenant: typeof clean, name: string) =>
      checkFidelity(tenant, clean, { jsonFile: dir(`${name}/fidelity.json`), out: quiet });

    await test.step('a field the pact relies on going missing and another HTTP status: contract drift, one finding apiece; the nightly step fails', () => {
      expect(verdict).toMatchObject({ status: 'failed' });
      expect(
        contract.findings.map((f) => [f.class, f.operations.join(', '), f.answer, f.path, f.tenant, f.mock]),
      ).toEqual([
        ['contract drift', 'getFactor', 'success', 'data.profile', 'missing', 'object'],
        ['contract drift', 'getFactor, resetFactor', 'unknownFactorId', 'httpStatus', '404', '200'],
      ]);
      for (const finding of contract.findings) {
        expect(finding.scenarios.length, `${finding.path}: the scenarios that show it`).toBeGreaterThan(0);
        expect(finding.scenarios[0]).toMatch(
          /^suites\/api\/(full-flow|ownership)\.spec\.ts › SMS .* · (getFactor|resetFactor) #\d$/,
        );
      }
      expect(contract.findings[0]?.proposal.change).toContain('src/pact/interactions/get-factor.ts');
    });

    await test.step('a planted extra field is a warning, and the verdict passes', () => {
      const report = compare(extra.recording, 'extra');
      expect(report.findings.map((f) => [f.class, f.operations.join(), f.path, f.tenant, f.mock])).toEqual([
        ['mock drift', 'sendEnrollFactorRequest', 'data.expiresIn', 'number', 'missing'],
      ]);
      expect(report.verdict).toBe('passed');
    });
  },
);
