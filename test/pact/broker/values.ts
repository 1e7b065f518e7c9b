import { pactSettingsFrom } from '../../../src/pact/config';

/** The broker, git facts and pact settings the broker tests share. */
export const BROKER = {
  PACT_BROKER_BASE_URL: 'https://broker.example.com/',
  PACT_BROKER_TOKEN: 'broker-secret-token',
};
export const GIT = { commit: 'a1b2c3d4e5', branch: 'feature/otp' };
export const settings = pactSettingsFrom({});
