import type { MediaSource } from '@rs/signaling';
import type { Logger } from '../logging/logger';
import type { AuditEntry, SessionStore } from '../store/session-store';
import type { Clock } from './clock';

/** What a producer of this source starts and stops in the record (microphones belong to the call: voice:started/ended). */
const ACTIONS: Partial<Record<MediaSource, readonly [AuditEntry['action'], AuditEntry['action']]>> = {
  screen: ['share:started', 'share:stopped'],
  'agent-screen': ['share:started', 'share:stopped'],
  camera: ['video:started', 'video:stopped'],
};

/**
 * Puts voice, video and screen sharing into the session's audit trail (R10.5):
 * who started or stopped what, and when. A store failure is logged, never
 * fails the media operation that already happened.
 */
export class MediaAudit {
  constructor(
    private readonly store: SessionStore,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  producerStarted(sessionId: string, participantId: string, source: MediaSource): Promise<void> {
    const action = ACTIONS[source]?.[0];
    return action ? this.append(sessionId, participantId, action, source) : Promise.resolve();
  }

  producerStopped(sessionId: string, participantId: string, source: MediaSource): Promise<void> {
    const action = ACTIONS[source]?.[1];
    return action ? this.append(sessionId, participantId, action, source) : Promise.resolve();
  }

  voice(sessionId: string, actorId: string, started: boolean): Promise<void> {
    return this.append(sessionId, actorId, started ? 'voice:started' : 'voice:ended', sessionId);
  }

  private async append(sessionId: string, actor: string, action: AuditEntry['action'], subject: string): Promise<void> {
    try {
      await this.store.appendAudit(sessionId, { at: this.clock(), actor, action, subject });
    } catch (err) {
      this.log.warn({ err, sessionId, action }, 'could not record a media event');
    }
  }
}
