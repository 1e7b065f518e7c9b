import { type FactorType, FactorTypeSchema, provenByCode, TOTP_PARAMETERS, totpCodeAt } from '../contract';
import type { EnrollmentKit, StartedEnrollment } from '../enrollment/kit';
import {
  type AcquireUserOptions,
  type Clock,
  letElapse,
  type TestUser,
  UnavailableError,
  type UserProvider,
} from '../env';
import { HarnessError } from '../errors';
import {
  isProviderStateName,
  PROVIDER_STATES,
  type ProviderStateName,
  type ProviderStateParams,
  type ProviderStateValues,
} from './interactions/states';

/**
 * The provider states of the pacts, set up through what the target environment can do: a user from the
 * environment's user provider (a fresh mock user, or the designated real user), enrollments through the
 * public API, codes from the environment's inbox, and expiry through its clock (a virtual jump on the
 * mock, real waiting elsewhere).
 */
export interface StateContext {
  readonly users: UserProvider;
  /** Users other than `users`' (a second account on a real environment); `othersBoundFactor` needs them. */
  readonly otherUsers?: UserProvider;
  readonly clock: Clock;
  readonly enrollmentTokenTtlMs: number;
  readonly expiryMarginMs: number;
  /** What the user needs for the factor type, e.g. an email address before a face can be bound (1703). */
  readonly userFor?: (factorType: FactorType) => AcquireUserOptions;
  /** The public-API driver acting as `user`. */
  readonly kitFor: (
    user: TestUser,
  ) => Pick<EnrollmentKit, 'start' | 'passCode' | 'facePhoto' | 'bind' | 'boundFactor' | 'profileFor'>;
}

/** The state of the interaction being verified: the user the request filter authenticates as. */
export interface ActiveState {
  readonly name: ProviderStateName;
  readonly user: TestUser;
  readonly values: ProviderStateValues;
  /** Another user the state set up (`othersBoundFactor`), released with it. */
  readonly other?: { readonly user: TestUser; readonly provider: UserProvider };
}

/** A provider state that cannot be set up: what is wrong, and what the pact or the provider should change. */
export class ProviderStateError extends HarnessError {
  override readonly name: string = 'ProviderStateError';
}

/** A provider state needs an optional capability this environment lacks: its interactions are skipped, not failed. */
export class StateCapabilityError extends UnavailableError {
  override readonly name = 'StateCapabilityError';
  constructor(
    state: ProviderStateName,
    /** What is missing and how to provide it. */
    capability: string,
  ) {
    super(`provider state "${state}" needs ${capability}`);
  }
}

/** A second user, for the states that act on another user's factors. */
const SECOND_USER =
  'a second user: set GENAUTH_OTHER_ACCESS_TOKEN, or GENAUTH_OTHER_ACCOUNT and GENAUTH_OTHER_PASSWORD';

/** A well-formed code that differs from every accepted one: each digit moved by one, until it is free. */
export function wrongCodeFor(accepted: readonly string[], length = accepted[0]?.length ?? 6): string {
  const base = accepted[0] ?? '0'.repeat(length);
  for (let shift = 1; shift < 10; shift += 1) {
    const candidate = [...base].map((digit) => String((Number(digit) + shift) % 10)).join('');
    if (!accepted.includes(candidate)) return candidate;
  }
  throw new ProviderStateError('no wrong code could be built: every candidate is accepted');
}

/** The parameters a pact gives a state, checked: `{ factorType }`. */
export function paramsOf(name: string, params: unknown): ProviderStateParams {
  const factorType = FactorTypeSchema.safeParse((params as { factorType?: unknown } | undefined)?.factorType);
  if (!factorType.success) {
    throw new ProviderStateError(
      `provider state "${name}" needs the parameter factorType (OTP, SMS, EMAIL or FACE); the pact gave ${JSON.stringify(params)}.`,
    );
  }
  return { factorType: factorType.data };
}

function recipientValues(pending: Pick<StartedEnrollment, 'profile'>): ProviderStateValues {
  const values: ProviderStateValues = {};
  if (pending.profile?.phoneNumber) values.phoneNumber = pending.profile.phoneNumber;
  if (pending.profile?.email) values.email = pending.profile.email;
  return values;
}

/** The provider states of a verification, set up and torn down one at a time, and the state they leave for the request filter. */
export class ProviderStates {
  private current: ActiveState | undefined;

  constructor(private readonly context: StateContext) {}

  get active(): ActiveState | undefined {
    return this.current;
  }

  /** The optional capability a state needs that this environment lacks, if any: its interactions are skipped. */
  missingCapability(name: string): string | undefined {
    return name === PROVIDER_STATES.othersBoundFactor && !this.context.otherUsers ? SECOND_USER : undefined;
  }

  /** Whether the users these states set up have an id_token, for the interactions that send it. */
  get idTokens(): boolean {
    return this.context.users.idTokens;
  }

  async setUp(name: string, { factorType }: ProviderStateParams): Promise<ProviderStateValues> {
    if (!isProviderStateName(name)) {
      throw new ProviderStateError(
        `the pact uses the provider state "${name}", which this provider does not know. Known states: ${Object.values(PROVIDER_STATES).join('; ')}.`,
      );
    }
    await this.tearDown();
    const user = await this.context.users.acquire({
      ...this.context.userFor?.(factorType),
      touches: [factorType],
    });
    this.current = { name, user, values: {} };
    const kit = this.context.kitFor(user);
    let values: ProviderStateValues;
    switch (name) {
      case PROVIDER_STATES.canEnroll:
        values = recipientValues({ profile: kit.profileFor(factorType) });
        break;
      case PROVIDER_STATES.pendingEnrollment:
        values = await this.pending(kit, factorType);
        break;
      case PROVIDER_STATES.expiredEnrollment: {
        const pending = await kit.start(factorType);
        values = { ...recipientValues(pending), enrollmentToken: pending.enrollmentToken };
        if (provenByCode(factorType)) values.passCode = await kit.passCode(pending);
        const lifetime = this.context.enrollmentTokenTtlMs + this.context.expiryMarginMs;
        await letElapse(this.context.clock, user, pending.answeredAt, lifetime);
        break;
      }
      case PROVIDER_STATES.boundFactor: {
        const pending = await kit.bind(factorType);
        values = { ...recipientValues(pending), factorId: await this.boundId(kit, factorType) };
        const { totp } = pending;
        if (totp) {
          // The current code, and one no TOTP step near the verification accepts: the pact verifies either.
          const now = await this.context.clock.now(user);
          const accepted = [-2, -1, 0, 1, 2, 3].map((step) =>
            totpCodeAt(totp, now + step * TOTP_PARAMETERS.period * 1000),
          );
          values.passCode = totpCodeAt(totp, now);
          values.wrongPassCode = wrongCodeFor(accepted);
        }
        break;
      }
      case PROVIDER_STATES.othersBoundFactor: {
        const provider = this.context.otherUsers;
        if (!provider) throw new StateCapabilityError(name, SECOND_USER);
        const owner = await provider.acquire({
          ...this.context.userFor?.(factorType),
          touches: [factorType],
        });
        this.current = { name, user, values: {}, other: { user: owner, provider } };
        const ownerKit = this.context.kitFor(owner);
        await ownerKit.bind(factorType);
        values = { factorId: await this.boundId(ownerKit, factorType) };
        this.current = { name, user, values, other: { user: owner, provider } };
        return values;
      }
    }
    this.current = { name, user, values };
    return values;
  }

  async tearDown(): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    if (!previous) return;
    try {
      if (previous.other) await previous.other.provider.release(previous.other.user);
    } finally {
      await this.context.users.release(previous.user);
    }
  }

  /** The id of the user's bound factor of this type, as list-enrolled-factors gives it. */
  private async boundId(kit: ReturnType<StateContext['kitFor']>, factorType: FactorType): Promise<string> {
    const bound = await kit.boundFactor(factorType);
    if (!bound) {
      throw new ProviderStateError(`${factorType} was bound but list-enrolled-factors does not show it.`);
    }
    return bound.factorId;
  }

  private async pending(
    kit: ReturnType<StateContext['kitFor']>,
    factorType: ProviderStateParams['factorType'],
  ): Promise<ProviderStateValues> {
    const pending = await kit.start(factorType);
    const values: ProviderStateValues = {
      ...recipientValues(pending),
      enrollmentToken: pending.enrollmentToken,
    };
    if (!provenByCode(factorType)) return { ...values, photo: kit.facePhoto().photo };
    values.passCode = await kit.passCode(pending);
    const { totp } = pending;
    const accepted = totp
      ? [-1, 0, 1, 2].map((step) =>
          totpCodeAt(totp, pending.answeredAt + step * TOTP_PARAMETERS.period * 1000),
        )
      : [values.passCode];
    values.wrongPassCode = wrongCodeFor([values.passCode, ...accepted]);
    return values;
  }
}
