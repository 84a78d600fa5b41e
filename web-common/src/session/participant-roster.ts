import type { Participant, ParticipantId, SessionSnapshot } from '@rs/signaling';
import { TypedEmitter } from '../util/typed-emitter';
import type { SessionChannel } from './session-channel';

export type ParticipantRosterEvents = {
  changed: [];
  /** Someone is in the session (a waiting customer: once admitted). */
  joined: [Participant];
  /** Staff: a customer is at the door, waiting to be admitted. */
  waiting: [Participant];
};

/** The participants of one session, kept live from the snapshot and participant events. */
export class ParticipantRoster {
  readonly events = new TypedEmitter<ParticipantRosterEvents>();
  private readonly byId = new Map<ParticipantId, Participant>();
  private selfId: ParticipantId | null = null;

  constructor(channel: SessionChannel) {
    channel.events.on('snapshot', (snapshot) => this.reset(snapshot));
    channel.on('session:participant-joined', ({ participant }) => {
      const before = this.byId.get(participant.id);
      this.upsert(participant);
      if (participant.waiting === true) {
        if (!before) this.events.emit('waiting', participant);
      } else if (!before || before.waiting === true) this.events.emit('joined', participant);
    });
    channel.on('session:participant-updated', ({ participant }) => this.upsert(participant));
    channel.on('session:participant-left', ({ participant }) => {
      this.byId.delete(participant.id);
      this.events.emit('changed');
    });
  }

  get self(): Participant | null {
    return this.selfId ? (this.byId.get(this.selfId) ?? null) : null;
  }

  get selfParticipantId(): ParticipantId | null {
    return this.selfId;
  }

  /** Who is in the session (customers waiting to be admitted are not, yet). */
  list(): Participant[] {
    return this.all().filter((p) => p.waiting !== true || p.id === this.selfId);
  }

  /** Staff: customers waiting at the door for the agent in control, first come first. */
  waiting(): Participant[] {
    return this.all().filter((p) => p.waiting === true && p.id !== this.selfId);
  }

  customers(): Participant[] {
    return this.list().filter((p) => p.role === 'customer');
  }

  others(): Participant[] {
    return this.list().filter((p) => p.id !== this.selfId);
  }

  get(id: ParticipantId): Participant | undefined {
    return this.byId.get(id);
  }

  private all(): Participant[] {
    return [...this.byId.values()].sort((a, b) => a.joinedAt - b.joinedAt);
  }

  nameOf(id: ParticipantId): string | undefined {
    return this.byId.get(id)?.displayName;
  }

  private reset(snapshot: SessionSnapshot): void {
    this.byId.clear();
    this.selfId = snapshot.self.id;
    for (const participant of snapshot.participants) {
      if (participant.leftAt === null) this.byId.set(participant.id, participant);
    }
    this.byId.set(snapshot.self.id, snapshot.self);
    this.events.emit('changed');
  }

  private upsert(participant: Participant): void {
    this.byId.set(participant.id, participant);
    this.events.emit('changed');
  }
}
