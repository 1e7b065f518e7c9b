import { join } from 'node:path';
import { readJsonReport, timeCommand } from './support/commands';

export interface TimeControlFigures {
  readonly virtual: {
    readonly tests: number;
    readonly passed: number;
    /** The scenarios' own time, added up: what virtual time makes small. */
    readonly totalTestMs: number;
    readonly slowestTestMs: number;
    readonly runMs: number;
  };
  readonly realTime: {
    readonly ttlSeconds: number;
    readonly tests: number;
    readonly passed: number;
    readonly runMs: number;
    /** Wall time of the run divided by the TTL. */
    readonly ttlMultiple: number;
  };
}

const EXPIRY_SPEC = 'suites/api/token-expiry.spec.ts';

/**
 * The token-expiry scenarios of all four factor types: on the mock in virtual time, then through the
 * real-environment rehearsal (real waiting) with a TTL of `ttlSeconds`.
 */
export async function measureTimeControl(logDir: string, ttlSeconds: number): Promise<TimeControlFigures> {
  const virtualJson = join(logDir, 'expiry-virtual.json');
  await timeCommand('npx', ['playwright', 'test', '--project=api', EXPIRY_SPEC, '--reporter=json'], {
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: virtualJson, TARGET_ENV: 'mock' },
    logFile: join(logDir, 'expiry-virtual.log'),
  });
  const virtual = readJsonReport(virtualJson);

  const realJson = join(logDir, 'expiry-real.json');
  await timeCommand('npm', ['run', 'rehearsal', '--', EXPIRY_SPEC, '--workers=8', '--reporter=json'], {
    env: {
      ...process.env,
      PLAYWRIGHT_JSON_OUTPUT_NAME: realJson,
      ENROLLMENT_TOKEN_TTL_SECONDS: String(ttlSeconds),
    },
    logFile: join(logDir, 'expiry-real.log'),
  });
  const real = readJsonReport(realJson);

  return {
    virtual: {
      tests: virtual.durations.length,
      passed: virtual.statuses.filter((status) => status === 'passed').length,
      totalTestMs: virtual.durations.reduce((sum, ms) => sum + ms, 0),
      slowestTestMs: Math.max(...virtual.durations),
      runMs: virtual.runMs,
    },
    realTime: {
      ttlSeconds,
      tests: real.durations.length,
      passed: real.statuses.filter((status) => status === 'passed').length,
      runMs: real.runMs,
      ttlMultiple: real.runMs / (ttlSeconds * 1000),
    },
  };
}
