import { expect, test } from '@playwright/test';
import { brokerSettingsFrom } from '../../../src/pact/broker/settings';
import { verificationSource } from '../../../src/pact/broker/source';
import { pactUrlVerifierOptions } from '../../../src/pact/broker/verifier-options';
import { BROKER } from './values';

test('the provider project reads pacts from the broker when one is configured, else from pacts/', () => {
  expect(verificationSource({})).toBe('files');
  expect(verificationSource(BROKER)).toBe('broker');
  expect(verificationSource({ ...BROKER, PACT_VERIFY_SOURCE: 'files' })).toBe('files');
  expect(() => verificationSource({ PACT_VERIFY_SOURCE: 'ftp' })).toThrow(
    /PACT_VERIFY_SOURCE must be one of files, broker/,
  );
});

test('PACT_URL verifies exactly that pact, never the broker selection beside it, published as told', () => {
  const webhook = {
    ...BROKER,
    PACT_URL: 'https://broker.example.com/pacts/provider/p/consumer/c/pact-version/abc',
  };
  expect(verificationSource(webhook)).toBe('url');
  expect(verificationSource({ ...webhook, PACT_VERIFY_SOURCE: 'files' })).toBe('files');
  expect(verificationSource({ ...BROKER, PACT_URL: ' ' })).toBe('broker');
  const options = pactUrlVerifierOptions(
    {
      ...webhook,
      PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'true',
      PACT_PROVIDER_VERSION: '2.3.1',
      PACT_PROVIDER_BRANCH: 'main',
    },
    brokerSettingsFrom(webhook, 'x'),
  );
  expect(options).toMatchObject({
    pactUrls: [webhook.PACT_URL],
    publishVerificationResult: true,
    providerVersion: '2.3.1',
    providerVersionBranch: 'main',
    pactBrokerToken: 'broker-secret-token',
  });
  expect(options).not.toHaveProperty('provider');
  expect(options).not.toHaveProperty('consumerVersionSelectors');
  expect(() => verificationSource({ PACT_URL: 'not a url' })).toThrow(/PACT_URL is not an http\(s\) URL/);
});
