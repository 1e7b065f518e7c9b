import { expect, test } from '@playwright/test';
import QRCode from 'qrcode';
import { createTestData } from '../../fixtures/data';
import { EnrollFactorClient, type Exchange, fetchTransport, type Transport } from '../../src/client';
import { EnrollmentKit, QR_SCAN_STEP } from '../../src/enrollment/kit';
import { QrCodeScanError, readQrCode } from '../../src/enrollment/qr-scan';
import { createEnvironment, loadConfig } from '../../src/env';
import type { DefectId } from '../../src/mock/defects';
import { startMock } from '../../src/mock/server';
import { describeExchange } from '../../src/report/attach-exchange';

/**
 * The OTP flow of the suites (EnrollmentKit) against providers whose QR image disagrees with qrCodeUri: the
 * mock shipping a QR defect, or a proxy (a transport that rewrites the answer) drawing the image anew.
 */

interface Shown {
  readonly qrCodeUri: string;
  readonly qrCodeDataUrl: string;
}

interface FlowOutcome {
  /** The error the flow failed with, if it did. */
  readonly error?: Error;
  /** The steps the kit reported. */
  readonly steps: readonly string[];
  /** What the provider showed the person, after any rewriting. */
  readonly shown: readonly Shown[];
  /** The exchanges as the report records them (redacted). */
  readonly reported: readonly string[];
  readonly boundTypes: readonly string[];
}

/** Rewrites the otpData of every send-enroll-factor-request answer, as a proxy in front of the provider would. */
function rewritingOtpData(inner: Transport, rewrite: (shown: Shown) => Promise<Shown>): Transport {
  return async (request) => {
    const response = await inner(request);
    if (!request.url.endsWith('/send-enroll-factor-request')) return response;
    const body = JSON.parse(response.text) as { data?: { otpData?: Shown } };
    const otpData = body.data?.otpData;
    if (!otpData) return response;
    const rewritten = {
      ...body,
      data: { ...body.data, otpData: { ...otpData, ...(await rewrite(otpData)) } },
    };
    return { ...response, text: JSON.stringify(rewritten) };
  };
}

/** Binds OTP through the kit on a mock of its own, optionally shipping defects or behind a rewriting proxy. */
async function otpFlow(options: {
  defects?: DefectId[];
  rewrite?: (shown: Shown) => Promise<Shown>;
}): Promise<FlowOutcome> {
  const mock = await startMock({ port: 0, defects: options.defects ?? [] });
  try {
    const environment = await createEnvironment(loadConfig({ TARGET_ENV: 'mock' }), { baseUrl: mock.url });
    const user = await environment.users.acquire({ touches: ['OTP'] });
    const shown: Shown[] = [];
    const reported: string[] = [];
    const base = fetchTransport();
    const client = new EnrollFactorClient({
      baseUrl: mock.url,
      appId: user.appId,
      accessToken: user.accessToken,
      transport: rewritingOtpData(base, async (otpData) => {
        const rewritten = options.rewrite ? await options.rewrite(otpData) : otpData;
        shown.push(rewritten);
        return rewritten;
      }),
      onExchange: async (exchange: Exchange) => {
        reported.push(JSON.stringify(describeExchange(exchange)));
      },
    });
    const steps: string[] = [];
    const kit = new EnrollmentKit(environment, user, client, createTestData({ seed: 7 }), (title, check) => {
      steps.push(title);
      return check();
    });
    let error: Error | undefined;
    try {
      await kit.bind('OTP');
    } catch (caught) {
      error = caught as Error;
    }
    const boundTypes = (await client.listEnrolledFactors()).map((factor) => factor.factorType);
    return { error, steps, shown, reported, boundTypes };
  } finally {
    await mock.close();
  }
}

/** Every secret the person was shown: the one in qrCodeUri and the one in the image, when it holds one. */
function secretsShown(shown: readonly Shown[]): string[] {
  return shown.flatMap(({ qrCodeUri, qrCodeDataUrl }) => {
    const texts = [qrCodeUri];
    try {
      texts.push(readQrCode(qrCodeDataUrl));
    } catch {
      // An image with no code holds no secret.
    }
    return texts.map((text) => new URL(text).searchParams.get('secret') ?? '').filter(Boolean);
  });
}

/** Asserts that no secret shown appears in the error, the steps or the exchanges the report records. */
function expectNoSecretPrinted(outcome: FlowOutcome): void {
  const secrets = secretsShown(outcome.shown);
  expect(secrets.length, 'the flow was shown at least one secret').toBeGreaterThan(0);
  const printed = [
    outcome.error?.message ?? '',
    outcome.error?.stack ?? '',
    ...outcome.steps,
    ...outcome.reported,
  ];
  for (const secret of secrets) {
    for (const text of printed) expect(text.includes(secret), 'a secret in what is printed').toBe(false);
  }
  for (const text of outcome.reported)
    expect(text, 'the image in a recorded exchange').not.toContain('data:image');
}

test.describe('the OTP flow scans the QR image as an authenticator app does', () => {
  test('a QR image holding another secret fails the flow, naming the difference and printing no secret', async () => {
    const outcome = await otpFlow({ defects: ['qr-image-other-secret'] });
    expect(outcome.error).toBeInstanceOf(QrCodeScanError);
    expect(outcome.error?.message).toContain("the QR image's secret differs from qrCodeUri");
    expect(outcome.steps).toEqual([QR_SCAN_STEP]);
    expect(outcome.boundTypes, 'nothing is bound with a key the app does not hold').toEqual([]);
    expectNoSecretPrinted(outcome);
  });

  test('a QR image with no QR code in it fails the flow, saying so', async () => {
    const outcome = await otpFlow({ defects: ['qr-image-without-code'] });
    expect(outcome.error).toBeInstanceOf(QrCodeScanError);
    expect(outcome.error?.message).toContain('the QR image holds no QR code');
    expect(outcome.boundTypes).toEqual([]);
    expectNoSecretPrinted(outcome);
  });

  test('a proxy drawing another secret into the image of a faithful provider fails the flow the same way', async () => {
    const outcome = await otpFlow({
      rewrite: async ({ qrCodeUri }) => ({
        qrCodeUri,
        qrCodeDataUrl: await QRCode.toDataURL(
          qrCodeUri.replace(/secret=[A-Z2-7]+/, 'secret=KQTR6XTTCILXYMLB'),
        ),
      }),
    });
    expect(outcome.error?.message).toContain("the QR image's secret differs from qrCodeUri");
    expectNoSecretPrinted(outcome);
  });

  test('the same URI drawn anew at another size, margin and error correction level binds the factor', async () => {
    const outcome = await otpFlow({
      rewrite: async ({ qrCodeUri }) => ({
        qrCodeUri,
        qrCodeDataUrl: await QRCode.toDataURL(qrCodeUri, {
          width: 420,
          margin: 8,
          errorCorrectionLevel: 'H',
        }),
      }),
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.steps).toEqual([QR_SCAN_STEP]);
    expect(outcome.boundTypes).toEqual(['OTP']);
    expectNoSecretPrinted(outcome);
  });
});
