import type { TransportClosedReason } from '@rs/signaling';
import type { ProducerCloseReason } from '@rs/signaling';
import type { Logger } from '../logging/logger';
import { TypedEmitter } from '../domain/typed-emitter';
import type { ProducerAppData } from './peer-media';
import { SessionMedia } from './session-media';
import type { TransportSettings } from './session-media';
import type { WorkerPool } from './worker-pool';

export type MediaRoomsEvents = {
  'producer-closed': [sessionId: string, producerId: string, appData: ProducerAppData, reason: ProducerCloseReason];
  /** The session's router died with its worker; its media now lives on a new router (clients must rebuild). */
  'room-moved': [sessionId: string];
  'transport-closed': [sessionId: string, participantId: string, transportId: string, reason: TransportClosedReason];
  /** Who speaks in a session's call now (see SpeakingObserver). */
  speaking: [sessionId: string, participantIds: string[]];
};

/**
 * The SessionMedia of every session on this node, created on first use.
 * Concurrent first uses of one session share one creation (no duplicate routers).
 * A room whose worker died is recreated at once on a live worker.
 */
export class MediaRooms extends TypedEmitter<MediaRoomsEvents> {
  private readonly rooms = new Map<string, Promise<SessionMedia>>();
  /** Disconnected participants whose media closes unless they reconnect first. */
  private readonly releases = new Map<string, ReturnType<typeof setTimeout>>();
  private closing = false;

  constructor(
    private readonly pool: WorkerPool,
    private readonly transport: TransportSettings,
    private readonly log: Logger,
    /** How long a disconnected participant's media waits for their reconnect. */
    private readonly reconnectGraceMs = 20_000,
  ) {
    super(log);
  }

  /**
   * A participant's last connection closed: their media is kept for a short
   * grace (their page reconnects to it, e.g. after a network blip), then
   * closes as lost (a grant it used stays valid).
   */
  releasePeerLater(sessionId: string, participantId: string): void {
    this.keepPeer(sessionId, participantId);
    const key = `${sessionId}:${participantId}`;
    const timer = setTimeout(() => {
      this.releases.delete(key);
      void this.peek(sessionId).then((room) => room?.closePeer(participantId, 'lost'));
    }, this.reconnectGraceMs);
    timer.unref();
    this.releases.set(key, timer);
  }

  /** The participant is connected again: their media stays. */
  keepPeer(sessionId: string, participantId: string): void {
    const key = `${sessionId}:${participantId}`;
    clearTimeout(this.releases.get(key));
    this.releases.delete(key);
  }

  get(sessionId: string): Promise<SessionMedia> {
    let room = this.rooms.get(sessionId);
    if (!room) {
      room = this.createRoom(sessionId);
      this.rooms.set(sessionId, room);
      room.catch(() => {
        if (this.rooms.get(sessionId) === room) this.rooms.delete(sessionId);
      });
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

  /** Server shutdown: every room closes as lost (grants stay valid for the restarted server). */
  closeAll(): void {
    this.closing = true;
    for (const timer of this.releases.values()) clearTimeout(timer);
    this.releases.clear();
    for (const room of this.rooms.values()) void room.then((r) => r.close('lost'), () => undefined);
    this.rooms.clear();
  }

  private async createRoom(sessionId: string): Promise<SessionMedia> {
    const log = this.log.child({ sessionId });
    const room = await SessionMedia.create(await this.pool.pick(), sessionId, this.transport, log);
    room.on('producer-closed', (producerId, appData, reason) => this.emit('producer-closed', sessionId, producerId, appData, reason));
    room.on('transport-closed', (...args) => this.emit('transport-closed', sessionId, ...args));
    room.on('speaking', (ids) => this.emit('speaking', sessionId, ids));
    room.on('closed', (lost) => {
      if (this.rooms.get(sessionId) === undefined) return;
      void this.rooms.get(sessionId)?.then((current) => {
        if (current !== room) return;
        this.rooms.delete(sessionId);
        if (lost && !this.closing) void this.move(sessionId);
      });
    });
    return room;
  }

  /** The worker of a session's router died: a new router on a live worker, then everyone is told. */
  private async move(sessionId: string): Promise<void> {
    // Clients are told at once: their requests wait for the new router.
    const moving = this.get(sessionId);
    this.emit('room-moved', sessionId);
    try {
      await moving;
      this.log.warn({ sessionId }, 'session media moved to a new router');
    } catch (err) {
      this.log.error({ err, sessionId }, 'session media could not move to a new router');
    }
  }
}
