import type { ConsentRequest, SessionSnapshot } from '@rs/signaling';
import { TypedEmitter, type SessionChannel } from '@rs/web-common';
import { browserCan, type CapabilityCheck } from './browser-capabilities';

export type ConsentPromptEvents = {
  /** The agent asks for something: show the prompt. */
  prompt: [ConsentRequest];
  /** The pending request is no longer pending (answered elsewhere, ended, cancelled): hide the prompt. */
  settled: [requestId: string, status: ConsentRequest['status'] | null];
  /** The agent asked for something this browser cannot do: it was answered "not supported"; tell the customer why. */
  unsupported: [ConsentRequest];
};

/**
 * The customer's side of R2.1: which request waits for an answer, and answering
 * it. A request this browser cannot carry out is never offered: it is answered
 * "unsupported" at once, so the agent is not left waiting.
 */
export class ConsentPromptManager {
  readonly events = new TypedEmitter<ConsentPromptEvents>();
  private pending: ConsentRequest | null = null;

  constructor(
    private readonly channel: SessionChannel,
    private readonly can: CapabilityCheck = browserCan,
  ) {
    channel.on('consent:prompt', (request) => {
      if (request.status === 'pending') this.offer(request);
    });
    channel.on('consent:updated', (request) => {
      if (this.pending?.id === request.id && request.status !== 'pending') this.setPending(null, request.status);
    });
    channel.events.on('snapshot', (snapshot) => this.onSnapshot(snapshot));
  }

  get pendingRequest(): ConsentRequest | null {
    return this.pending;
  }

  /** `grantAll`: "grant permission for all actions during this session without asking again" (R2.2). */
  async answer(requestId: string, granted: boolean, grantAll = false): Promise<ConsentRequest> {
    if (this.pending?.id === requestId) this.setPending(null);
    return this.channel.request('consent:answer', { sessionId: this.channel.sessionId, requestId, granted, ...(granted && grantAll ? { grantAll } : {}) });
  }

  private offer(request: ConsentRequest): void {
    if (this.can(request.activity)) return this.setPending(request);
    this.events.emit('unsupported', request);
    this.channel
      .request('consent:answer', { sessionId: this.channel.sessionId, requestId: request.id, granted: false, unsupported: true })
      .catch((error: unknown) => console.warn('consent answer failed', error));
  }

  /** After a reload the prompt comes back if the request still waits. */
  private onSnapshot(snapshot: SessionSnapshot): void {
    const waiting = snapshot.consents
      .filter((request) => request.customerId === snapshot.self.id && request.status === 'pending')
      .sort((a, b) => b.requestedAt - a.requestedAt)[0];
    if (waiting && !this.can(waiting.activity)) {
      this.setPending(null);
      return this.offer(waiting);
    }
    this.setPending(waiting ?? null);
  }

  private setPending(request: ConsentRequest | null, settledAs: ConsentRequest['status'] | null = null): void {
    const previous = this.pending;
    if (previous?.id === request?.id) return;
    this.pending = request;
    if (previous) this.events.emit('settled', previous.id, settledAs);
    if (request) this.events.emit('prompt', request);
  }
}
