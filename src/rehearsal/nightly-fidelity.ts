import { checkFidelity } from '../fidelity/check';
import { fidelityLine } from '../fidelity/verdict';
import type { StepVerdict } from '../process/steps';
import { finishSide, recordStandInSide } from './recorded-run';

export interface NightlyFidelityOptions {
  /** The configuration the tenant side ran with (its seed and designated users' accounts). */
  readonly env: NodeJS.ProcessEnv;
  /** The run's fidelity folder: the tenant side recorded into it (HARNESS_FIDELITY_DIR), the mock side goes there. */
  readonly fidelityDir: string;
  readonly target: string;
  /** Where the comparison goes; none for a shard, whose recordings `npm run report:merge` compares. */
  readonly compare?: { readonly jsonFile: string; readonly resultsDir: string };
  readonly out?: NodeJS.WritableStream;
}

/**
 * The nightly's fidelity step: the tenant's recording made of what its API tests recorded, the same tests run
 * through a clean stand-in and recorded, and (unsharded) the two compared. A contract drift fails the step. The
 * share of agreeing scenarios comes with the verdict where the step compared.
 */
export async function nightlyFidelity(
  options: NightlyFidelityOptions,
): Promise<{ readonly verdict: StepVerdict; readonly share?: number }> {
  const tenant = finishSide(options.fidelityDir, 'tenant', {
    target: options.target,
    fakerSeed: options.env.FAKER_SEED,
  });
  if (tenant.tests.length === 0) {
    return {
      verdict: {
        status: 'skipped',
        detail: 'no API test made a call against the target, so there is nothing to compare',
      },
    };
  }
  const mock = await recordStandInSide({
    env: options.env,
    select: { testIds: [...new Set(tenant.tests.map((test) => test.testId))] },
    fidelityDir: options.fidelityDir,
  });
  const mockFailed =
    mock.exitCode === 0
      ? ''
      : '; some tests failed against the clean stand-in (fidelity/mock-side/playwright.log)';
  if (!options.compare) {
    const count = (recording: typeof tenant) =>
      recording.tests.reduce((sum, test) => sum + test.exchanges.length, 0);
    return {
      verdict: `recorded ${count(tenant)} tenant and ${count(mock.recording)} mock scenarios; npm run report:merge compares them${mockFailed}`,
    };
  }
  const report = checkFidelity(tenant, mock.recording, { ...options.compare, out: options.out });
  return {
    verdict: {
      status: report.verdict,
      detail: `${fidelityLine(report)}${mockFailed}; ${options.compare.jsonFile}`,
    },
    ...(report.share === null ? {} : { share: report.share }),
  };
}
