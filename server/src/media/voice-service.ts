import type { VoiceState } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import { floorOf, refusePassMic, refuseVoiceControl } from '../domain/media-rules';
import type { MediaRefusal } from '../domain/media-rules';
import type { Member } from '../domain/membership';
import type { CustomerAudience } from '../domain/customer-audience';
import type { Logger } from '../logging/logger';
import type { SessionStore } from '../store/session-store';
import type { MediaRooms } from './media-rooms';

const idle = (sessionId: string): VoiceState => ({ sessionId, active: false, members: [], micHolderId: null });

function throwIf(refusal: MediaRefusal | null): void {
  if (refusal) throw new AppError(refusal.code, refusal.reason);
}

/**
 * The voice call of each session on this node (R4): started and ended by the
 * agent in control; members join and leave; the server enforces the
 * two-speaker floor by pausing every other microphone producer, so their
 * audio is not forwarded whatever their client does.
 */
export class VoiceService {
  private readonly calls = new Map<string, VoiceState>();

  constructor(
    private readonly store: SessionStore,
    private readonly rooms: MediaRooms,
    private readonly audience: CustomerAudience,
    private readonly log: Logger,
  ) {}

  state(sessionId: string): VoiceState {
    return structuredClone(this.calls.get(sessionId) ?? idle(sessionId));
  }

  async start({ session, participant }: Member): Promise<VoiceState> {
    throwIf(refuseVoiceControl(session, participant));
    const current = this.state(session.id);
    if (current.active) return current;
    return this.update(session.id, { active: true, members: [participant.id], micHolderId: null });
  }

  async end({ session, participant }: Member): Promise<VoiceState> {
    throwIf(refuseVoiceControl(session, participant));
    (await this.rooms.peek(session.id))?.closeProducers('mic');
    return this.update(session.id, idle(session.id));
  }

  async join({ session, participant }: Member): Promise<VoiceState> {
    const current = this.state(session.id);
    if (!current.active) throw new AppError('NOT_IN_CALL', 'no call is running');
    if (current.members.includes(participant.id)) return current;
    return this.update(session.id, { ...current, members: [...current.members, participant.id] });
  }

  /** Leaving the call (or the session): the microphone closes; the session goes on (R4.1). */
  async leave(sessionId: string, participantId: string): Promise<VoiceState> {
    const current = this.state(sessionId);
    (await this.rooms.peek(sessionId))?.closeProducers('mic', participantId);
    if (!current.members.includes(participantId)) return current;
    return this.update(sessionId, {
      ...current,
      members: current.members.filter((id) => id !== participantId),
      micHolderId: current.micHolderId === participantId ? null : current.micHolderId,
    });
  }

  async passMic({ session, participant }: Member, to: string | null): Promise<VoiceState> {
    const current = this.state(session.id);
    throwIf(refusePassMic(session, participant, current, to));
    return this.update(session.id, { ...current, micHolderId: to });
  }

  /** Pauses every microphone outside the floor, resumes those in it (after any change of call or control). */
  async applyFloor(sessionId: string): Promise<void> {
    const room = await this.rooms.peek(sessionId);
    const session = await this.store.getSession(sessionId);
    if (!room || !session) return;
    const floor = floorOf(session, this.state(sessionId));
    for (const mic of room.listProducers().filter((p) => p.source === 'mic')) {
      const paused = !floor.has(mic.participantId);
      if (await room.setPaused(mic.producerId, paused)) {
        await this.audience.aboutId(sessionId, mic.participantId, 'media:producer-paused', { sessionId, producerId: mic.producerId, paused });
        this.log.info({ sessionId, producerId: mic.producerId, paused }, 'microphone floor applied');
      }
    }
  }

  /** Tells the session the current state again (e.g. once a hidden supervisor becomes visible by taking over). */
  async announce(sessionId: string): Promise<void> {
    const state = this.state(sessionId);
    if (state.active) await this.audience.voiceState(sessionId, state);
  }

  forget(sessionId: string): void {
    this.calls.delete(sessionId);
  }

  private async update(sessionId: string, next: Omit<VoiceState, 'sessionId'>): Promise<VoiceState> {
    const state: VoiceState = { sessionId, ...next };
    this.calls.set(sessionId, state);
    await this.audience.voiceState(sessionId, state);
    await this.applyFloor(sessionId);
    return structuredClone(state);
  }
}
