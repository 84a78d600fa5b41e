import { randomUUID } from 'node:crypto';
import type { StrokeEvent } from '@rs/signaling';
import { SessionInk } from './annotation-ink';

const limits = { strokesPerParticipant: 3, pointsPerParticipant: 100, strokesPerSession: 5, pointsPerSession: 150 };

function stroke(by: string, points: number, producerId = 'screen-1'): StrokeEvent {
  return {
    sessionId: 's1',
    by,
    stroke: {
      id: randomUUID(), producerId, tool: 'pen', color: '#ff0000', width: 0.004,
      points: Array.from({ length: points }, (_, i) => [i / points, 0.5] as [number, number]),
    },
  };
}

describe('SessionInk', () => {
  it('drops a participant\'s oldest strokes beyond their stroke count', () => {
    const ink = new SessionInk(limits);
    const mine = [stroke('a', 1), stroke('a', 1), stroke('a', 1), stroke('a', 1)];
    const outcomes = mine.map((s) => ink.add(s));
    expect(outcomes.slice(0, 3)).toEqual([{ kind: 'added', dropped: [] }, { kind: 'added', dropped: [] }, { kind: 'added', dropped: [] }]);
    expect(outcomes[3]).toEqual({ kind: 'added', dropped: [mine[0]?.stroke.id] });
    expect(ink.list(1e9).map((e) => e.stroke.id)).toEqual(mine.slice(1).map((s) => s.stroke.id));
  });

  it('drops as many of their oldest strokes as the points of a new one need', () => {
    const ink = new SessionInk(limits);
    const [first, second, third] = [stroke('a', 40), stroke('a', 40), stroke('a', 50)];
    ink.add(first);
    ink.add(second);
    expect(ink.add(third)).toEqual({ kind: 'added', dropped: [first?.stroke.id] });
    expect(ink.size.points).toBe(90);
  });

  it('never drops someone else\'s strokes: a full session refuses new ink', () => {
    const ink = new SessionInk(limits);
    ink.add(stroke('a', 100));
    ink.add(stroke('b', 50));
    expect(ink.add(stroke('c', 1))).toEqual({ kind: 'full' });
    // 'a' replacing their own stroke still fits.
    expect(ink.add(stroke('a', 90))).toMatchObject({ kind: 'added', dropped: [expect.any(String)] });
    expect(ink.size).toMatchObject({ strokes: 2, points: 140 });
  });

  it('caps the session\'s stroke count', () => {
    const ink = new SessionInk(limits);
    for (const by of ['a', 'b']) for (let i = 0; i < 2; i++) ink.add(stroke(by, 1));
    expect(ink.add(stroke('c', 1)).kind).toBe('added');
    expect(ink.add(stroke('c', 1))).toEqual({ kind: 'full' });
  });

  it('ignores a stroke sent twice', () => {
    const ink = new SessionInk(limits);
    const s = stroke('a', 3);
    ink.add(s);
    expect(ink.add(s)).toEqual({ kind: 'duplicate' });
    expect(ink.size.strokes).toBe(1);
  });

  it('erases, drops the strokes of a closed screen, and tells who drew a stroke', () => {
    const ink = new SessionInk(limits);
    const [a, b, c] = [stroke('a', 2), stroke('b', 2, 'screen-2'), stroke('b', 2)];
    for (const s of [a, b, c]) ink.add(s);
    expect(ink.authorOf(b?.stroke.id ?? '')).toBe('b');
    expect(ink.dropProducer('screen-2')).toEqual([b?.stroke.id]);
    expect(ink.erase(a?.stroke.id ?? '')).toBe(true);
    expect(ink.erase(a?.stroke.id ?? '')).toBe(false);
    expect(ink.size).toMatchObject({ strokes: 1, points: 2 });
  });

  it('lists the newest strokes that fit in a byte budget, oldest first', () => {
    const ink = new SessionInk({ ...limits, strokesPerParticipant: 5 });
    const all = Array.from({ length: 5 }, () => stroke('a', 5));
    for (const s of all) ink.add(s);
    const one = JSON.stringify(ink.list(1e9)[0]).length + 1;
    expect(ink.list(one * 2 + 1).map((e) => e.stroke.id)).toEqual(all.slice(3).map((s) => s.stroke.id));
    expect(ink.list(10)).toEqual([]);
  });
});
