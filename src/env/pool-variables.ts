import type { Shard } from '../shards';

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

/**
 * `DESIGNATED_USERS_SHARD=i/n`, the designated users of shard `i` of `n` running at the same time: the i-th, the
 * (i+n)-th, …, so shards running at once never share one.
 */
export function shareOfPool<T>(pool: readonly T[], share: Shard | undefined): T[] {
  return share ? pool.filter((_, position) => position % share.total === share.index - 1) : [...pool];
}
