import SimplePeer from 'simple-peer/simplepeer.min.js';
import type { Instance as PeerInstance, SignalData } from 'simple-peer';
import { TypedEmitter } from '../../util/typed-emitter';
import { waitDrained, type SendPath, type SendPathEvents } from './send-path';

export type PeerLinkEvents = SendPathEvents & {
  connected: [];
  frame: [Uint8Array];
  /** No connection within the time allowed (ICE failed): the sender falls back to the relay. */
  failed: [];
};

/** How long ICE may take before the relay is used instead. */
export const PEER_CONNECT_TIMEOUT_MS = 8_000;

/**
 * A direct data channel between two pages (simple-peer; DTLS end to end, the server only relays
 * the signals). One per pair of participants, used in both directions by all their transfers.
 */
export class PeerLink implements SendPath {
  readonly path = 'p2p' as const;
  readonly events = new TypedEmitter<PeerLinkEvents>();
  private readonly peer: PeerInstance;
  private connected = false;
  private closed = false;
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(
    readonly initiator: boolean,
    sendSignal: (data: SignalData) => void,
    connectTimeoutMs = PEER_CONNECT_TIMEOUT_MS,
  ) {
    this.peer = new SimplePeer({ initiator, trickle: true, config: { iceServers: [] }, channelConfig: { ordered: true } });
    this.peer.on('signal', (data: SignalData) => sendSignal(data));
    this.peer.on('connect', () => {
      this.connected = true;
      clearTimeout(this.timer);
      const channel = this.channel;
      if (channel) channel.binaryType = 'arraybuffer';
      this.events.emit('connected');
    });
    this.peer.on('data', (data: Uint8Array) => this.events.emit('frame', data));
    this.peer.on('close', () => this.close());
    this.peer.on('error', () => this.close());
    this.timer = setTimeout(() => {
      if (!this.connected && !this.closed) {
        this.events.emit('failed');
        this.close();
      }
    }, connectTimeoutMs);
  }

  get open(): boolean {
    return this.connected && !this.closed;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Resolves true once connected, false when it failed or closed first. */
  whenConnected(): Promise<boolean> {
    if (this.open) return Promise.resolve(true);
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const offs = [this.events.on('connected', () => finish(true)), this.events.on('closed', () => finish(false))];
      function finish(ok: boolean): void {
        for (const off of offs) off();
        resolve(ok);
      }
    });
  }

  signal(data: SignalData): void {
    if (!this.closed) this.peer.signal(data);
  }

  send(frame: Uint8Array<ArrayBuffer>): void {
    this.channel?.send(frame);
  }

  writable(): Promise<void> {
    const channel = this.channel;
    if (!channel) return Promise.resolve();
    return waitDrained(channel, (listener) => {
      channel.addEventListener('bufferedamountlow', listener);
      return () => channel.removeEventListener('bufferedamountlow', listener);
    }, () => this.open);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.peer.destroy();
    this.events.emit('closed');
  }

  /** simple-peer's RTCDataChannel (its stream API would copy and buffer; we write frames directly). */
  private get channel(): RTCDataChannel | null {
    return (this.peer as unknown as { _channel?: RTCDataChannel })._channel ?? null;
  }
}
