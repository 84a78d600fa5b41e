import type { Participant, ParticipantId, SessionSnapshot } from '@rs/signaling';
import { TypedEmitter } from '../util/typed-emitter';
import type { SessionChannel } from './session-channel';

export type ParticipantRosterEvents = {
  changed: [];
  joined: [Participant];
};

/** The participants of one session, kept live from the snapshot and participant events. */
export class ParticipantRoster {
  readonly events = new TypedEmitter<ParticipantRosterEvents>();
  private readonly byId = new Map<ParticipantId, Participant>();
  private selfId: ParticipantId | null = null;

  constructor(channel: SessionChannel) {
    channel.events.on('snapshot', (snapshot) => this.reset(snapshot));
    channel.on('session:participant-joined', ({ participant }) => {
      const isNew = !this.byId.has(participant.id);
      this.upsert(participant);
      if (isNew) this.events.emit('joined', participant);
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

  list(): Participant[] {
    return [...this.byId.values()].sort((a, b) => a.joinedAt - b.joinedAt);
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
