/** A fixed one-second window per user pool: the documented per-pool QPS limit of a GenAuth plan. */
export class PoolThrottle {
  private readonly windows = new Map<string, { second: number; count: number }>();

  /**
   * Counts a request against `pool` at `nowMs` (the requesting user's clock, so a test can let a window pass
   * without waiting); false when the pool is over `perSecond` for that second. 0 means no limit.
   */
  admit(pool: string, nowMs: number, perSecond: number): boolean {
    if (perSecond <= 0) return true;
    const second = Math.floor(nowMs / 1000);
    const window = this.windows.get(pool);
    if (!window || window.second !== second) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(pool, { second, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= perSecond;
  }

  clear(): void {
    this.windows.clear();
  }
}
