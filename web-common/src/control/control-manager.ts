import type { CapturedSurface, ControlStateEvent, KeyCombo, RemoteInput } from '@rs/signaling';
import type { SessionChannel } from '../session/session-channel';
import { TypedEmitter } from '../util/typed-emitter';

export type ControlManagerEvents = {
  changed: [];
};

/**
 * Remote control as this page sees it (R3.1, R3.7): where it stands (the
 * server's control:state), and the requests that ask, give, stop and drive it.
 * Input is sent without waiting: the server refuses what the grant does not allow.
 */
export class ControlManager {
  readonly events = new TypedEmitter<ControlManagerEvents>();
  private current: ControlStateEvent | null = null;

  constructor(
    private readonly channel: SessionChannel,
    private readonly selfId: () => string | null,
  ) {
    channel.on('control:state', (event) => {
      this.current = event;
      this.events.emit('changed');
    });
  }

  get state(): ControlStateEvent | null {
    return this.current;
  }

  /** Control is asked, pairing or live (not idle). */
  get running(): boolean {
    return this.current !== null && this.current.state !== 'idle';
  }

  /** This page drives the other desktop and input may flow now. */
  get canSend(): boolean {
    return this.isController && this.current?.state === 'active' && this.current.helperConnected;
  }

  get isController(): boolean {
    return this.running && this.current?.controllerId === this.selfId();
  }

  /** This page's person runs the helper (their desktop is driven). */
  get isTarget(): boolean {
    return this.running && this.current?.targetId === this.selfId();
  }

  async request(customerId: string): Promise<void> {
    this.apply(await this.channel.request('control:request', { sessionId: this.channel.sessionId, customerId }));
  }

  async give(customerId: string): Promise<void> {
    this.apply(await this.channel.request('control:give', { sessionId: this.channel.sessionId, customerId }));
  }

  async stop(): Promise<void> {
    await this.channel.request('control:stop', { sessionId: this.channel.sessionId });
  }

  send(input: RemoteInput): void {
    if (!this.canSend) return;
    this.channel.request('control:input', { sessionId: this.channel.sessionId, input }).catch(() => undefined);
  }

  combo(combo: KeyCombo): void {
    this.send({ t: 'combo', combo });
  }

  async clipboardWrite(text: string): Promise<void> {
    await this.channel.request('control:clipboard-write', { sessionId: this.channel.sessionId, text });
  }

  async clipboardRead(): Promise<string> {
    return (await this.channel.request('control:clipboard-read', { sessionId: this.channel.sessionId })).text;
  }

  /** The sharer of a screen says how big the capture is (the helper picks that monitor). */
  reportSurface(surface: CapturedSurface): void {
    this.channel.request('control:surface', { sessionId: this.channel.sessionId, surface }).catch(() => undefined);
  }

  /** An annotation tool went on or off here (annotating pauses control, R3.6). */
  annotating(active: boolean): void {
    this.channel.request('annotation:mode', { sessionId: this.channel.sessionId, active }).catch(() => undefined);
  }

  private apply(event: ControlStateEvent): void {
    // The answer may come after a newer control:state (the helper was quick): keep the newest.
    if (this.current && this.current.state !== 'idle' && event.state === 'asked') return;
    if (!this.current || this.current.state === 'idle') {
      this.current = event;
      this.events.emit('changed');
    }
  }
}
