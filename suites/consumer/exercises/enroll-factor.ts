import { EXAMPLE } from '../../../src/pact/examples';
import type { InteractionKey } from '../../../src/pact/interactions';
import { accepted, type Exercise, operation } from '../interaction';

/** The app finishes the enrollment with the code the user typed. */
const bindsWithCode =
  (factorType: 'OTP' | 'SMS' | 'EMAIL'): Exercise =>
  async (client) => {
    const enroll = operation(client, 'enrollFactor');
    const sent = {
      factorType,
      enrollmentToken: EXAMPLE.enrollmentToken,
      enrollmentData: { passCode: EXAMPLE.passCode },
    };
    accepted(await enroll(sent), `enroll-factor for ${factorType}`);
  };

const bindsFace: Exercise = async (client) => {
  const enroll = operation(client, 'enrollFactor');
  const sent = {
    factorType: 'FACE',
    enrollmentToken: EXAMPLE.enrollmentToken,
    enrollmentData: { photo: EXAMPLE.photo, isExternalPhoto: true },
  };
  accepted(await enroll(sent), 'enroll-factor for FACE');
};

export const ENROLL_FACTOR = {
  enrollOtp: bindsWithCode('OTP'),
  enrollSms: bindsWithCode('SMS'),
  enrollEmail: bindsWithCode('EMAIL'),
  enrollFace: bindsFace,
} satisfies Partial<Record<InteractionKey, Exercise>>;
