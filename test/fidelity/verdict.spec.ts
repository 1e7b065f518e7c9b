import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Exchange } from '../../src/client';
import { writeFidelityResults } from '../../src/fidelity/allure';
import { compareRecordings } from '../../src/fidelity/compare';
import { committedReliance } from '../../src/fidelity/reliance';
import { fidelityLine, judge } from '../../src/fidelity/verdict';
import { exchangeOf, failure, recordingFrom, smsFactor, success } from './exchanges';

const reliance = committedReliance();
const verdictOf = (
  tenant: Parameters<typeof recordingFrom>[1],
  mock: Parameters<typeof recordingFrom>[1],
  accepted = [] as Parameters<typeof judge>[1]['accepted'],
) =>
  judge(compareRecordings(recordingFrom('tenant', tenant), recordingFrom('mock', mock)), {
    reliance,
    accepted,
  });

const getFactor = (profile?: Record<string, unknown> | null, extra: Record<string, unknown> = {}) =>
  exchangeOf(
    'getFactor',
    success({ ...smsFactor(profile ?? undefined), ...(profile === null ? { profile: null } : {}), ...extra }),
    {
      query: 'factorId=x',
    },
  );
const unknownFactor = (
  operation: 'getFactor' | 'resetFactor',
  { httpStatus, ...changes }: Record<string, unknown> = {},
) => {
  const { status, body } = failure('unknownFactorId', changes);
  return exchangeOf(operation, body, { status: (httpStatus as number | undefined) ?? status });
};

test.describe('the fidelity verdict', () => {
  test('two runs answering alike agree on every scenario: share 100 %, verdict passed', () => {
    const run = () => ({
      'full flow': [exchangeOf('listFactorsToEnroll', success([{ factorType: 'SMS' }])), getFactor()],
    });
    const { report } = verdictOf(run(), run());
    expect(report.scenarios).toMatchObject({ total: 2, compared: 2, agree: 2, differ: 0 });
    expect(report).toMatchObject({ share: 1, verdict: 'passed', findings: [] });
  });

  test('a field the pact relies on that becomes null is contract drift, one finding over every scenario showing it', () => {
    const { report } = verdictOf(
      { a: [getFactor(null)], b: [getFactor(null)], c: [getFactor(null)] },
      { a: [getFactor()], b: [getFactor()], c: [getFactor()] },
    );
    expect(report.findings).toEqual([
      expect.objectContaining({
        class: 'contract drift',
        operations: ['getFactor'],
        answer: 'success',
        path: 'data.profile',
        tenant: 'null',
        mock: 'object',
        scenarios: ['a · getFactor #1', 'b · getFactor #1', 'c · getFactor #1'],
        why: 'the pact relies on data.profile being object in this answer',
      }),
    ]);
    expect(report.findings[0]?.proposal).toMatchObject({ to: 'pact' });
    expect(report.findings[0]?.proposal.change).toContain('getFactor (src/pact/interactions/get-factor.ts)');
    expect(report).toMatchObject({ verdict: 'failed', share: 0 });
  });

  test('a field nothing relies on is mock drift: an extra field, a loose field of another type, a field become null', () => {
    const { report } = verdictOf(
      {
        t: [
          getFactor({ phoneNumber: '1', phoneCountryCode: 86 }, { expiresAt: 1 }),
          exchangeOf('enrollFactor', { ...success(), data: null }),
        ],
      },
      {
        t: [getFactor({ phoneNumber: '1', phoneCountryCode: '+86' }), exchangeOf('enrollFactor', success())],
      },
    );
    expect(report.findings.map((f) => [f.class, f.path, f.tenant, f.mock, f.proposal.to])).toEqual([
      ['mock drift', 'data', 'null', 'missing', 'mock rule'],
      ['mock drift', 'data.expiresAt', 'number', 'missing', 'mock rule'],
      ['mock drift', 'data.profile.phoneCountryCode', 'number', 'string', 'mock rule'],
    ]);
    expect(report.findings.map((f) => f.proposal.change)).toEqual([
      expect.stringMatching(/^make src\/mock\/http\/answers\.ts successAnswer\(\) answer data as null/),
      expect.stringMatching(
        /^make src\/mock\/core\/factors\.ts toFactorDto\(\) answer data\.expiresAt as number/,
      ),
      expect.stringMatching(
        /^make src\/mock\/core\/factors\.ts toFactorDto\(\) answer data\.profile\.phoneCountryCode as number \(it answers string\)/,
      ),
    ]);
    expect(report.verdict).toBe('passed');
    expect(fidelityLine(report)).toBe(
      'fidelity 0.0 %: 0 of 2 compared scenarios agree; 0 contract drift, 3 mock drift, 0 accepted; 0 not compared',
    );
  });

  test('a pinned value, another HTTP status and another statusCode class are contract drift', () => {
    const { report } = verdictOf(
      {
        t: [
          getFactor(undefined, { factorType: 'EMAIL' }),
          unknownFactor('resetFactor', { httpStatus: 404 }),
          unknownFactor('getFactor', { statusCode: 500 }),
        ],
      },
      { t: [getFactor(), unknownFactor('resetFactor'), unknownFactor('getFactor')] },
    );
    expect(
      report.findings.map((f) => [f.class, f.operations.join(), f.answer, f.path, f.tenant, f.mock]),
    ).toEqual([
      ['contract drift', 'getFactor', 'success', 'data.factorType', 'string(EMAIL)', 'string(SMS)'],
      ['contract drift', 'getFactor', 'unknownFactorId', 'statusCode', '500', '404'],
      ['contract drift', 'resetFactor', 'unknownFactorId', 'httpStatus', '404', '200'],
    ]);
  });

  test("a catalog field's difference is one finding over every operation answering the scenario, proposing the catalog change", () => {
    const { report } = verdictOf(
      {
        t: [
          unknownFactor('resetFactor', { statusCode: 410 }),
          unknownFactor('getFactor', { statusCode: 410 }),
        ],
      },
      { t: [unknownFactor('resetFactor'), unknownFactor('getFactor')] },
    );
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      class: 'mock drift',
      operations: ['getFactor', 'resetFactor'],
      path: 'statusCode',
      proposal: { to: 'error catalog' },
    });
    expect(report.findings[0]?.proposal.change).toMatch(
      /^ERROR_CATALOG\.unknownFactorId: statusCode 404 → 410; keep source 'assumed'.*observed on staging \d{4}-\d\d-\d\d: HTTP 200, statusCode 410, no apiCode$/,
    );
  });

  test('an apiCode the pact pins is contract drift; a requestId no one reads is mock drift', () => {
    const wrongTotp = (changes: Record<string, unknown> = {}) => {
      const { status, body } = failure('wrongTotp', changes);
      return exchangeOf('enrollFactor', body, { status });
    };
    const { report } = verdictOf(
      { t: [wrongTotp({ apiCode: 6002 }), unknownFactor('resetFactor', { requestId: undefined })] },
      { t: [wrongTotp(), unknownFactor('resetFactor')] },
    );
    expect(report.findings.map((f) => [f.class, f.answer, f.path, f.tenant, f.mock])).toEqual([
      ['contract drift', 'wrongTotp', 'apiCode', '6002', '6001'],
      ['mock drift', 'unknownFactorId', 'requestId', 'absent', 'present'],
    ]);
  });

  test('list items of a factor type only one side had are not compared; the items both had are', () => {
    const list = (...factors: object[]) => exchangeOf('listEnrolledFactors', success(factors));
    const otp = { factorId: 'o', factorType: 'OTP', profile: {} };
    const { report } = verdictOf(
      { t: [list(smsFactor(), otp)], u: [list(smsFactor({ phoneNumber: '1' }))] },
      { t: [list(smsFactor())], u: [list(smsFactor(), otp)] },
    );
    expect(report.findings.map((f) => [f.class, f.path, f.tenant, f.mock, f.scenarios])).toEqual([
      [
        'mock drift',
        'data[factorType=SMS].profile.phoneCountryCode',
        'missing',
        'string',
        ['u · listEnrolledFactors #1'],
      ],
    ]);
    expect(report.scenarios).toMatchObject({ compared: 2, agree: 1, differ: 1 });
  });

  test('calls whose lists differ only in which factor types they hold pair by number, not with a look-alike', () => {
    const offered = (...types: string[]) =>
      exchangeOf('listFactorsToEnroll', success(types.map((factorType) => ({ factorType }))));
    const { report } = verdictOf(
      { flow: [offered('SMS', 'OTP'), offered('OTP'), offered('OTP', 'EMAIL')] },
      { flow: [offered('SMS'), offered('OTP'), offered('SMS', 'OTP')] },
    );
    expect(report.scenarios).toMatchObject({ compared: 3, agree: 3, tenantOnly: 0, mockOnly: 0 });
  });

  test('calls made at the same time pair up in any order; runs that went different ways and one-sided calls are not compared', () => {
    const ok = exchangeOf('enrollFactor', success(), { requestBody: { enrollmentToken: 't' } });
    const used = (() => {
      const { status, body } = failure('enrollmentTokenUsed');
      return exchangeOf('enrollFactor', body, { status, requestBody: { enrollmentToken: 't' } });
    })();
    const other = exchangeOf('enrollFactor', success(), {
      requestBody: { enrollmentToken: 't', extra: true },
    });
    const { report } = verdictOf(
      { race: [ok, used], diverged: [ok], tenantOnly: [ok], more: [ok, ok] },
      { race: [used, ok], diverged: [other], more: [ok] },
    );
    expect(report.findings).toEqual([]);
    expect(report.scenarios).toMatchObject({
      compared: 3,
      agree: 3,
      tenantOnly: 2,
      mockOnly: 0,
      diverged: 1,
    });
    expect(report.notCompared.map((entry) => entry.scenario)).toEqual([
      'diverged · enrollFactor #1',
      'more · enrollFactor #2',
      'tenantOnly · enrollFactor #1',
    ]);
    expect(report.notCompared[0]?.reason).toMatch(/sent different requests/);
  });

  test("a burst's answers agree however many of each kind a rate limit let through; a kind only one side gave differs", () => {
    const served = exchangeOf('listFactorsToEnroll', success([{ factorType: 'SMS' }]));
    const throttled = (() => {
      const { status, body } = failure('throttled');
      return exchangeOf('listFactorsToEnroll', body, { status });
    })();
    const burst = new Set(['burst']);
    const compare = (tenant: Exchange[], mock: Exchange[], bursts = burst) =>
      judge(
        compareRecordings(
          recordingFrom('tenant', { burst: tenant }, bursts),
          recordingFrom('mock', { burst: mock }, bursts),
        ),
        { reliance, accepted: [] },
      ).report;
    const timing = compare(
      [served, served, served, throttled, throttled],
      [served, served, throttled, served, served],
    );
    expect(timing.findings).toEqual([]);
    expect(timing.scenarios).toMatchObject({ compared: 5, agree: 5, tenantOnly: 0, mockOnly: 0 });

    const sequential = compare([served, served, throttled], [served, served, served], new Set());
    expect(sequential.findings.map((f) => [f.class, f.path])).not.toEqual([]);

    const neverThrottled = compare([served, throttled], [served, served]);
    expect(neverThrottled.findings.map((f) => f.path)).toContain('httpStatus');
  });

  test('a difference accepted with its reason counts as agreeing and never fails; a contract drift cannot be accepted', () => {
    const accepted = [
      {
        operation: '*' as const,
        path: 'requestId',
        reason: 'GenAuth leaves it out of some errors; no one reads it',
      },
      {
        operation: 'getFactor' as const,
        path: 'data.profile',
        reason: 'an attempt to accept what the pact relies on',
      },
    ];
    const { report } = verdictOf(
      { t: [unknownFactor('resetFactor', { requestId: undefined })], u: [getFactor(null)] },
      { t: [unknownFactor('resetFactor')], u: [getFactor()] },
      accepted,
    );
    expect(report.findings.map((f) => [f.class, f.path, f.proposal.to])).toEqual([
      ['contract drift', 'data.profile', 'pact'],
      ['accepted', 'requestId', 'accepted'],
    ]);
    expect(report.scenarios).toMatchObject({ compared: 2, agree: 0, accepted: 1, differ: 1 });
    expect(report.share).toBe(0.5);
  });

  test('each scenario is an Allure result under the fidelity suite, with a history id that stays the same', () => {
    const judged = verdictOf(
      {
        a: [getFactor(null)],
        b: [getFactor({ phoneNumber: '1', phoneCountryCode: 86 })],
        c: [getFactor()],
        d: [getFactor()],
      },
      { a: [getFactor()], b: [getFactor()], c: [getFactor()] },
    );
    const dir = mkdtempSync(join(tmpdir(), 'fidelity-allure-'));
    expect(writeFidelityResults(dir, judged, 1000)).toBe(4);
    writeFidelityResults(dir, judged, 2000);
    const results = readdirResults(dir);
    expect(results.map((r) => [r.name, r.status, r.historyId])).toEqual([
      ['a · getFactor #1', 'failed', 'fidelity: a · getFactor #1'],
      ['b · getFactor #1', 'unknown', 'fidelity: b · getFactor #1'],
      ['c · getFactor #1', 'passed', 'fidelity: c · getFactor #1'],
      ['d · getFactor #1', 'skipped', 'fidelity: d · getFactor #1'],
    ]);
    expect(results[0]?.labels).toEqual(
      expect.arrayContaining([
        { name: 'parentSuite', value: 'fidelity' },
        { name: 'suite', value: 'getFactor' },
        { name: 'tag', value: 'contract drift' },
      ]),
    );
    expect(results[0]?.description).toContain('| contract drift | `data.profile` | null | object | pact:');
  });
});

function readdirResults(dir: string) {
  return readdirSync(dir)
    .map(
      (file) =>
        JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
          name: string;
          status: string;
          historyId: string;
          labels: { name: string; value: string }[];
          description: string;
        },
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}
