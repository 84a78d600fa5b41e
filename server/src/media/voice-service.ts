import type { VoiceState } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import { floorOf, refuseMute, refusePassMic, refuseVoiceControl, secondFloorOf } from '../domain/media-rules';
import type { MediaRefusal } from '../domain/media-rules';
import type { Member } from '../domain/membership';
import type { CustomerAudience } from '../domain/customer-audience';
import type { MediaAudit } from '../domain/media-audit';
import type { Logger } from '../logging/logger';
import type { SessionRecord, SessionStore } from '../store/session-store';
import type { MediaRooms } from './media-rooms';

const idle = (sessionId: string): VoiceState => ({ sessionId, active: false, members: [], micHolderId: null, floor: [], muted: [] });

/** What the service keeps per call; micHolderId and floor are derived from it and the session. */
type CallRecord = Pick<VoiceState, 'active' | 'members' | 'muted'> & { passedTo: string | null };

function throwIf(refusal: MediaRefusal | null): void {
  if (refusal) throw new AppError(refusal.code, refusal.reason);
}

/**
 * The voice call of each session on this node (R4): started and ended by the
 * agent in control; members join and leave; the server enforces the
 * two-speaker floor (the agent in control and the customer being helped,
 * or whom the mic was passed to) and mutes by pausing microphone producers,
 * so their audio is not forwarded whatever their client does.
 */
export class VoiceService {
  private readonly calls = new Map<string, VoiceState>();
  private readonly records = new Map<string, CallRecord>();

  constructor(
    private readonly store: SessionStore,
    private readonly rooms: MediaRooms,
    private readonly audience: CustomerAudience,
    private readonly log: Logger,
    private readonly audit: MediaAudit,
  ) {}

  state(sessionId: string): VoiceState {
    return structuredClone(this.calls.get(sessionId) ?? idle(sessionId));
  }

  async start({ session, participant }: Member): Promise<VoiceState> {
    throwIf(refuseVoiceControl(session, participant));
    const current = this.state(session.id);
    if (current.active) return current;
    const started = await this.update(session, { active: true, members: [participant.id], muted: [], passedTo: null });
    await this.audit.voice(session.id, participant.id, true);
    return started;
  }

  async end({ session, participant }: Member): Promise<VoiceState> {
    throwIf(refuseVoiceControl(session, participant));
    const wasActive = this.state(session.id).active;
    (await this.rooms.peek(session.id))?.closeProducers('mic');
    const ended = await this.update(session, { active: false, members: [], muted: [], passedTo: null });
    if (wasActive) await this.audit.voice(session.id, participant.id, false);
    return ended;
  }

  async join({ session, participant }: Member): Promise<VoiceState> {
    const current = this.state(session.id);
    if (!current.active) throw new AppError('NOT_IN_CALL', 'no call is running');
    if (current.members.includes(participant.id)) return current;
    const record = this.record(session.id);
    return this.update(session, { ...record, members: [...record.members, participant.id] });
  }

  /** Leaving the call (or the session): the microphone closes; the session goes on (R4.1). */
  async leave(sessionId: string, participantId: string): Promise<VoiceState> {
    (await this.rooms.peek(sessionId))?.closeProducers('mic', participantId);
    const session = await this.store.getSession(sessionId);
    const current = this.state(sessionId);
    if (!session || !current.members.includes(participantId)) return current;
    const record = this.record(sessionId);
    return this.update(session, {
      active: record.active,
      members: record.members.filter((id) => id !== participantId),
      muted: record.muted.filter((m) => m.participantId !== participantId),
      passedTo: record.passedTo === participantId ? null : record.passedTo,
    });
  }

  async passMic({ session, participant }: Member, to: string | null): Promise<VoiceState> {
    const current = this.state(session.id);
    throwIf(refusePassMic(session, participant, current, to));
    const record = this.record(session.id);
    // Passing the mic is an explicit grant: it lifts a mute the agent put on that member.
    const muted = record.muted.filter((m) => m.participantId !== to || m.by === 'self');
    return this.update(session, { ...record, muted, passedTo: to === session.controllerId ? null : to });
  }

  /** Self-mute, or the agent in control mutes a member (see refuseMute). */
  async mute({ session, participant }: Member, targetId: string, muted: boolean): Promise<VoiceState> {
    throwIf(refuseMute(session, participant, this.state(session.id), targetId, muted));
    const record = this.record(session.id);
    const others = record.muted.filter((m) => m.participantId !== targetId);
    const already = record.muted.find((m) => m.participantId === targetId);
    const entry = already ?? { participantId: targetId, by: targetId === participant.id ? 'self' as const : 'agent' as const };
    this.log.info({ sessionId: session.id, targetId, by: participant.id, muted }, 'microphone mute');
    return this.update(session, { ...record, muted: muted ? [...others, entry] : others });
  }

  /** The agent in control or the customer being helped changed: the floor follows (issue 11). */
  async refresh(sessionId: string): Promise<void> {
    const session = await this.store.getSession(sessionId);
    const record = this.record(sessionId);
    if (!session || !record.active) return;
    // The former mic holder now in control holds the agent floor: the second floor returns to the customer.
    await this.update(session, { ...record, passedTo: record.passedTo === session.controllerId ? null : record.passedTo });
  }

  /** Pauses every microphone outside the floor or muted, resumes the others (after any change of call or control). */
  async applyFloor(sessionId: string): Promise<void> {
    const room = await this.rooms.peek(sessionId);
    if (!room) return;
    const { floor, muted } = this.state(sessionId);
    for (const mic of room.listProducers().filter((p) => p.source === 'mic')) {
      const paused = !floor.includes(mic.participantId) || muted.some((m) => m.participantId === mic.participantId);
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
    this.records.delete(sessionId);
  }

  private record(sessionId: string): CallRecord {
    return structuredClone(this.records.get(sessionId) ?? { active: false, members: [], muted: [], passedTo: null });
  }

  /** Stores the call and its derived state at once (no await in between: concurrent changes do not lose each other). */
  private async update(session: SessionRecord, record: CallRecord): Promise<VoiceState> {
    const sessionId = session.id;
    const micHolderId = record.active ? secondFloorOf(session, record.passedTo) : null;
    const floor = record.active ? floorOf(session, record.members, record.passedTo) : [];
    const state: VoiceState = { sessionId, active: record.active, members: record.members, micHolderId, floor, muted: record.muted };
    this.records.set(sessionId, record);
    this.calls.set(sessionId, state);
    // The floor first, so whoever learns the new state finds the server already applying it.
    await this.applyFloor(sessionId);
    await this.audience.voiceState(sessionId, state);
    return structuredClone(state);
  }
}
