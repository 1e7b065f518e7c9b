import type { ConsumerClient } from '../../../src/consumers/consumer';
import { EXAMPLE } from '../../../src/pact/examples';
import type { InteractionKey } from '../../../src/pact/interactions';
import { type Exercise, expectAppSeesFailure, operation } from '../interaction';

/** The app sends `sent` and sees the refusal the interaction's record answers. */
const refused =
  (sent: Parameters<ConsumerClient['enrollFactor']>[0]): Exercise =>
  async (client, _form, interaction) => {
    const enroll = operation(client, 'enrollFactor');
    expectAppSeesFailure(await enroll(sent), interaction);
  };

const withCode = (
  factorType: string,
  passCode: string,
  enrollmentToken: string = EXAMPLE.enrollmentToken,
) => ({ factorType, enrollmentToken, enrollmentData: { passCode } });

export const ENROLL_FACTOR_REFUSALS = {
  expiredToken: refused(withCode('SMS', EXAMPLE.passCode)),
  unknownToken: refused(withCode('SMS', EXAMPLE.passCode, EXAMPLE.unknownEnrollmentToken)),
  wrongSmsPassCode: refused(withCode('SMS', EXAMPLE.wrongPassCode)),
  wrongEmailPassCode: refused(withCode('EMAIL', EXAMPLE.wrongPassCode)),
  wrongTotp: refused(withCode('OTP', EXAMPLE.wrongPassCode)),
  missingTotp: refused({
    factorType: 'OTP',
    enrollmentToken: EXAMPLE.enrollmentToken,
    enrollmentData: {},
  }),
  faceWithoutPhoto: refused({
    factorType: 'FACE',
    enrollmentToken: EXAMPLE.enrollmentToken,
    enrollmentData: {},
  }),
  noAccessToken: refused(withCode('SMS', EXAMPLE.passCode)),
  unknownFactorType: refused(withCode(EXAMPLE.unknownFactorType, EXAMPLE.passCode)),
  missingEnrollmentData: refused({ factorType: 'OTP', enrollmentToken: EXAMPLE.enrollmentToken }),
} satisfies Partial<Record<InteractionKey, Exercise>>;
