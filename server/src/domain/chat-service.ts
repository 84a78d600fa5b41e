import { randomUUID } from 'node:crypto';
import type { ChatMessage, ChatSendRequest } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import type { SessionStore } from '../store/session-store';
import type { Clock } from './clock';
import type { Member } from './membership';
import type { Notifier } from './notifier';
import type { RateBuckets } from './rate-bucket';
import { refuseChat } from './session-rules';

/**
 * Chat to everyone or to one participant (R6.1), supervisors' whispers, kept
 * in the session record (R6.3). Each participant sends at a bounded rate (a
 * token bucket: a burst, then a few messages per second).
 */
export class ChatService {
  constructor(
    private readonly store: SessionStore,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly sendRate: RateBuckets,
  ) {}

  async send({ session, participant }: Member, request: ChatSendRequest): Promise<ChatMessage> {
    const verdict = this.sendRate.take(participant.id);
    if (!verdict.allowed) {
      throw new AppError('RATE_LIMITED', `too many messages: wait ${Math.ceil(verdict.retryAfterMs / 1000)} s before sending again`);
    }
    const to = request.to ?? null;
    const recipient = to === null ? null : await this.store.getParticipant(session.id, to);
    const refusal = refuseChat(participant, recipient, to !== null);
    if (refusal) throw new AppError(participant.role === 'supervisor' ? 'FORBIDDEN' : 'PARTICIPANT_NOT_FOUND', refusal);
    const message = await this.store.appendChat(session.id, {
      id: randomUUID(),
      sessionId: session.id,
      from: participant.id,
      fromName: participant.displayName,
      to,
      text: request.text,
      sentAt: this.clock(),
      whisper: participant.role === 'supervisor',
    });
    if (to === null) {
      this.notifier.toSession(session.id, 'chat:message', message);
    } else {
      this.notifier.toParticipant(participant.id, 'chat:message', message);
      this.notifier.toParticipant(to, 'chat:message', message);
    }
    return message;
  }
}
