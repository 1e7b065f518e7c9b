import { defined, type EnrollmentKit, expect, scenario, severalFactorsTest as test } from '../../fixtures';
import { FACTOR_TYPES, type FactorDto, type FactorType, totpCodeAt } from '../../src/contract';
import type { Environment } from '../../src/env';

/** Whether the journey's user can bind the type here: FACE needs a photo the environment accepts. */
const BINDABLE: Readonly<Record<FactorType, (environment: Environment) => boolean>> = {
  OTP: () => true,
  SMS: () => true,
  EMAIL: () => true,
  FACE: (environment) => environment.config.kind === 'mock' || environment.facePhoto !== undefined,
};

/** The profile fields a listed factor repeats from its enrollment request. */
const LISTED_PROFILE: Readonly<Record<FactorType, readonly string[]>> = {
  OTP: [],
  SMS: ['phoneNumber'],
  EMAIL: ['email'],
  FACE: [],
};

/**
 * The order a person resets them in: neither the order they were bound in nor its reverse, so a provider that
 * unbinds the first or the last factor it holds instead of the one named is seen at the first reset.
 */
const RESET_ORDER: readonly FactorType[] = ['SMS', 'FACE', 'OTP', 'EMAIL'];

type Bound = Awaited<ReturnType<EnrollmentKit['bind']>>;

/** What a person checks still works while they hold a factor of the type, beyond its being listed. */
const STILL_WORKS: Readonly<
  Record<
    FactorType,
    ((kit: EnrollmentKit, bound: Bound, environment: Environment) => Promise<void>) | undefined
  >
> = {
  OTP: async (kit, bound, environment) => {
    const app = defined(bound.totp, 'the authenticator app set up from the QR image');
    const { verified } = await kit.client.mfaOtpVerify({
      totp: totpCodeAt(app, await environment.clock.now(kit.user)),
    });
    expect(verified, 'the authenticator app set up from the QR image still works').toBe(true);
  },
  SMS: undefined,
  EMAIL: undefined,
  FACE: undefined,
};

const typesOf = (factors: readonly { factorType: FactorType }[]) =>
  factors.map((factor) => factor.factorType).sort();
const byType = (factors: readonly FactorDto[]) =>
  [...factors].sort((a, b) => a.factorType.localeCompare(b.factorType));
const pick = (profile: Readonly<Record<string, unknown>> | null | undefined, fields: readonly string[]) =>
  Object.fromEntries(fields.map((field) => [field, profile?.[field]]));

/** Binds every type the environment allows, in order, as one person does; answers what each enrollment used. */
async function bindEach(kit: EnrollmentKit, environment: Environment) {
  const types = FACTOR_TYPES.filter((type) => BINDABLE[type](environment));
  const offered = typesOf(await kit.client.listFactorsToEnroll());
  expect(offered, 'list-factors-to-enroll offers every type the journey binds').toEqual(
    expect.arrayContaining(types),
  );
  const pending = new Map<FactorType, Bound>();
  for (const type of types) {
    const holding = pending.size > 0 ? ` while ${[...pending.keys()].join(', ')} stay bound` : '';
    await test.step(`${type} is bound${holding}`, async () => {
      pending.set(type, await kit.bind(type));
      const bound = [...pending.keys()];
      expect(
        typesOf(await kit.client.listEnrolledFactors()),
        'list-enrolled-factors: each bound type once',
      ).toEqual([...bound].sort());
      expect(typesOf(await kit.client.listFactorsToEnroll()), 'list-factors-to-enroll: what is left').toEqual(
        offered.filter((offeredType) => !bound.includes(offeredType)),
      );
    });
  }
  return { types, offered, pending };
}

test.describe('a user with several factors', () => {
  test(
    'a user who binds OTP, SMS, EMAIL and FACE in turn holds each of them with its own type and profile',
    scenario({
      scenario: 'several factors',
      severity: 'critical',
      defects: [
        'bind-nothing',
        'still-listed-to-enroll',
        'duplicate-listing',
        'drop-profile',
        'get-factor-wrong-type',
        'get-factor-not-found',
      ],
    }),
    async ({ severalFactors: kit, environment }) => {
      const { types, pending } = await bindEach(kit, environment);
      const listed = await kit.client.listEnrolledFactors();
      for (const type of types) {
        await test.step(`${type} is listed with its profile, and get-factor returns it`, async () => {
          const factor = defined(
            listed.find((candidate) => candidate.factorType === type),
            `the listed ${type} factor`,
          );
          const fields = LISTED_PROFILE[type];
          expect(pick(factor.profile, fields), `the ${type} profile repeats the enrolled one`).toEqual(
            pick(pending.get(type)?.profile, fields),
          );
          expect(await kit.client.getFactor({ factorId: factor.factorId })).toMatchObject({
            factorId: factor.factorId,
            factorType: type,
            profile: factor.profile,
          });
        });
      }
      expect(new Set(listed.map((factor) => factor.factorId)).size, 'every factor has an id of its own').toBe(
        types.length,
      );
    },
  );

  test(
    "resetting one of a user's factors leaves exactly the others, unchanged",
    scenario({
      scenario: 'several factors',
      severity: 'critical',
      defects: ['reset-other-factor', 'reset-keeps-factor'],
    }),
    async ({ severalFactors: kit, environment }) => {
      const { types, offered, pending } = await bindEach(kit, environment);
      let held = byType(await kit.client.listEnrolledFactors());
      for (const type of RESET_ORDER.filter((candidate) => types.includes(candidate))) {
        await test.step(`resetting ${type} leaves ${held.length > 1 ? 'the others' : 'nothing'} as they were`, async () => {
          const factor = defined(
            held.find((candidate) => candidate.factorType === type),
            `the ${type} factor`,
          );
          await kit.client.resetFactor({ factorId: factor.factorId });
          held = held.filter((candidate) => candidate !== factor);
          expect(byType(await kit.client.listEnrolledFactors()), 'the same ids, types and profiles').toEqual(
            held,
          );
          const left = typesOf(held);
          expect(typesOf(await kit.client.listFactorsToEnroll()), `${type} is offered again`).toEqual(
            offered.filter((offeredType) => !left.includes(offeredType)),
          );
          for (const still of held) {
            const bound = defined(pending.get(still.factorType), `the ${still.factorType} enrollment`);
            await STILL_WORKS[still.factorType]?.(kit, bound, environment);
          }
        });
      }
    },
  );
});
