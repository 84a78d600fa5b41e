import type { ConsentRequest, SessionSnapshot } from '@rs/signaling';
import { TypedEmitter, type ParticipantRoster, type SessionChannel } from '@rs/web-common';

export type ConsentLedgerEvents = { changed: [] };

/**
 * The customer's standing permissions (R2.2): "grant all" and the requests
 * still pending or granted; withdrawing them all stops every activity at once.
 */
export class ConsentLedger {
  readonly events = new TypedEmitter<ConsentLedgerEvents>();
  private readonly open = new Map<string, ConsentRequest>();

  constructor(
    private readonly channel: SessionChannel,
    private readonly roster: ParticipantRoster,
  ) {
    channel.events.on('snapshot', (snapshot) => this.reset(snapshot));
    channel.on('consent:prompt', (request) => this.track(request));
    channel.on('consent:updated', (request) => this.track(request));
    roster.events.on('changed', () => this.events.emit('changed'));
  }

  /** The customer ticked "grant permission for all actions during this session". */
  get grantsAll(): boolean {
    return this.roster.self?.grantsAll === true;
  }

  /** Something can be withdrawn: grant-all, or a request pending or granted. */
  get canWithdraw(): boolean {
    return this.grantsAll || this.open.size > 0;
  }

  async withdraw(): Promise<void> {
    await this.channel.request('consent:revoke', { sessionId: this.channel.sessionId });
  }

  private reset(snapshot: SessionSnapshot): void {
    this.open.clear();
    for (const request of snapshot.consents) {
      if (request.customerId === snapshot.self.id) this.track(request, false);
    }
    this.events.emit('changed');
  }

  private track(request: ConsentRequest, announce = true): void {
    if (request.status === 'pending' || request.status === 'granted') this.open.set(request.id, request);
    else this.open.delete(request.id);
    if (announce) this.events.emit('changed');
  }
}
