import { expect } from '@playwright/test';
import { RECOVERY_CODE_PATTERN } from '../../../src/contract';
import { EXAMPLE } from '../../../src/pact/examples';
import type { InteractionKey } from '../../../src/pact/interactions';
import { emptyProfile } from '../../../src/pact/interactions/values';
import { accepted, type Exercise, operation } from '../interaction';

/** OTP: the app shows the QR code of the otpauth URI and keeps the recovery code. */
const sendsOtp: Exercise = async (client, form) => {
  const send = operation(client, 'sendEnrollFactorRequest');
  const data = accepted(await send({ factorType: 'OTP', ...emptyProfile(form) }), 'the OTP request');
  expect(data.enrollmentToken).toBe(EXAMPLE.enrollmentToken);
  expect(data.otpData?.qrCodeUri).toMatch(/^otpauth:\/\/totp\//);
  expect(data.otpData?.recoveryCode).toMatch(RECOVERY_CODE_PATTERN);
};

const sendsFace: Exercise = async (client, form) => {
  const send = operation(client, 'sendEnrollFactorRequest');
  const data = accepted(await send({ factorType: 'FACE', ...emptyProfile(form) }), 'the FACE request');
  expect(data.enrollmentToken).toBe(EXAMPLE.enrollmentToken);
};

/** SMS and EMAIL: the code goes to the user's phone number or email address. */
const sendsCode =
  (factorType: 'SMS' | 'EMAIL', profile: { phoneNumber: string } | { email: string }): Exercise =>
  async (client) => {
    const send = operation(client, 'sendEnrollFactorRequest');
    const data = accepted(await send({ factorType, profile }), `the ${factorType} request`);
    expect(data.enrollmentToken).toBe(EXAMPLE.enrollmentToken);
    expect(data.otpData, `${factorType} answers carry no otpData`).toBeUndefined();
  };

export const SEND_ENROLL_FACTOR_REQUEST = {
  sendOtp: sendsOtp,
  sendSms: sendsCode('SMS', { phoneNumber: EXAMPLE.phoneNumber }),
  sendEmail: sendsCode('EMAIL', { email: EXAMPLE.email }),
  sendFace: sendsFace,
  sendOtpWithoutProfile: sendsOtp,
  sendFaceWithoutProfile: sendsFace,
  sendEmailWithCharset: sendsCode('EMAIL', { email: EXAMPLE.email }),
} satisfies Partial<Record<InteractionKey, Exercise>>;
