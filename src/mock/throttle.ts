/** A fixed one-second window per user pool: the documented per-pool QPS limit of a GenAuth plan. */
export class PoolThrottle {
  private readonly windows = new Map<string, { second: number; count: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request against `pool`; false when the pool is over its limit for this second. */
  admit(pool: string): boolean {
    if (this.perSecond <= 0) return true;
    const second = Math.floor(this.now() / 1000);
    const window = this.windows.get(pool);
    if (!window || window.second !== second) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(pool, { second, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= this.perSecond;
  }

  clear(): void {
    this.windows.clear();
  }
}
