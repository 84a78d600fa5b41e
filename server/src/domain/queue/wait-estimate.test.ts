import { estimateWaitSeconds } from './wait-estimate';

describe('estimated wait = position x average recent handling time / available agents', () => {
  it('multiplies by the position and divides by the agents available', () => {
    expect(estimateWaitSeconds(1, [300, 100], 1)).toBe(200);
    expect(estimateWaitSeconds(3, [300, 100], 2)).toBe(300);
  });

  it('rounds up to whole seconds', () => {
    expect(estimateWaitSeconds(1, [10, 11], 2)).toBe(6);
  });

  it('is unknown with no handling time yet or nobody available', () => {
    expect(estimateWaitSeconds(2, [], 3)).toBeNull();
    expect(estimateWaitSeconds(2, [60], 0)).toBeNull();
  });

  it('is zero for someone no longer waiting', () => {
    expect(estimateWaitSeconds(0, [60], 1)).toBe(0);
  });
});
