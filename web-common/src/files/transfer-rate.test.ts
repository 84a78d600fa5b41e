import { RateMeter } from './transfer-rate';

describe('RateMeter', () => {
  it('measures the rate over the recent window and the time left', () => {
    const meter = new RateMeter(3000);
    expect(meter.bytesPerSecond()).toBe(0);
    expect(meter.secondsLeft(100)).toBeNull();
    meter.add(0, 0);
    meter.add(1000, 1_000_000);
    expect(meter.bytesPerSecond()).toBe(1_000_000);
    expect(meter.secondsLeft(5_000_000)).toBe(4);
    meter.add(5000, 1_000_000);
    meter.add(6000, 3_000_000);
    // Samples older than 3 s before the last one are dropped (two always stay): 5000 -> 6000.
    expect(meter.bytesPerSecond()).toBe(2_000_000);
  });

  it('starts over when progress goes back (a reset)', () => {
    const meter = new RateMeter();
    meter.add(0, 500);
    meter.add(1000, 1000);
    meter.add(2000, 0);
    expect(meter.bytesPerSecond()).toBe(0);
  });
});
