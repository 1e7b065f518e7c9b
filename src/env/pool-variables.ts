/** The numbered variables of a pool of designated users: `GENAUTH_ACCOUNT_1`, `GENAUTH_PASSWORD_1`, … */

const POOL_VARIABLE = /^GENAUTH_(?:ACCOUNT|PASSWORD|ACCESS_TOKEN)_(\d+)$/;

/** `GENAUTH_<n>` for every `n` of a `GENAUTH_ACCOUNT_<n>`, `GENAUTH_PASSWORD_<n>` or `GENAUTH_ACCESS_TOKEN_<n>`. */
export function poolPrefixes(env: Readonly<Record<string, string | undefined>>): string[] {
  const numbers = new Set<number>();
  for (const [name, value] of Object.entries(env)) {
    const match = POOL_VARIABLE.exec(name);
    if (match && value) numbers.add(Number(match[1]));
  }
  return [...numbers].sort((a, b) => a - b).map((n) => `GENAUTH_${n}`);
}

/** `GENAUTH_ACCOUNT_<n>` for the prefix `GENAUTH_<n>`. */
export function poolVariable(prefix: string, field: 'ACCOUNT' | 'PASSWORD' | 'ACCESS_TOKEN'): string {
  return prefix === 'GENAUTH' || prefix === 'GENAUTH_OTHER'
    ? `${prefix}_${field}`
    : `GENAUTH_${field}_${prefix.slice('GENAUTH_'.length)}`;
}

/** `DESIGNATED_USERS_SHARD=i/n`: shard `i` of `n` running at the same time takes every n-th designated user. */
export interface PoolShare {
  readonly index: number;
  readonly total: number;
}

const SHARE = /^(\d+)\/(\d+)$/;

/** Parses `i/n` (1 ≤ i ≤ n); undefined when it is not one. */
export function poolShareOf(value: string | undefined): PoolShare | undefined {
  const match = SHARE.exec(value?.trim() ?? '');
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  return match && index >= 1 && index <= total ? { index, total } : undefined;
}

/** The designated users of shard `i/n`: the i-th, the (i+n)-th, …, so shards running at once never share one. */
export function shareOfPool<T>(pool: readonly T[], share: PoolShare | undefined): T[] {
  return share ? pool.filter((_, position) => position % share.total === share.index - 1) : [...pool];
}
