import { LIMITS } from '@rs/signaling';
import type { Stroke, StrokeEvent } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import { refuseAnnotate, refuseErase } from '../domain/media-rules';
import type { Member } from '../domain/membership';
import type { Notifier } from '../domain/notifier';
import type { MediaRooms } from './media-rooms';

/**
 * Annotation strokes on shared screens (R3.6): compact messages relayed to the
 * session and kept (per node, with the media) so late joiners see them.
 */
export class AnnotationService {
  private readonly strokes = new Map<string, StrokeEvent[]>();

  constructor(
    private readonly rooms: MediaRooms,
    private readonly notifier: Notifier,
  ) {
    rooms.on('producer-closed', (sessionId, producerId) => {
      const kept = this.list(sessionId).filter((s) => s.stroke.producerId !== producerId);
      this.strokes.set(sessionId, kept);
    });
  }

  list(sessionId: string): StrokeEvent[] {
    return structuredClone(this.strokes.get(sessionId) ?? []);
  }

  async draw({ session, participant }: Member, stroke: Stroke): Promise<void> {
    const refusal = refuseAnnotate(session, participant);
    if (refusal) throw new AppError(refusal.code, refusal.reason);
    const shared = (await this.rooms.peek(session.id))?.listProducers().find((p) => p.producerId === stroke.producerId);
    if (!shared || (shared.source !== 'screen' && shared.source !== 'agent-screen')) throw new AppError('MEDIA_NOT_FOUND', 'draw on a shared screen');
    const strokes = this.strokes.get(session.id) ?? [];
    if (strokes.length >= LIMITS.strokesPerSession) throw new AppError('MEDIA_LIMIT', 'too many strokes: clear some first');
    if (strokes.some((s) => s.stroke.id === stroke.id)) return;
    const event: StrokeEvent = { sessionId: session.id, by: participant.id, stroke };
    this.strokes.set(session.id, [...strokes, event]);
    this.notifier.toSession(session.id, 'annotation:stroke', event);
  }

  async erase({ session, participant }: Member, strokeId: string): Promise<void> {
    const strokes = this.strokes.get(session.id) ?? [];
    const target = strokes.find((s) => s.stroke.id === strokeId);
    if (!target) throw new AppError('MEDIA_NOT_FOUND', 'no such stroke');
    const refusal = refuseErase(session, participant, target.by);
    if (refusal) throw new AppError(refusal.code, refusal.reason);
    this.strokes.set(session.id, strokes.filter((s) => s !== target));
    this.notifier.toSession(session.id, 'annotation:erased', { sessionId: session.id, strokeId });
  }

  async clear({ session, participant }: Member): Promise<void> {
    const refusal = refuseAnnotate(session, participant);
    if (refusal) throw new AppError(refusal.code, refusal.reason);
    this.strokes.delete(session.id);
    this.notifier.toSession(session.id, 'annotation:cleared', { sessionId: session.id });
  }

  forget(sessionId: string): void {
    this.strokes.delete(sessionId);
  }
}
