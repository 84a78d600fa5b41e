import { estimateMinutes, formatDuration } from './duration';

describe('durations', () => {
  it('shows waiting times as a clock', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(7_400)).toBe('0:07');
    expect(formatDuration(272_000)).toBe('4:32');
    expect(formatDuration(3_729_000)).toBe('1:02:09');
    expect(formatDuration(-5)).toBe('0:00');
  });

  it('rounds an estimate up to whole minutes, under a minute reads 0', () => {
    expect(estimateMinutes(59_999)).toBe(0);
    expect(estimateMinutes(60_000)).toBe(1);
    expect(estimateMinutes(61_000)).toBe(2);
  });
});
