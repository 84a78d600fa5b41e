import { LIMITS, type ParticipantId, type SessionSnapshot, type Stroke, type StrokeEvent } from '@rs/signaling';
import { errorCodeOf, type ClientErrorCode } from '../connection/api-error';
import type { MessageKey } from '../i18n/catalogs/en';
import type { SessionChannel } from '../session/session-channel';
import { TypedEmitter } from '../util/typed-emitter';

export type AnnotationEvents = {
  changed: [];
  error: [ClientErrorCode];
};

/** Annotation strokes on the shared screens (R3.6), as the server keeps them, in drawing order. */
export class AnnotationManager {
  readonly events = new TypedEmitter<AnnotationEvents>();
  private readonly strokes = new Map<string, StrokeEvent>();
  private selfId: ParticipantId | null = null;

  constructor(private readonly channel: SessionChannel) {
    channel.events.on('snapshot', (snapshot: SessionSnapshot) => {
      this.selfId = snapshot.self.id;
      this.strokes.clear();
      for (const event of snapshot.strokes) this.strokes.set(event.stroke.id, event);
      this.events.emit('changed');
    });
    channel.on('annotation:stroke', (event) => {
      this.strokes.set(event.stroke.id, event);
      this.events.emit('changed');
    });
    channel.on('annotation:erased', ({ strokeId }) => {
      if (this.strokes.delete(strokeId)) this.events.emit('changed');
    });
    channel.on('annotation:cleared', () => {
      this.strokes.clear();
      this.events.emit('changed');
    });
    channel.on('media:producer-closed', ({ producerId }) => {
      let removed = false;
      for (const [id, event] of this.strokes) {
        if (event.stroke.producerId === producerId) removed = this.strokes.delete(id) || removed;
      }
      if (removed) this.events.emit('changed');
    });
  }

  /** Strokes on one shared screen, oldest first. */
  on(producerId: string): Stroke[] {
    return [...this.strokes.values()].filter((event) => event.stroke.producerId === producerId).map((event) => event.stroke);
  }

  async draw(stroke: Stroke): Promise<void> {
    const sessionId = this.channel.sessionId;
    this.strokes.set(stroke.id, { sessionId, by: this.selfId ?? ('' as ParticipantId), stroke });
    this.events.emit('changed');
    try {
      await this.channel.request('annotation:draw', { sessionId, stroke });
    } catch (error) {
      this.strokes.delete(stroke.id);
      this.events.emit('changed');
      this.events.emit('error', errorCodeOf(error));
    }
  }

  async erase(strokeId: string): Promise<void> {
    const removed = this.strokes.get(strokeId);
    this.strokes.delete(strokeId);
    this.events.emit('changed');
    try {
      await this.channel.request('annotation:erase', { sessionId: this.channel.sessionId, strokeId });
    } catch (error) {
      if (removed) this.strokes.set(strokeId, removed);
      this.events.emit('changed');
      this.events.emit('error', errorCodeOf(error));
    }
  }

  async clear(): Promise<void> {
    try {
      await this.channel.request('annotation:clear', { sessionId: this.channel.sessionId });
      this.strokes.clear();
      this.events.emit('changed');
    } catch (error) {
      this.events.emit('error', errorCodeOf(error));
    }
  }

  close(): void {
    this.events.removeAllListeners();
  }
}

/** What to tell someone whose drawing, erasing or clearing was refused. */
export function annotationErrorMessage(code: ClientErrorCode): MessageKey {
  if (code === 'RATE_LIMITED') return 'annotate.rateLimited';
  return code === 'MEDIA_LIMIT' ? 'annotate.full' : 'annotate.failed';
}

/** Drops points closer than `minDistance` (in content fractions) to the last kept one; keeps the last point. */
export function simplifyPoints(points: [number, number][], minDistance = 0.003, max: number = LIMITS.strokePoints): [number, number][] {
  const kept: [number, number][] = [];
  for (const point of points) {
    const last = kept[kept.length - 1];
    if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) >= minDistance) kept.push(point);
  }
  const end = points[points.length - 1];
  if (end && kept[kept.length - 1] !== end && kept.length > 0) kept.push(end);
  if (kept.length <= max) return kept;
  const step = kept.length / max;
  return Array.from({ length: max }, (_, index) => kept[Math.floor(index * step)] as [number, number]);
}

/** Where the picture is drawn inside an element showing it with `object-fit: contain` (letterboxing). */
export function containRect(boxWidth: number, boxHeight: number, mediaWidth: number, mediaHeight: number): { x: number; y: number; width: number; height: number } {
  if (mediaWidth <= 0 || mediaHeight <= 0 || boxWidth <= 0 || boxHeight <= 0) return { x: 0, y: 0, width: boxWidth, height: boxHeight };
  const scale = Math.min(boxWidth / mediaWidth, boxHeight / mediaHeight);
  const width = mediaWidth * scale;
  const height = mediaHeight * scale;
  return { x: (boxWidth - width) / 2, y: (boxHeight - height) / 2, width, height };
}
