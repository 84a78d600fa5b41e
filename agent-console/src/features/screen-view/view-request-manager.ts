import type { ConsentRequest, ConsentStatus, DisplaySurface, ParticipantId, SharePauseReason } from '@rs/signaling';
import { TypedEmitter, type SessionChannel } from '@rs/web-common';

export type ViewRequestStatus = ConsentStatus | 'failed' | null;

export type ViewRequestEvents = { changed: [] };

/** The agent's side of R2.1 for "view desktop": asking, and following the latest request. */
export class ViewRequestManager {
  readonly events = new TypedEmitter<ViewRequestEvents>();
  private latest: ConsentRequest | null = null;
  private askFailed = false;
  /** The customer's share under the latest grant waits for their click (e.g. they reloaded). */
  private paused: SharePauseReason | null = null;

  constructor(private readonly channel: SessionChannel) {
    channel.events.on('snapshot', (snapshot) => {
      const requests = snapshot.consents.filter((request) => request.activity === 'view-desktop');
      this.latest = requests.sort((a, b) => b.requestedAt - a.requestedAt)[0] ?? null;
      this.askFailed = false;
      this.paused = null;
      this.events.emit('changed');
    });
    channel.on('consent:updated', (request) => this.track(request));
    channel.on('share:paused', ({ customerId, reason }) => {
      if (this.latest?.customerId !== customerId || this.latest.status !== 'granted') return;
      this.paused = reason;
      this.events.emit('changed');
    });
  }

  get status(): ViewRequestStatus {
    return this.askFailed ? 'failed' : (this.latest?.status ?? null);
  }

  /** Granted without a prompt: the customer had granted all actions (R2.2). */
  get automatic(): boolean {
    return this.latest?.automatic === true;
  }

  get customerId(): ParticipantId | null {
    return this.latest?.customerId ?? null;
  }

  /** Why the customer's granted share waits for their click, if it does. */
  get pausedReason(): SharePauseReason | null {
    return this.status === 'granted' ? this.paused : null;
  }

  /** The customer's share has started: a pause is over. */
  resumed(): void {
    if (this.paused === null) return;
    this.paused = null;
    this.events.emit('changed');
  }

  /** True while a request waits for an answer or a grant is in use (a paused share can be asked again). */
  get busy(): boolean {
    return this.status === 'pending' || (this.status === 'granted' && this.paused === null);
  }

  async ask(customerId: ParticipantId, surface?: DisplaySurface): Promise<void> {
    this.askFailed = false;
    try {
      const request = await this.channel.request('consent:ask', {
        sessionId: this.channel.sessionId,
        activity: 'view-desktop',
        customerId,
        ...(surface ? { surface } : {}),
      });
      this.track(request);
    } catch (error) {
      console.warn('consent:ask failed', error);
      this.askFailed = true;
      this.events.emit('changed');
    }
  }

  /** Withdraws the request the customer has not answered yet (their prompt closes). */
  async cancel(): Promise<void> {
    const pending = this.latest;
    if (pending?.status !== 'pending') return;
    this.track(await this.channel.request('consent:cancel', { sessionId: this.channel.sessionId, requestId: pending.id }));
  }

  private track(request: ConsentRequest): void {
    if (request.activity !== 'view-desktop') return;
    const current = this.latest;
    if (current && current.id !== request.id && current.requestedAt > request.requestedAt) return;
    // An answer may overtake the ask's own acknowledgement: never step back to pending.
    if (current?.id === request.id && current.status !== 'pending' && request.status === 'pending') return;
    if (current?.id !== request.id || current.status !== request.status) this.paused = null;
    this.latest = request;
    this.askFailed = false;
    this.events.emit('changed');
  }
}
