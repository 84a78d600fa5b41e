import { LIMITS } from '../limits';
import { StrokeSchema } from './annotation-events';

const stroke = (points: unknown) => ({
  id: '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b', producerId: 'p1', tool: 'pen', color: '#ff0000', width: 0.004, points,
});

describe('StrokeSchema points', () => {
  it('keeps coordinates with 4 decimals (compact on the wire and in memory)', () => {
    expect(StrokeSchema.parse(stroke([[0.123456789, 0.98765], [0, 1]])).points).toEqual([[0.1235, 0.9877], [0, 1]]);
  });

  it.each([
    ['no points', []],
    ['too many points', Array.from({ length: LIMITS.strokePoints + 1 }, () => [0.5, 0.5])],
    ['a coordinate out of 0..1', [[0.5, 1.01]]],
    ['a negative coordinate', [[-0.1, 0.5]]],
    ['NaN', [[Number.NaN, 0.5]]],
    ['a string', [['0.5', 0.5]]],
    ['three coordinates', [[0.1, 0.2, 0.3]]],
    ['an object', [{ x: 0.1, y: 0.2 }]],
    ['not an array', 'M 0 0 L 1 1'],
  ])('refuses %s', (_what, points) => {
    expect(StrokeSchema.safeParse(stroke(points)).success).toBe(false);
  });

  it('accepts the maximum number of points', () => {
    const points = Array.from({ length: LIMITS.strokePoints }, (_, i) => [i / LIMITS.strokePoints, 0.5]);
    expect(StrokeSchema.parse(stroke(points)).points).toHaveLength(LIMITS.strokePoints);
  });
});
