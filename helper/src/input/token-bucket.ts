/** Allows `perSecond` units on average with bursts up to `burst` (the bucket starts full). */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes `cost` units if available; false (nothing taken) when the rate is exceeded. */
  take(cost = 1): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (cost > this.tokens) return false;
    this.tokens -= cost;
    return true;
  }
}
