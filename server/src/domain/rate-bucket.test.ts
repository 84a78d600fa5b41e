import { RateBuckets } from './rate-bucket';

describe('RateBuckets', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows a burst of `capacity`, then the refill rate', () => {
    const buckets = new RateBuckets({ capacity: 10, refillPerSecond: 2 }, clock);
    const burst = Array.from({ length: 12 }, () => buckets.take('p1').allowed);
    expect(burst.filter(Boolean)).toHaveLength(10);
    expect(buckets.take('p1')).toEqual({ allowed: false, retryAfterMs: 500 });
    now += 500;
    expect(buckets.take('p1').allowed).toBe(true);
    expect(buckets.take('p1').allowed).toBe(false);
    now += 60_000;
    expect(Array.from({ length: 11 }, () => buckets.take('p1').allowed).filter(Boolean)).toHaveLength(10);
  });

  it('keeps keys apart and charges by cost', () => {
    const buckets = new RateBuckets({ capacity: 100, refillPerSecond: 50 }, clock);
    expect(buckets.take('a', 80).allowed).toBe(true);
    expect(buckets.take('a', 30)).toEqual({ allowed: false, retryAfterMs: 200 });
    expect(buckets.take('b', 100).allowed).toBe(true);
    // A refused take costs nothing.
    now += 200;
    expect(buckets.take('a', 30).allowed).toBe(true);
  });

  it('lets a cost above the capacity through only from a full bucket', () => {
    const buckets = new RateBuckets({ capacity: 10, refillPerSecond: 1 }, clock);
    expect(buckets.take('a', 50).allowed).toBe(true);
    expect(buckets.take('a', 50).allowed).toBe(false);
  });

  it('sweeps buckets that refilled, so idle keys do not accumulate', () => {
    const buckets = new RateBuckets({ capacity: 2, refillPerSecond: 1 }, clock);
    for (let i = 0; i < 1000; i++) buckets.take(`k${i}`);
    expect(buckets.size).toBe(1000);
    now += 10_000;
    for (let i = 0; i < 30; i++) buckets.take('active');
    expect(buckets.size).toBe(1);
  });
});
