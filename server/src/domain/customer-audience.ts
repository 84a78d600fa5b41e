import type { ProducerInfo, ServerEventName, ServerEventOf, VoiceState } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import type { ParticipantRecord, SessionStore } from '../store/session-store';
import type { Notifier } from './notifier';

type Viewer = Pick<ParticipantRecord, 'role'>;

/** The voice state without hidden members (the same object when none is hidden). */
export function voiceWithout(state: VoiceState, hidden: ReadonlySet<string>): VoiceState {
  const members = state.members.filter((id) => !hidden.has(id));
  const micHolderId = state.micHolderId !== null && hidden.has(state.micHolderId) ? null : state.micHolderId;
  if (members.length === state.members.length && micHolderId === state.micHolderId) return state;
  const floor = state.floor.filter((id) => !hidden.has(id));
  const muted = state.muted.filter((m) => !hidden.has(m.participantId));
  return { ...state, members, micHolderId, floor, muted };
}

export function producersWithout(producers: ProducerInfo[], hidden: ReadonlySet<string>): ProducerInfo[] {
  return producers.filter((p) => !hidden.has(p.participantId));
}

/**
 * What customers may learn about the staff of their session. A watching
 * supervisor is hidden from customers unless the site shows them
 * (SHOW_SUPERVISORS_TO_CUSTOMERS): customers then receive no event about
 * them and no identifier of theirs (participant lists, voice call members,
 * microphone producers).
 */
export class CustomerAudience {
  constructor(
    private readonly store: SessionStore,
    private readonly notifier: Notifier,
    private readonly showSupervisors: boolean,
  ) {}

  hides(participant: Viewer): boolean {
    return participant.role === 'supervisor' && !this.showSupervisors;
  }

  /** May this viewer see that participant? Staff see everyone. */
  canSee(viewer: Viewer, participant: Viewer): boolean {
    return viewer.role !== 'customer' || !this.hides(participant);
  }

  /** Ids of the session's participants hidden from customers. */
  async hiddenIds(sessionId: string): Promise<Set<string>> {
    if (this.showSupervisors) return new Set();
    const participants = await this.store.listParticipants(sessionId);
    return new Set(participants.filter((p) => this.hides(p)).map((p) => p.id));
  }

  /** An event about a participant or what they own: to everyone, or to staff only when they are hidden. */
  about<N extends ServerEventName>(sessionId: string, participant: Viewer | null, event: N, payload: ServerEventOf<N>): void {
    if (participant && this.hides(participant)) this.notifier.toStaff(sessionId, event, payload);
    else this.notifier.toSession(sessionId, event, payload);
  }

  /** Like `about`, for a participant known by id. */
  async aboutId<N extends ServerEventName>(sessionId: string, participantId: string, event: N, payload: ServerEventOf<N>): Promise<void> {
    this.about(sessionId, await this.store.getParticipant(sessionId, participantId), event, payload);
  }

  /** The voice state, whole to staff; customers get it without hidden members. */
  async voiceState(sessionId: string, state: VoiceState): Promise<void> {
    const visible = voiceWithout(state, await this.hiddenIds(sessionId));
    if (visible === state) {
      this.notifier.toSession(sessionId, 'voice:state', state);
      return;
    }
    this.notifier.toStaff(sessionId, 'voice:state', state);
    this.notifier.toCustomers(sessionId, 'voice:state', visible);
  }

  /** A customer cannot consume a hidden participant's media: the same answer as for media that does not exist. */
  async refuseHiddenProducer(sessionId: string, viewer: Viewer, producers: readonly ProducerInfo[], producerId: string): Promise<void> {
    if (viewer.role !== 'customer' || this.showSupervisors) return;
    const owner = producers.find((p) => p.producerId === producerId);
    const participant = owner ? await this.store.getParticipant(sessionId, owner.participantId) : null;
    if (participant && this.hides(participant)) throw new AppError('MEDIA_NOT_FOUND', 'no such media to consume');
  }

  /** The voice state as this viewer may see it. */
  async voiceFor(viewer: Viewer, state: VoiceState): Promise<VoiceState> {
    return viewer.role === 'customer' ? voiceWithout(state, await this.hiddenIds(state.sessionId)) : state;
  }
}
