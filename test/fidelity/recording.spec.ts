import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ExchangeRecorder } from '../../src/fidelity/recorder';
import {
  collectRecording,
  mergeRecordings,
  type Recording,
  readRecording,
  secretsIn,
  writeRecording,
} from '../../src/fidelity/recording';
import { exchangeOf, recordingFrom, smsFactor, success } from './exchanges';

const dirOf = () => mkdtempSync(join(tmpdir(), 'fidelity-recording-'));

test.describe('a recording', () => {
  test('of exchanges carrying planted secrets holds none of them', () => {
    const secrets = {
      accessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.cGxhbnRlZC1zaWduYXR1cmU',
      enrollmentToken: 'planted-enrollment-token-Zq81xWv0',
      passCode: '482913',
      totpSecret: 'JBSWY3DPEHPK3PXPPLANTED',
      recoveryCode: 'a1b2-c3d4-e5f6-a7b8-c9d0-e1f2',
      password: 'planted-Password-77',
      email: 'planted.person@example.test',
      phone: '13912345678',
      factorId: '65f00c0ffee0000000000001|phone',
    };
    const exchanges = [
      exchangeOf(
        'sendEnrollFactorRequest',
        success({
          enrollmentToken: secrets.enrollmentToken,
          otpData: {
            qrCodeUri: `otpauth://totp/Pool:${secrets.email}?secret=${secrets.totpSecret}`,
            qrCodeDataUrl: 'data:image/png;base64,iVBORw0KGgoPLANTED=',
            recoveryCode: secrets.recoveryCode,
          },
        }),
        {
          authorization: `Bearer ${secrets.accessToken}`,
          requestBody: { factorType: 'OTP', password: secrets.password },
        },
      ),
      exchangeOf(
        'enrollFactor',
        {
          statusCode: 400,
          message: `token ${secrets.enrollmentToken} and code ${secrets.passCode} refused`,
          requestId: 'r',
        },
        {
          requestBody: {
            enrollmentToken: secrets.enrollmentToken,
            enrollmentData: { passCode: secrets.passCode },
          },
        },
      ),
      exchangeOf('getFactor', success(smsFactor({ phoneNumber: secrets.phone, email: secrets.email })), {
        query: `factorId=${encodeURIComponent(secrets.factorId)}`,
      }),
    ];
    const recorder = new ExchangeRecorder('a test', 'test-id');
    for (const exchange of exchanges) recorder.record(exchange);
    const dir = dirOf();
    recorder.writeTo(dir, 'worker-1', 'passed');
    const recording = collectRecording(dir, { side: 'tenant', target: 'staging' });
    const file = join(dir, 'recording-tenant.json');
    writeRecording(file, recording);
    const written = readFileSync(file, 'utf8') + readFileSync(join(dir, 'parts', 'worker-1.jsonl'), 'utf8');
    for (const [name, value] of Object.entries(secrets)) {
      expect(written.includes(value), `${name} is in the recording`).toBe(false);
    }
    expect(secretsIn(recording)).toEqual([]);
    expect(recording.tests[0]?.exchanges.map((exchange) => `${exchange.operation} #${exchange.n}`)).toEqual([
      'sendEnrollFactorRequest #1',
      'enrollFactor #1',
      'getFactor #1',
    ]);
  });

  test('marks the calls sent while another was in flight, and only those', async () => {
    const recorder = new ExchangeRecorder('a burst', 'test-id');
    const call = (durationMs: number) =>
      recorder.record({ ...exchangeOf('listFactorsToEnroll', success([])), durationMs });
    call(5);
    await new Promise((resolve) => setTimeout(resolve, 80));
    // Two answers arriving together, each sent 50 ms before: in flight at the same time.
    call(50);
    call(50);
    await new Promise((resolve) => setTimeout(resolve, 20));
    call(5);
    const dir = dirOf();
    recorder.writeTo(dir, 'worker-1', 'passed');
    const recording = collectRecording(dir, { side: 'tenant', target: 'staging' });
    expect(recording.tests[0]?.exchanges.map((exchange) => exchange.concurrent ?? false)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  test('that would hold something looking like a secret is not written', () => {
    const recording = recordingFrom('tenant', { t: [exchangeOf('listFactorsToEnroll', success([]))] });
    const leaky: Recording = {
      ...recording,
      tests: [{ ...(recording.tests[0] as Recording['tests'][number]), test: 'Bearer abcdefghijklmnop' }],
    };
    expect(secretsIn(leaky)).toEqual(['Bearer abcdefghijklmnop']);
    const file = join(dirOf(), 'leaky.json');
    expect(() => writeRecording(file, leaky)).toThrow(
      /would hold 1 text\(s\) that look like secrets; it was not written/,
    );
  });

  test("keeps each test's last attempt, stores each shape once, and reads back what it wrote", () => {
    const dir = dirOf();
    const first = new ExchangeRecorder('flaky test', 'id-1');
    first.record(exchangeOf('listFactorsToEnroll', { statusCode: 500, message: 'oops' }, { status: 500 }));
    first.writeTo(dir, 'w1', 'failed');
    const again = new ExchangeRecorder('flaky test', 'id-1');
    again.record(exchangeOf('listFactorsToEnroll', success([{ factorType: 'SMS' }])));
    again.record(exchangeOf('listFactorsToEnroll', success([{ factorType: 'SMS' }])));
    again.writeTo(dir, 'w2', 'passed');
    new ExchangeRecorder('a test without calls', 'id-2').writeTo(dir, 'w2', 'skipped');
    const recording = collectRecording(dir, { side: 'tenant', target: 'staging', fakerSeed: 7 });
    expect(recording.tests).toEqual([
      {
        test: 'flaky test',
        testId: 'id-1',
        status: 'passed',
        exchanges: [
          { operation: 'listFactorsToEnroll', n: 1, request: 0, answer: 0 },
          { operation: 'listFactorsToEnroll', n: 2, request: 0, answer: 0 },
        ],
      },
    ]);
    expect(recording).toMatchObject({ version: 1, side: 'tenant', target: 'staging', fakerSeed: 7 });
    const file = join(dir, 'recording.json');
    writeRecording(file, recording);
    expect(readRecording(file)).toEqual(recording);
  });

  test('recordings of shards merge into one, their shapes renumbered', () => {
    const one = recordingFrom('tenant', { a: [exchangeOf('listFactorsToEnroll', success([]))] });
    const two = recordingFrom('tenant', {
      b: [exchangeOf('getFactor', success(smsFactor())), exchangeOf('listFactorsToEnroll', success([]))],
    });
    const merged = mergeRecordings([one, two]);
    expect(merged.tests.map((test) => test.test)).toEqual(['a', 'b']);
    expect(merged.answers).toHaveLength(2);
    expect(merged.tests[1]?.exchanges.map((exchange) => exchange.answer)).toEqual([1, 0]);
    expect(() => mergeRecordings([one, recordingFrom('mock', {})])).toThrow(
      /different sides \(tenant, mock\)/,
    );
  });

  test('of another version, or none, is refused with what to do', () => {
    const dir = dirOf();
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ version: 0, tests: [] }));
    expect(() => readRecording(old)).toThrow(
      /version 0; this harness reads version 1\. Record both sides again/,
    );
    expect(() => readRecording(join(dir, 'none.json'))).toThrow(
      /does not exist; a recording is written by a run with HARNESS_FIDELITY_DIR set/,
    );
  });
});
