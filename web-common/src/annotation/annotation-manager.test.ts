import { containRect, simplifyPoints } from './annotation-manager';

describe('containRect', () => {
  it('letterboxes a wide picture in a tall box', () => {
    expect(containRect(400, 400, 800, 400)).toEqual({ x: 0, y: 100, width: 400, height: 200 });
  });
  it('pillarboxes a tall picture in a wide box', () => {
    expect(containRect(800, 400, 400, 400)).toEqual({ x: 200, y: 0, width: 400, height: 400 });
  });
});

describe('simplifyPoints', () => {
  it('drops points too close together and keeps the end', () => {
    const points: [number, number][] = [[0, 0], [0.001, 0], [0.01, 0], [0.0101, 0]];
    expect(simplifyPoints(points)).toEqual([[0, 0], [0.01, 0], [0.0101, 0]]);
  });
});
