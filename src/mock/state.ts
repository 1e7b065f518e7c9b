import type { FactorType } from '../contract';

export interface App {
  readonly appId: string;
  readonly userPoolName: string;
  readonly factorTypes: readonly FactorType[];
}

export interface User {
  readonly userId: string;
  readonly appId: string;
  readonly userPoolName: string;
  phoneNumber?: string;
  email?: string;
  /** Sign-in name of a seeded user; seeded users also have a password. */
  readonly account?: string;
  readonly password?: string;
  /** Users created through the control plane go once idle; seed users stay for the mock's lifetime. */
  readonly sweepable: boolean;
  /** Real time (not the user's clock) of the user's last request or control call. */
  lastSeenMs: number;
  /** Factor types reset-factor refuses to unbind for this user, beyond the mock's own `refuseResetOf`. */
  readonly refuseResetOf?: readonly FactorType[];
  /** The user's sign-in asks for MFA: it answers an MFA token instead of tokens. */
  readonly signInNeedsMfa?: boolean;
}

/** What a token stands for: a login (`access`), the sign-in's `id`entity, or a login waiting for MFA. */
export type TokenKind = 'access' | 'id' | 'mfa';

export interface AccessTokenRecord {
  readonly userId: string;
  /** In the user's virtual time. */
  readonly expiresAt: number;
  readonly kind: TokenKind;
}

export interface PhoneProfile {
  readonly phoneNumber: string;
  readonly phoneCountryCode: string;
}

export interface EmailProfile {
  readonly email: string;
}

interface Issued {
  readonly token: string;
  readonly userId: string;
  /** In the owner's virtual time. */
  readonly issuedAt: number;
}

/** An enrollment requested and not yet completed: what proves it depends on the factor type. */
export type PendingEnrollment = Issued &
  (
    | { readonly factorType: 'SMS'; readonly profile: PhoneProfile; readonly code: string }
    | { readonly factorType: 'EMAIL'; readonly profile: EmailProfile; readonly code: string }
    | { readonly factorType: 'OTP'; readonly totpSecret: string; readonly recoveryCode: string }
    | { readonly factorType: 'FACE' }
  );

/** A bound factor: what it keeps depends on the factor type (SMS and EMAIL: the code that bound it). */
export type BoundFactor = { readonly factorId: string } & (
  | { readonly factorType: 'SMS'; readonly profile: PhoneProfile; readonly code: string }
  | { readonly factorType: 'EMAIL'; readonly profile: EmailProfile; readonly code: string }
  | { readonly factorType: 'OTP'; readonly totpSecret: string; readonly recoveryCode: string }
  | { readonly factorType: 'FACE'; readonly photo: string }
);

/** A code the mock sent, as the control plane's outbox shows it, and whose it is. */
export interface OutboxRecord {
  readonly to: string;
  readonly channel: 'SMS' | 'EMAIL';
  readonly code: string;
  /** ISO 8601, in the recipient user's virtual time. */
  readonly sentAt: string;
  readonly userId: string;
}

export interface ResendLock {
  readonly userId: string;
  /** In the sending user's virtual time. */
  readonly sentAt: number;
}

/** Why a token that is no longer pending cannot be used: kept so the answer can say "used" or "expired". */
export type SpentReason = 'used' | 'expired';

/** A map that forgets its oldest entries beyond `limit`: bounded memory for tombstones. */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    for (const oldest of this.map.keys()) {
      if (this.map.size <= this.limit) break;
      this.map.delete(oldest);
    }
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

export const TOMBSTONE_LIMIT = 20_000;
export const OUTBOX_LIMIT = 10_000;

/** Everything the mock remembers. Plain data; the rules live in `core/`. */
export class MockState {
  readonly apps = new Map<string, App>();
  readonly users = new Map<string, User>();
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  readonly pending = new Map<string, PendingEnrollment>();
  readonly pendingByUser = new Map<string, Set<string>>();
  readonly spentTokens = new BoundedMap<string, SpentReason>(TOMBSTONE_LIMIT);
  readonly factors = new Map<string, Map<FactorType, BoundFactor>>();
  /** Whose a factorId is, whatever its format: ids are opaque to clients, so ownership is looked up. */
  readonly factorOwners = new Map<string, { readonly userId: string; readonly factorType: FactorType }>();
  /** Rate limits of user pools that have their own (`POST /__mock/users` with `rateLimitPerSecond`). */
  readonly poolRateLimits = new Map<string, number>();
  readonly resendLocks = new Map<string, ResendLock>();
  /**
   * Per user and factor type, the key of the factor last reset: its TOTP secret, or the code that bound it. Kept
   * so the rules can decide that it proves nothing any more.
   */
  readonly revokedKeys = new Map<string, Map<FactorType, string>>();
  /** Oldest first; read newest first. */
  outbox: OutboxRecord[] = [];
  /** Users who can sign in (they have a password), by each of their sign-in names. */
  private readonly signinNames = new Map<string, Set<User>>();

  addUser(user: User): void {
    this.users.set(user.userId, user);
    this.indexSigninNames(user);
  }

  /** Files a user that can sign in under its account, email and phone number, e.g. after it bound one. */
  indexSigninNames(user: User): void {
    if (user.password === undefined) return;
    for (const name of [user.account, user.email, user.phoneNumber]) {
      if (name === undefined) continue;
      let named = this.signinNames.get(name);
      if (!named) {
        named = new Set();
        this.signinNames.set(name, named);
      }
      named.add(user);
    }
  }

  /** The users who sign in with `name`: a lookup, whatever the number of users. */
  usersNamed(name: string): ReadonlySet<User> {
    return this.signinNames.get(name) ?? new Set();
  }

  /**
   * Forgets users and everything that is theirs: their application (each user created through the control
   * plane has one of its own), tokens, pending enrollments, factors, resend locks and codes.
   */
  removeUsers(users: readonly User[]): void {
    if (users.length === 0) return;
    const gone = new Set(users.map((user) => user.userId));
    for (const user of users) {
      this.users.delete(user.userId);
      this.apps.delete(user.appId);
      for (const factor of this.factors.get(user.userId)?.values() ?? [])
        this.factorOwners.delete(factor.factorId);
      this.factors.delete(user.userId);
      this.revokedKeys.delete(user.userId);
      const ownLimit = this.poolRateLimits.has(user.userPoolName);
      if (ownLimit && !this.usesPool(user.userPoolName, gone)) this.poolRateLimits.delete(user.userPoolName);
      for (const token of this.pendingByUser.get(user.userId) ?? []) this.pending.delete(token);
      this.pendingByUser.delete(user.userId);
      for (const name of [user.account, user.email, user.phoneNumber]) {
        const named = name === undefined ? undefined : this.signinNames.get(name);
        named?.delete(user);
        if (name !== undefined && named?.size === 0) this.signinNames.delete(name);
      }
    }
    for (const [token, record] of this.accessTokens)
      if (gone.has(record.userId)) this.accessTokens.delete(token);
    for (const [key, lock] of this.resendLocks) if (gone.has(lock.userId)) this.resendLocks.delete(key);
    this.outbox = this.outbox.filter((entry) => !gone.has(entry.userId));
  }

  /** Whether a user other than those leaving is still in the pool. */
  private usesPool(userPoolName: string, leaving: ReadonlySet<string>): boolean {
    for (const user of this.users.values()) {
      if (user.userPoolName === userPoolName && !leaving.has(user.userId)) return true;
    }
    return false;
  }

  addPending(pending: PendingEnrollment): void {
    this.pending.set(pending.token, pending);
    let tokens = this.pendingByUser.get(pending.userId);
    if (!tokens) {
      tokens = new Set();
      this.pendingByUser.set(pending.userId, tokens);
    }
    tokens.add(pending.token);
  }

  retirePending(pending: PendingEnrollment, reason: SpentReason): void {
    this.pending.delete(pending.token);
    const tokens = this.pendingByUser.get(pending.userId);
    tokens?.delete(pending.token);
    if (tokens?.size === 0) this.pendingByUser.delete(pending.userId);
    this.spentTokens.set(pending.token, reason);
  }

  pendingOf(userId: string): PendingEnrollment[] {
    return [...(this.pendingByUser.get(userId) ?? [])].flatMap((token) => this.pending.get(token) ?? []);
  }

  /** The user's bound factor of one type, as that type keeps it. */
  boundOfType<T extends FactorType>(
    userId: string,
    type: T,
  ): Extract<BoundFactor, { factorType: T }> | undefined {
    return this.factorsOf(userId).get(type) as Extract<BoundFactor, { factorType: T }> | undefined;
  }

  factorsOf(userId: string): Map<FactorType, BoundFactor> {
    let factors = this.factors.get(userId);
    if (!factors) {
      factors = new Map();
      this.factors.set(userId, factors);
    }
    return factors;
  }

  bindFactor(userId: string, factor: BoundFactor): void {
    const previous = this.factorsOf(userId).get(factor.factorType);
    if (previous) this.factorOwners.delete(previous.factorId);
    this.factorsOf(userId).set(factor.factorType, factor);
    this.factorOwners.set(factor.factorId, { userId, factorType: factor.factorType });
  }

  unbindFactor(userId: string, factor: BoundFactor): void {
    this.factorsOf(userId).delete(factor.factorType);
    this.factorOwners.delete(factor.factorId);
  }

  /** Remembers the key of a factor the user just had reset (the newest one per type). */
  revokeKey(userId: string, factorType: FactorType, key: string): void {
    let keys = this.revokedKeys.get(userId);
    if (!keys) {
      keys = new Map();
      this.revokedKeys.set(userId, keys);
    }
    keys.set(factorType, key);
  }

  /** The key of the user's factor of this type that was last reset, if any. */
  revokedKey(userId: string, factorType: FactorType): string | undefined {
    return this.revokedKeys.get(userId)?.get(factorType);
  }

  /** The bound factor a factorId names, and its owner. */
  factorById(factorId: string): { userId: string; factor: BoundFactor } | undefined {
    const owner = this.factorOwners.get(factorId);
    const factor = owner && this.factors.get(owner.userId)?.get(owner.factorType);
    return owner && factor ? { userId: owner.userId, factor } : undefined;
  }

  record(entry: OutboxRecord): void {
    this.outbox.push(entry);
    if (this.outbox.length > OUTBOX_LIMIT) this.outbox = this.outbox.slice(-OUTBOX_LIMIT);
  }

  clear(): void {
    this.apps.clear();
    this.users.clear();
    this.accessTokens.clear();
    this.pending.clear();
    this.pendingByUser.clear();
    this.spentTokens.clear();
    this.factors.clear();
    this.factorOwners.clear();
    this.poolRateLimits.clear();
    this.resendLocks.clear();
    this.revokedKeys.clear();
    this.outbox = [];
    this.signinNames.clear();
  }
}
