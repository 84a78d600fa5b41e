import type { StrokeEvent } from '@rs/signaling';

/** How much ink a session keeps (see LIMITS in signaling). */
export interface InkLimits {
  strokesPerParticipant: number;
  pointsPerParticipant: number;
  strokesPerSession: number;
  pointsPerSession: number;
}

/** A kept stroke: its event as sent (JSON: compact, and its size is the bytes a late joiner receives). */
interface KeptStroke {
  id: string;
  by: string;
  producerId: string;
  points: number;
  json: string;
}

export type InkOutcome =
  | { kind: 'added'; dropped: string[] }
  | { kind: 'duplicate' }
  /** The session holds as much ink as it may: someone must erase or clear first. */
  | { kind: 'full' };

/**
 * The annotation strokes of one session, in drawing order, within budgets:
 * a participant over their own budget loses their oldest strokes (so one
 * person can never hold more than their share); a session over its budget
 * refuses new strokes.
 */
export class SessionInk {
  private strokes: KeptStroke[] = [];
  private totalPoints = 0;

  constructor(private readonly limits: InkLimits) {}

  add(event: StrokeEvent): InkOutcome {
    if (this.strokes.some((s) => s.id === event.stroke.id)) return { kind: 'duplicate' };
    const points = event.stroke.points.length;
    const own = this.strokes.filter((s) => s.by === event.by);
    let ownCount = own.length;
    let ownPoints = own.reduce((sum, s) => sum + s.points, 0);
    const dropped: KeptStroke[] = [];
    for (const oldest of own) {
      if (ownCount + 1 <= this.limits.strokesPerParticipant && ownPoints + points <= this.limits.pointsPerParticipant) break;
      dropped.push(oldest);
      ownCount -= 1;
      ownPoints -= oldest.points;
    }
    const droppedPoints = dropped.reduce((sum, s) => sum + s.points, 0);
    const count = this.strokes.length - dropped.length + 1;
    if (count > this.limits.strokesPerSession || this.totalPoints - droppedPoints + points > this.limits.pointsPerSession) return { kind: 'full' };
    const gone = new Set(dropped);
    this.strokes = this.strokes.filter((s) => !gone.has(s));
    this.strokes.push({ id: event.stroke.id, by: event.by, producerId: event.stroke.producerId, points, json: JSON.stringify(event) });
    this.totalPoints += points - droppedPoints;
    return { kind: 'added', dropped: dropped.map((s) => s.id) };
  }

  /** Who drew a stroke, or null when it is not kept. */
  authorOf(strokeId: string): string | null {
    return this.strokes.find((s) => s.id === strokeId)?.by ?? null;
  }

  erase(strokeId: string): boolean {
    return this.removeWhere((s) => s.id === strokeId).length > 0;
  }

  /** Strokes drawn on a screen that is gone; returns their ids. */
  dropProducer(producerId: string): string[] {
    return this.removeWhere((s) => s.producerId === producerId);
  }

  get size(): { strokes: number; points: number; bytes: number } {
    return { strokes: this.strokes.length, points: this.totalPoints, bytes: this.strokes.reduce((sum, s) => sum + s.json.length, 0) };
  }

  /** The newest strokes whose events fit in `maxBytes` of JSON, oldest first (what a late joiner receives). */
  list(maxBytes: number): StrokeEvent[] {
    const kept: string[] = [];
    let bytes = 0;
    for (let i = this.strokes.length - 1; i >= 0; i--) {
      const json = (this.strokes[i] as KeptStroke).json;
      if (bytes + json.length + 1 > maxBytes) break;
      bytes += json.length + 1;
      kept.push(json);
    }
    return kept.reverse().map((json) => JSON.parse(json) as StrokeEvent);
  }

  private removeWhere(match: (s: KeptStroke) => boolean): string[] {
    const removed = this.strokes.filter(match);
    if (removed.length === 0) return [];
    this.strokes = this.strokes.filter((s) => !match(s));
    this.totalPoints -= removed.reduce((sum, s) => sum + s.points, 0);
    return removed.map((s) => s.id);
  }
}
