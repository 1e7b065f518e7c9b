import { HarnessError } from './errors';

/** One of `total` parts of a run: `--shard=i/n`, `DESIGNATED_USERS_SHARD=i/n`. */
export interface Shard {
  readonly index: number;
  readonly total: number;
}

/** `i/n` as a shard (1 ≤ i ≤ n); undefined when it is not one. */
export function shardOf(value: string | undefined): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(value?.trim() ?? '');
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  return match && index >= 1 && index <= total ? { index, total } : undefined;
}

/** Parses `i/n` (1 ≤ i ≤ n); undefined for no value, a `HarnessError` for a bad one. */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined || value === '') return undefined;
  const shard = shardOf(value);
  if (!shard) {
    throw new HarnessError(
      `--shard=${value} is not a shard: use --shard=i/n with 1 ≤ i ≤ n, e.g. --shard=1/2.`,
    );
  }
  return shard;
}

/** The shard of a command that takes `--shard=i/n` and nothing else. */
export function parseShardArguments(argv: readonly string[], usage: string): Shard | undefined {
  let shard: Shard | undefined;
  for (const argument of argv) {
    if (argument.startsWith('--shard=')) shard = parseShard(argument.slice('--shard='.length));
    else throw new HarnessError(`unknown option "${argument}". Usage: ${usage}`);
  }
  return shard;
}

export function shardName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.total}`;
}
