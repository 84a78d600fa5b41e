import type { ServerEventName, ServerEventOf } from '@rs/signaling';
import type { FsRequestEvent } from '@rs/signaling';
import type { ParticipantAsker } from '../domain/files/folder-service';
import type { Notifier } from '../domain/notifier';
import type { QueueNotifier } from '../domain/queue/queue-notifier';
import { SUPERVISORS_ROOM, agentRoom, entryRoom, participantRoom, sessionRoom, staffRoom } from './socket-types';
import type { SignalingServer } from './socket-types';

/** Delivers domain notifications through socket.io rooms. */
export class SocketNotifier implements Notifier, QueueNotifier, ParticipantAsker {
  private io: SignalingServer | null = null;

  /** The server exists after the services that notify; it is bound once created. */
  bind(io: SignalingServer): void {
    this.io = io;
  }

  toSession<N extends ServerEventName>(sessionId: string, event: N, payload: ServerEventOf<N>): void {
    this.emit(sessionRoom(sessionId), event, payload);
  }

  toStaff<N extends ServerEventName>(sessionId: string, event: N, payload: ServerEventOf<N>): void {
    this.emit(staffRoom(sessionId), event, payload);
  }

  toCustomers<N extends ServerEventName>(sessionId: string, event: N, payload: ServerEventOf<N>): void {
    this.emit(sessionRoom(sessionId), event, payload, staffRoom(sessionId));
  }

  toParticipant<N extends ServerEventName>(participantId: string, event: N, payload: ServerEventOf<N>): void {
    this.emit(participantRoom(participantId), event, payload);
  }

  disconnectParticipant(participantId: string): void {
    // A namespace goodbye: the client is told (after the events already queued) and does not reconnect.
    this.io?.in(participantRoom(participantId)).disconnectSockets(false);
  }

  /** The waiting page(s) of the entry, and the customer's session page when the entry is a transferred session. */
  toEntry<N extends ServerEventName>(entry: { id: string; participantId: string | null }, event: N, payload: ServerEventOf<N>): void {
    this.emit(entryRoom(entry.id), event, payload);
    if (entry.participantId) this.emit(participantRoom(entry.participantId), event, payload);
  }

  toAgent<N extends ServerEventName>(accountId: string, event: N, payload: ServerEventOf<N>): void {
    this.emit(agentRoom(accountId), event, payload);
  }

  toSupervisors<N extends ServerEventName>(event: N, payload: ServerEventOf<N>): void {
    this.emit(SUPERVISORS_ROOM, event, payload);
  }

  /** One connection of the participant (the newest joined) answers through its acknowledgement; rejects on timeout or when none is connected. */
  async ask(participantId: string, event: 'files:fs-request', payload: FsRequestEvent, timeoutMs: number): Promise<unknown> {
    if (!this.io) throw new Error('not bound');
    const sockets = await this.io.in(participantRoom(participantId)).fetchSockets();
    const socket = sockets.at(-1);
    if (!socket) throw new Error('not connected');
    const target = this.io.to(socket.id).timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown[]> };
    const replies = await target.emitWithAck(event, payload);
    return replies[0];
  }

  private emit<N extends ServerEventName>(room: string, event: N, payload: ServerEventOf<N>, except?: string): void {
    if (!this.io) return;
    const target = except ? this.io.to(room).except(except) : this.io.to(room);
    // socket.io's emit typing needs the event's own parameter list; the map guarantees it.
    (target.emit as (e: N, p: ServerEventOf<N>) => boolean).call(target, event, payload);
  }
}
