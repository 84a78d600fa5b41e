import type { Logger } from '../logging/logger';
import type { QueueServices } from './queue-services';
import { SUPERVISORS_ROOM, agentRoom, entryRoom } from './socket-types';
import type { SignalingServer, SignalingSocket } from './socket-types';

/**
 * Queue side of connections: a waiting customer's page joins its entry room
 * (connected; its last page closing starts the abandon grace), an agent's
 * console joins its agent room (online; offline when the last one closes) and
 * gets its snapshot, supervisors join the board room. A waiting page is sent
 * its status on connecting, but should ask `queue:status` too (the push may
 * arrive before its listeners). After a restart, entries
 * still marked connected whose page never came back start their grace too.
 */
export class QueueConnections {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly io: SignalingServer,
    private readonly queues: QueueServices,
    private readonly graceMs: number,
    private readonly log: Logger,
  ) {
    this.later(() => this.detachStaleEntries());
  }

  async connected(socket: SignalingSocket): Promise<void> {
    const { principal } = socket.data;
    if (principal.role === 'visitor') {
      await socket.join(entryRoom(principal.entryId));
      await this.queues.help.setConnected(principal.entryId, true);
      socket.emit('queue:status', await this.queues.help.status(principal.entryId));
    } else if (principal.role === 'agent') {
      await socket.join(agentRoom(principal.accountId));
      await this.queues.presence.setOnline(principal.accountId, true);
    } else if (principal.role === 'supervisor') {
      await socket.join(SUPERVISORS_ROOM);
    }
  }

  /**
   * The last page of a waiting customer (or console of an agent) closed. A page
   * that connected meanwhile (a reload) may have marked itself connected before
   * this write: checked again after it, so the reload keeps the place.
   */
  async disconnected(socket: SignalingSocket): Promise<void> {
    const { principal } = socket.data;
    if (principal.role === 'visitor') {
      const room = entryRoom(principal.entryId);
      if (await this.occupied(room)) return;
      await this.queues.help.setConnected(principal.entryId, false);
      if (await this.occupied(room)) await this.queues.help.setConnected(principal.entryId, true);
    } else if (principal.role === 'agent') {
      const room = agentRoom(principal.accountId);
      if (await this.occupied(room)) return;
      await this.queues.presence.setOnline(principal.accountId, false);
      if (await this.occupied(room)) await this.queues.presence.setOnline(principal.accountId, true);
    }
  }

  private async occupied(room: string): Promise<boolean> {
    return (await this.io.in(room).fetchSockets()).length > 0;
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private later(run: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run().catch((err: unknown) => this.log.warn({ err }, 'stale queue entries check failed'));
    }, this.graceMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** Waiting pages that did not come back after a restart: their grace starts now. */
  private async detachStaleEntries(): Promise<void> {
    for (const queue of await this.queues.store.listQueues()) {
      for (const entry of await this.queues.views.waitingEntries(queue.id)) {
        if (!entry.connected || entry.sessionId) continue;
        if (await this.occupied(entryRoom(entry.id))) continue;
        await this.queues.help.setConnected(entry.id, false);
      }
    }
  }
}
