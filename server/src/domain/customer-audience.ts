import type { ProducerInfo, ServerEventName, ServerEventOf, VoiceState } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import type { ParticipantRecord, SessionStore } from '../store/session-store';
import type { Notifier } from './notifier';

type Viewer = Pick<ParticipantRecord, 'role'> & Partial<Pick<ParticipantRecord, 'waiting'>>;
type Owner = Pick<ParticipantRecord, 'id' | 'role'>;

/** The voice state without hidden members (the same object when none is hidden). */
export function voiceWithout(state: VoiceState, hidden: ReadonlySet<string>): VoiceState {
  const members = state.members.filter((id) => !hidden.has(id));
  const micHolderId = state.micHolderId !== null && hidden.has(state.micHolderId) ? null : state.micHolderId;
  if (members.length === state.members.length && micHolderId === state.micHolderId) return state;
  const floor = state.floor.filter((id) => !hidden.has(id));
  const muted = state.muted.filter((m) => !hidden.has(m.participantId));
  return { ...state, members, micHolderId, floor, muted };
}

/**
 * What customers may learn about the staff of their session. A watching
 * supervisor is hidden from customers unless the site shows them
 * (SHOW_SUPERVISORS_TO_CUSTOMERS): customers then receive no event about
 * them and no identifier of theirs (participant lists, voice call members,
 * microphone producers). A customer's shared screen reaches the staff only, not
 * the other customers of the session, unless the site allows it
 * (CUSTOMERS_SEE_OTHER_CUSTOMERS_SCREENS).
 */
export class CustomerAudience {
  constructor(
    private readonly store: SessionStore,
    private readonly notifier: Notifier,
    private readonly showSupervisors: boolean,
    private readonly customersSeeOtherScreens = false,
  ) {}

  /** May this viewer receive this producer of that owner? (Staff receive every producer.) */
  mayReceive(viewer: Pick<ParticipantRecord, 'id' | 'role'>, owner: Owner, producer: Pick<ProducerInfo, 'source'>): boolean {
    if (viewer.role !== 'customer' || viewer.id === owner.id) return true;
    if (this.hides(owner)) return false;
    return !(owner.role === 'customer' && producer.source === 'screen' && !this.customersSeeOtherScreens);
  }

  /** The producers of a session this viewer may know about. */
  visibleProducers(viewer: Pick<ParticipantRecord, 'id' | 'role'>, producers: readonly ProducerInfo[], participants: readonly Owner[]): ProducerInfo[] {
    const owners = new Map(participants.map((p) => [p.id, p]));
    return producers.filter((p) => {
      const owner = owners.get(p.participantId);
      return owner ? this.mayReceive(viewer, owner, p) : viewer.role !== 'customer';
    });
  }

  /** A new producer: to the staff and its owner, and to the other customers when they may receive it. */
  producerAdded(sessionId: string, owner: Owner, info: ProducerInfo): void {
    const payload = { sessionId, ...info };
    if (this.mayReceive({ id: '', role: 'customer' }, owner, info)) {
      this.notifier.toSession(sessionId, 'media:producer-added', payload);
      return;
    }
    this.notifier.toStaff(sessionId, 'media:producer-added', payload);
    if (owner.role === 'customer') this.notifier.toParticipant(owner.id, 'media:producer-added', payload);
  }

  /** Hidden from customers: a watching supervisor (unless the site shows them), a customer waiting to be admitted. */
  hides(participant: Viewer): boolean {
    if (participant.waiting === true) return true;
    return participant.role === 'supervisor' && !this.showSupervisors;
  }

  /** May this viewer see that participant? Staff see everyone. */
  canSee(viewer: Viewer, participant: Viewer): boolean {
    return viewer.role !== 'customer' || !this.hides(participant);
  }

  /** Ids of the session's participants hidden from customers. */
  async hiddenIds(sessionId: string): Promise<Set<string>> {
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

  /** Like `producerAdded`, for an owner known by id. */
  async producerAddedOf(sessionId: string, participantId: string, info: ProducerInfo): Promise<void> {
    const owner = await this.store.getParticipant(sessionId, participantId);
    if (owner) this.producerAdded(sessionId, owner, info);
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

  /** Who speaks now: everyone is told, customers never about a hidden participant. */
  async speaking(sessionId: string, participantIds: string[]): Promise<void> {
    const hidden = await this.hiddenIds(sessionId);
    if (!participantIds.some((id) => hidden.has(id))) {
      this.notifier.toSession(sessionId, 'voice:speaking', { sessionId, speaking: participantIds });
      return;
    }
    this.notifier.toStaff(sessionId, 'voice:speaking', { sessionId, speaking: participantIds });
    this.notifier.toCustomers(sessionId, 'voice:speaking', { sessionId, speaking: participantIds.filter((id) => !hidden.has(id)) });
  }

  /**
   * A customer cannot consume a hidden participant's media, nor another customer's screen unless
   * the site allows it: the same answer as for media that does not exist.
   */
  async refuseHiddenProducer(sessionId: string, viewer: Pick<ParticipantRecord, 'id' | 'role'>, producers: readonly ProducerInfo[], producerId: string): Promise<void> {
    if (viewer.role !== 'customer') return;
    const producer = producers.find((p) => p.producerId === producerId);
    const owner = producer ? await this.store.getParticipant(sessionId, producer.participantId) : null;
    if (producer && owner && !this.mayReceive(viewer, owner, producer)) throw new AppError('MEDIA_NOT_FOUND', 'no such media to consume');
  }

  /** The voice state as this viewer may see it. */
  async voiceFor(viewer: Viewer, state: VoiceState): Promise<VoiceState> {
    return viewer.role === 'customer' ? voiceWithout(state, await this.hiddenIds(state.sessionId)) : state;
  }
}
