import type { TransportClosedReason } from '@rs/signaling';
import type { Logger } from '../logging/logger';
import { TypedEmitter } from '../domain/typed-emitter';
import type { ProducerAppData } from './peer-media';
import { SessionMedia } from './session-media';
import type { TransportSettings } from './session-media';
import type { WorkerPool } from './worker-pool';

export type MediaRoomsEvents = {
  'producer-closed': [sessionId: string, producerId: string, appData: ProducerAppData];
  'transport-closed': [sessionId: string, participantId: string, transportId: string, reason: TransportClosedReason];
};

/**
 * The SessionMedia of every session on this node, created on first use.
 * Concurrent first uses of one session share one creation (no duplicate routers).
 */
export class MediaRooms extends TypedEmitter<MediaRoomsEvents> {
  private readonly rooms = new Map<string, Promise<SessionMedia>>();

  constructor(
    private readonly pool: WorkerPool,
    private readonly transport: TransportSettings,
    private readonly log: Logger,
  ) {
    super(log);
  }

  get(sessionId: string): Promise<SessionMedia> {
    let room = this.rooms.get(sessionId);
    if (!room) {
      room = this.createRoom(sessionId);
      this.rooms.set(sessionId, room);
      room.catch(() => this.rooms.delete(sessionId));
    }
    return room;
  }

  /** The room if it exists already (never creates one). */
  async peek(sessionId: string): Promise<SessionMedia | undefined> {
    return this.rooms.get(sessionId);
  }

  async close(sessionId: string): Promise<void> {
    const room = await this.peek(sessionId);
    room?.close();
  }

  closeAll(): void {
    for (const room of this.rooms.values()) void room.then((r) => r.close(), () => undefined);
    this.rooms.clear();
  }

  private async createRoom(sessionId: string): Promise<SessionMedia> {
    const log = this.log.child({ sessionId });
    const room = await SessionMedia.create(this.pool.pick(), sessionId, this.transport, log);
    room.on('producer-closed', (producerId, appData) => this.emit('producer-closed', sessionId, producerId, appData));
    room.on('transport-closed', (...args) => this.emit('transport-closed', sessionId, ...args));
    room.on('closed', () => {
      this.rooms.delete(sessionId);
    });
    return room;
  }
}
