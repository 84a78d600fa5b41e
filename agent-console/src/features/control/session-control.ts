import type { Participant, ParticipantId, SessionSummary } from '@rs/signaling';
import { TypedEmitter, type ParticipantRoster, type SessionChannel } from '@rs/web-common';

export type SessionControlEvents = {
  /** The summary changed (who is in control, which customer is helped, state). */
  changed: [];
  /** Control went from one participant to another (R1.4). */
  'controller-changed': [controllerId: ParticipantId];
  /** The agent in control chose another customer (R1.2). */
  'customer-changed': [customerId: ParticipantId | null];
};

/**
 * Who controls the session and which customer is helped, as the server says
 * (snapshot and `session:updated`), and the requests that change them.
 */
export class SessionControl {
  readonly events = new TypedEmitter<SessionControlEvents>();

  constructor(
    private readonly channel: SessionChannel,
    private readonly roster: ParticipantRoster,
    private current: SessionSummary,
  ) {
    channel.events.on('snapshot', (snapshot) => this.update(snapshot.session));
    channel.on('session:updated', ({ session }) => this.update(session));
  }

  get summary(): SessionSummary {
    return this.current;
  }

  /** This console is the agent in control (the primary): only it acts on the customer's machine and ends. */
  get isController(): boolean {
    return this.roster.selfParticipantId !== null && this.current.controllerId === this.roster.selfParticipantId;
  }

  get controller(): Participant | null {
    return this.roster.get(this.current.controllerId) ?? null;
  }

  get selectedCustomer(): Participant | null {
    const id = this.current.selectedCustomerId;
    return id ? (this.roster.get(id) ?? null) : null;
  }

  async selectCustomer(customerId: ParticipantId): Promise<void> {
    await this.channel.request('session:select-customer', { sessionId: this.channel.sessionId, customerId });
  }

  async transferTo(participantId: ParticipantId): Promise<void> {
    await this.channel.request('session:transfer-control', { sessionId: this.channel.sessionId, toParticipantId: participantId });
  }

  /** Lets a customer waiting at the door in, or turns them away. */
  async admit(participantId: ParticipantId, admit: boolean): Promise<void> {
    await this.channel.request('session:admit', { sessionId: this.channel.sessionId, participantId, admit });
  }

  /** Removes a participant whose connection is gone (e.g. a customer's closed tab). */
  async removeParticipant(participantId: ParticipantId): Promise<void> {
    await this.channel.request('session:remove-participant', { sessionId: this.channel.sessionId, participantId });
  }

  async takeOver(): Promise<void> {
    await this.channel.request('session:take-over', { sessionId: this.channel.sessionId });
  }

  /** A summary the console got over REST (a new number): the same as one pushed over the socket. */
  applySummary(summary: SessionSummary): void {
    this.update(summary);
  }

  private update(summary: SessionSummary): void {
    const previous = this.current;
    this.current = summary;
    this.events.emit('changed');
    if (previous.controllerId !== summary.controllerId) this.events.emit('controller-changed', summary.controllerId);
    if (previous.selectedCustomerId !== summary.selectedCustomerId) this.events.emit('customer-changed', summary.selectedCustomerId);
  }
}
