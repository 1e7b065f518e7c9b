/**
 * Per-user virtual time: each user's clock is real time plus an offset that only moves forward, so a
 * test can jump one user past a TTL or TOTP step without disturbing users of tests running in parallel.
 */
export class VirtualClocks {
  private readonly offsets = new Map<string, number>();

  constructor(private readonly realNow: () => number = Date.now) {}

  now(userId: string | undefined): number {
    return this.realNow() + (userId === undefined ? 0 : (this.offsets.get(userId) ?? 0));
  }

  /** How far the user's clock runs ahead of real time. */
  aheadMs(userId: string): number {
    return this.offsets.get(userId) ?? 0;
  }

  advance(userId: string, ms: number): number {
    this.offsets.set(userId, (this.offsets.get(userId) ?? 0) + ms);
    return this.now(userId);
  }

  forget(userId: string): void {
    this.offsets.delete(userId);
  }

  clear(): void {
    this.offsets.clear();
  }
}
