import type { Admission, WaitStatus } from '@rs/signaling';
import { ApiError, SignalingClient, TypedEmitter, type ClientErrorCode } from '@rs/web-common';
import type { HelpTicket } from './help-request';

/** How a wait ended without a session. */
export type WaitEnd = 'left' | 'message-left' | 'gone';

export type WaitingRoomEvents = {
  status: [WaitStatus];
  /** An agent accepted: enter the session with these credentials (no number to type). */
  admitted: [Admission, string];
  ended: [WaitEnd];
  connection: ['connecting' | 'connected' | 'reconnecting' | 'failed'];
};

/** The entry no longer exists or the token no longer speaks for it. */
const GONE: readonly ClientErrorCode[] = ['ENTRY_NOT_FOUND', 'NOT_IN_QUEUE', 'UNAUTHENTICATED', 'FORBIDDEN', 'QUEUE_NOT_FOUND'];

/**
 * A customer waiting in a queue (R1.1): their own entry over a socket opened with
 * the wait token (role 'visitor'), pushed position and estimate, the first chat
 * message, the maximum-wait choice, leaving; and the admission once accepted.
 * A reload reconnects with the same token and keeps the place.
 */
export class WaitingRoom {
  readonly events = new TypedEmitter<WaitingRoomEvents>();
  private readonly signaling: SignalingClient;
  private current: WaitStatus | null = null;
  private done = false;
  private agentName = '';

  constructor(ticket: HelpTicket) {
    this.signaling = new SignalingClient({ token: ticket.waitToken });
    this.signaling.connection.on('connected', () => {
      this.events.emit('connection', 'connected');
      void this.refresh();
    });
    this.signaling.connection.on('reconnecting', () => this.events.emit('connection', 'reconnecting'));
    this.signaling.connection.on('failed', (code) => (GONE.includes(code) ? this.finish('gone') : this.events.emit('connection', 'failed')));
    this.signaling.on('queue:status', (status) => this.apply(status));
    this.signaling.on('queue:accepted', ({ agentName, admission }) => {
      this.agentName = agentName;
      if (admission) this.admit(admission);
      else void this.askAdmission();
    });
  }

  get status(): WaitStatus | null {
    return this.current;
  }

  start(): void {
    this.events.emit('connection', 'connecting');
    this.signaling.connect();
  }

  async sendFirstMessage(text: string): Promise<void> {
    this.apply(await this.signaling.request('queue:first-message', { text }));
  }

  async keepWaiting(): Promise<void> {
    this.apply(await this.signaling.request('queue:keep-waiting', {}));
  }

  async leaveMessage(text: string): Promise<void> {
    this.apply(await this.signaling.request('queue:leave-message', { text }));
  }

  /** Leaves on purpose (recorded as abandoned by the server; told here as "you left"). */
  async leave(): Promise<void> {
    try {
      await this.signaling.request('queue:leave', {});
    } catch (error) {
      if (!(error instanceof ApiError) || !GONE.includes(error.code)) throw error;
    }
    this.finish('left');
  }

  close(): void {
    this.done = true;
    this.signaling.close();
    this.events.removeAllListeners();
  }

  private async refresh(): Promise<void> {
    try {
      this.apply(await this.signaling.request('queue:status', {}));
    } catch (error) {
      if (error instanceof ApiError && GONE.includes(error.code)) this.finish('gone');
    }
  }

  private apply(status: WaitStatus): void {
    if (this.done) return;
    this.current = status;
    switch (status.state) {
      case 'accepted':
        void this.askAdmission();
        break;
      case 'left-message':
        this.finish('message-left');
        break;
      case 'abandoned':
      case 'cancelled':
        this.finish('gone');
        break;
      default:
        this.events.emit('status', status);
    }
  }

  /** Accepted while this page was away (a reload at that moment): ask for the way in. */
  private async askAdmission(): Promise<void> {
    try {
      this.admit(await this.signaling.request('queue:admission', {}));
    } catch (error) {
      if (error instanceof ApiError && GONE.includes(error.code)) this.finish('gone');
    }
  }

  private admit(admission: Admission): void {
    if (this.done) return;
    this.done = true;
    this.events.emit('admitted', admission, this.agentName);
  }

  private finish(end: WaitEnd): void {
    if (this.done) return;
    this.done = true;
    this.events.emit('ended', end);
  }
}
