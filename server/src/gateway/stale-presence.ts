import type { Logger } from '../logging/logger';
import type { Handler } from './define-handler';
import type { Services } from './services';
import { participantRoom } from './socket-types';
import type { SignalingServer } from './socket-types';

/**
 * A killed server leaves participants marked connected in the durable store
 * although their pages may never come back. Whenever someone joins a session
 * here, a check runs after the reconnect grace: a participant still marked
 * connected without any connection on this node is detached (shown
 * disconnected, so the agent can remove them). One pending check per session.
 */
export class StalePresence {
  private readonly pending = new Set<string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly io: SignalingServer,
    private readonly services: Services,
    private readonly graceMs: number,
    private readonly log: Logger,
  ) {}

  /** Wraps `session:join` so that each join schedules the check. */
  afterJoin(join: Handler<'session:join'>): Handler<'session:join'> {
    return async (ctx, payload) => {
      const snapshot = await join(ctx, payload);
      this.schedule(payload.sessionId);
      return snapshot;
    };
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(sessionId: string): void {
    if (this.pending.has(sessionId)) return;
    this.pending.add(sessionId);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.pending.delete(sessionId);
      this.check(sessionId).catch((err: unknown) => this.log.warn({ err, sessionId }, 'stale presence check failed'));
    }, this.graceMs);
    timer.unref();
    this.timers.add(timer);
  }

  private async check(sessionId: string): Promise<void> {
    const { store, sessions } = this.services;
    const session = await store.getSession(sessionId);
    if (!session || session.state === 'ended') return;
    for (const participant of await store.listParticipants(sessionId)) {
      if (!participant.connected) continue;
      if ((await this.io.in(participantRoom(participant.id)).fetchSockets()).length > 0) continue;
      this.log.info({ sessionId, participantId: participant.id }, 'stale presence: shown disconnected');
      await sessions.detach({ session, participant });
    }
  }
}
