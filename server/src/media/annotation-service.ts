import { LIMITS } from '@rs/signaling';
import type { Stroke, StrokeEvent } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import { refuseAnnotate, refuseErase } from '../domain/media-rules';
import type { Member } from '../domain/membership';
import type { Notifier } from '../domain/notifier';
import type { RateBuckets } from '../domain/rate-bucket';
import { SessionInk } from './annotation-ink';
import type { MediaRooms } from './media-rooms';

/** What drawing, erasing or clearing costs at least from a participant's drawing bucket (in stroke points). */
export const MIN_DRAW_COST = 50;

/**
 * Annotation strokes on shared screens (R3.6): compact messages relayed to the
 * session and kept (per node, with the media) so late joiners see them. Each
 * participant draws at a bounded rate (a token bucket in points) and each
 * session keeps a bounded amount of ink (SessionInk).
 */
export class AnnotationService {
  private readonly ink = new Map<string, SessionInk>();

  constructor(
    private readonly rooms: MediaRooms,
    private readonly notifier: Notifier,
    private readonly drawRate: RateBuckets,
  ) {
    rooms.on('producer-closed', (sessionId, producerId) => {
      this.ink.get(sessionId)?.dropProducer(producerId);
    });
  }

  /** The newest strokes that fit in a snapshot, oldest first. */
  list(sessionId: string, maxBytes: number = LIMITS.snapshotStrokeBytes): StrokeEvent[] {
    return this.ink.get(sessionId)?.list(maxBytes) ?? [];
  }

  /** Strokes, points and JSON bytes kept for a session (tests, metrics). */
  size(sessionId: string): { strokes: number; points: number; bytes: number } {
    return this.ink.get(sessionId)?.size ?? { strokes: 0, points: 0, bytes: 0 };
  }

  async draw({ session, participant }: Member, stroke: Stroke): Promise<void> {
    const refusal = refuseAnnotate(session, participant);
    if (refusal) throw new AppError(refusal.code, refusal.reason);
    this.charge(participant.id, stroke.points.length);
    const shared = (await this.rooms.peek(session.id))?.listProducers().find((p) => p.producerId === stroke.producerId);
    if (!shared || (shared.source !== 'screen' && shared.source !== 'agent-screen')) throw new AppError('MEDIA_NOT_FOUND', 'draw on a shared screen');
    const event: StrokeEvent = { sessionId: session.id, by: participant.id, stroke };
    const outcome = this.inkOf(session.id).add(event);
    if (outcome.kind === 'duplicate') return;
    if (outcome.kind === 'full') throw new AppError('MEDIA_LIMIT', 'the drawing is full: erase or clear some strokes first');
    for (const strokeId of outcome.dropped) this.notifier.toSession(session.id, 'annotation:erased', { sessionId: session.id, strokeId });
    this.notifier.toSession(session.id, 'annotation:stroke', event);
  }

  async erase({ session, participant }: Member, strokeId: string): Promise<void> {
    this.charge(participant.id, 0);
    const ink = this.ink.get(session.id);
    const author = ink?.authorOf(strokeId) ?? null;
    if (!ink || author === null) throw new AppError('MEDIA_NOT_FOUND', 'no such stroke');
    const refusal = refuseErase(session, participant, author);
    if (refusal) throw new AppError(refusal.code, refusal.reason);
    ink.erase(strokeId);
    this.notifier.toSession(session.id, 'annotation:erased', { sessionId: session.id, strokeId });
  }

  async clear({ session, participant }: Member): Promise<void> {
    const refusal = refuseAnnotate(session, participant);
    if (refusal) throw new AppError(refusal.code, refusal.reason);
    this.charge(participant.id, 0);
    this.ink.delete(session.id);
    this.notifier.toSession(session.id, 'annotation:cleared', { sessionId: session.id });
  }

  forget(sessionId: string): void {
    this.ink.delete(sessionId);
  }

  private charge(participantId: string, points: number): void {
    const verdict = this.drawRate.take(participantId, Math.max(points, MIN_DRAW_COST));
    if (!verdict.allowed) {
      throw new AppError('RATE_LIMITED', `drawing too fast: wait ${Math.ceil(verdict.retryAfterMs / 1000)} s and draw again`);
    }
  }

  private inkOf(sessionId: string): SessionInk {
    let ink = this.ink.get(sessionId);
    if (!ink) {
      ink = new SessionInk(LIMITS);
      this.ink.set(sessionId, ink);
    }
    return ink;
  }
}
