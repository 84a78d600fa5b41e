import type { ConsentRequest, SessionSnapshot } from '@rs/signaling';
import { TypedEmitter, type SessionChannel } from '@rs/web-common';

export type ConsentPromptEvents = {
  /** The agent asks for something: show the prompt. */
  prompt: [ConsentRequest];
  /** The pending request is no longer pending (answered elsewhere, ended): hide the prompt. */
  settled: [requestId: string];
};

/** The customer's side of R2.1: which request waits for an answer, and answering it. */
export class ConsentPromptManager {
  readonly events = new TypedEmitter<ConsentPromptEvents>();
  private pending: ConsentRequest | null = null;

  constructor(private readonly channel: SessionChannel) {
    channel.on('consent:prompt', (request) => {
      if (request.status === 'pending') this.setPending(request);
    });
    channel.on('consent:updated', (request) => {
      if (this.pending?.id === request.id && request.status !== 'pending') this.setPending(null);
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

  /** After a reload the prompt comes back if the request still waits. */
  private onSnapshot(snapshot: SessionSnapshot): void {
    const waiting = snapshot.consents
      .filter((request) => request.customerId === snapshot.self.id && request.status === 'pending')
      .sort((a, b) => b.requestedAt - a.requestedAt)[0];
    this.setPending(waiting ?? null);
  }

  private setPending(request: ConsentRequest | null): void {
    const previous = this.pending;
    if (previous?.id === request?.id) return;
    this.pending = request;
    if (previous) this.events.emit('settled', previous.id);
    if (request) this.events.emit('prompt', request);
  }
}
