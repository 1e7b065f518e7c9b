import { expect, test } from '@playwright/test';
import { brokerSettingsFrom } from '../../../src/pact/broker/settings';
import { BROKER } from './values';

test('every broker script refuses clearly without PACT_BROKER_BASE_URL', () => {
  expect(() => brokerSettingsFrom({}, 'publish the pacts to')).toThrow(
    /^\[enroll-factor-harness\] The Pact configuration is incomplete or invalid:\n {2}- PACT_BROKER_BASE_URL is not set, so there is no broker to publish the pacts to/,
  );
  expect(() => brokerSettingsFrom({ PACT_BROKER_BASE_URL: 'broker' }, 'x')).toThrow(/not an http\(s\) URL/);
});

test('every problem of the broker variables is named at once', () => {
  expect(() =>
    brokerSettingsFrom({ PACT_BROKER_BASE_URL: 'broker', PACT_BROKER_USERNAME: 'ci' }, 'x'),
  ).toThrow(
    /PACT_BROKER_BASE_URL is not an http\(s\) URL.*\n.*PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD must be set together/,
  );
});

test('broker credentials are a token or a username with a password, never both', () => {
  expect(brokerSettingsFrom(BROKER, 'x')).toEqual({
    baseUrl: 'https://broker.example.com',
    auth: { kind: 'token' },
  });
  const basic = {
    PACT_BROKER_BASE_URL: 'https://b.example',
    PACT_BROKER_USERNAME: 'ci',
    PACT_BROKER_PASSWORD: 'pw',
  };
  expect(brokerSettingsFrom(basic, 'x').auth).toEqual({ kind: 'basic', username: 'ci' });
  expect(() => brokerSettingsFrom({ ...basic, PACT_BROKER_TOKEN: 't' }, 'x')).toThrow(/not both/);
  expect(() =>
    brokerSettingsFrom({ PACT_BROKER_BASE_URL: 'https://b.example', PACT_BROKER_USERNAME: 'ci' }, 'x'),
  ).toThrow(/together/);
});
