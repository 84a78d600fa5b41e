import { Device, type types } from 'mediasoup-client';
import { ApiError } from '../connection/api-error';
import type { MediaSignaling } from './media-session';
import { toRtpCapabilities } from './mediasoup-params';
import { createSignaledTransport, type Direction } from './signaled-transport';

/** How long a transport may stay `disconnected` before we ask for an ICE restart. */
const DISCONNECTED_GRACE_MS = 1_500;
/** ICE restarts tried on one broken transport before it is given up (then rebuilt). */
const ICE_RESTARTS = 3;

export interface TransportHealth {
  /** A transport could not be healed (the server lost it, or ICE restarts did not help): rebuild. */
  onLost: (direction: Direction) => void;
  /** A transport (re)connected. */
  onConnected: () => void;
}

/**
 * The mediasoup-client Device and this page's two transports (send, receive),
 * created on first use. A transport whose connection breaks is healed with
 * ICE restarts (backoff); `onLost` is called when it cannot be (the server no
 * longer knows it, or the restarts did not help): the caller rebuilds.
 */
export class MediaTransports {
  private device: Promise<Device> | null = null;
  /** The last loaded device and the router capabilities it was loaded with (reused by a rebuild if unchanged). */
  private loaded: { capabilities: string; device: Device } | null = null;
  private readonly transports: Record<Direction, Promise<types.Transport> | null> = { send: null, recv: null };
  /** ICE restarts tried per broken transport, and the transports being healed now. */
  private readonly attempts = new Map<string, number>();
  private readonly healing = new Set<string>();

  constructor(
    private readonly signaling: MediaSignaling,
    private readonly health: TransportHealth,
  ) {}

  loadDevice(): Promise<Device> {
    this.device ??= (async () => {
      const { rtpCapabilities } = await this.signaling.request('media:capabilities', { sessionId: this.signaling.sessionId });
      const capabilities = JSON.stringify(rtpCapabilities);
      if (this.loaded?.capabilities === capabilities) return this.loaded.device;
      const device = await Device.factory();
      await device.load({ routerRtpCapabilities: toRtpCapabilities(rtpCapabilities) });
      this.loaded = { capabilities, device };
      return device;
    })();
    this.device.catch(() => {
      this.device = null;
    });
    return this.device;
  }

  get(direction: Direction): Promise<types.Transport> {
    let pending = this.transports[direction];
    if (!pending) {
      pending = this.create(direction);
      this.transports[direction] = pending;
      pending.catch(() => {
        if (this.transports[direction] === pending) this.transports[direction] = null;
      });
    }
    return pending;
  }

  /** Whether this page holds any transport (created or being created). */
  get inUse(): boolean {
    return this.has('send') || this.has('recv');
  }

  has(direction: Direction): boolean {
    return this.transports[direction] !== null;
  }

  /**
   * Fresh ICE credentials for every transport (after a reconnect: the network
   * may have changed). Resolves false if the server no longer knows one of
   * them (server restart, connection closed on the server): rebuild then.
   */
  async restartIce(): Promise<boolean> {
    for (const direction of ['send', 'recv'] as const) {
      const transport = await this.transports[direction]?.catch(() => null);
      if (!transport || transport.closed) continue;
      try {
        await this.restartOne(transport);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'MEDIA_NOT_FOUND') return false;
        throw error;
      }
    }
    return true;
  }

  /** The server closed one of my transports (its ICE/DTLS failed or it stayed unconnected): it is lost. */
  async closedByServer(transportId: string): Promise<void> {
    for (const direction of ['send', 'recv'] as const) {
      const pending = this.transports[direction];
      const transport = await pending?.catch(() => null);
      if (!transport || transport.id !== transportId || this.transports[direction] !== pending) continue;
      this.transports[direction] = null;
      transport.close();
      this.health.onLost(direction);
    }
  }

  /** Closes every transport here and asks the server to close its side too (it may already be gone). */
  dropAll(): void {
    for (const direction of ['send', 'recv'] as const) {
      this.transports[direction]
        ?.then((transport) => {
          transport.close();
          return this.signaling.request('media:release', { sessionId: this.signaling.sessionId, transportIds: [transport.id] });
        })
        .catch(() => undefined);
      this.transports[direction] = null;
    }
    this.device = null;
    this.attempts.clear();
  }

  private async create(direction: Direction): Promise<types.Transport> {
    const device = await this.loadDevice();
    const transport = await createSignaledTransport(device, this.signaling, direction);
    let disconnectedTimer: ReturnType<typeof setTimeout> | null = null;
    transport.on('connectionstatechange', (state) => {
      if (disconnectedTimer) clearTimeout(disconnectedTimer);
      disconnectedTimer = null;
      if (state === 'connected') {
        this.attempts.delete(transport.id);
        this.health.onConnected();
      }
      if (state === 'failed') void this.heal(direction, transport);
      if (state === 'disconnected') disconnectedTimer = setTimeout(() => void this.heal(direction, transport), DISCONNECTED_GRACE_MS);
    });
    return transport;
  }

  /** ICE restarts with backoff; past ICE_RESTARTS, or if the server lost the transport, it is given up. */
  private async heal(direction: Direction, transport: types.Transport): Promise<void> {
    if (transport.closed || this.healing.has(transport.id)) return;
    const attempt = (this.attempts.get(transport.id) ?? 0) + 1;
    this.attempts.set(transport.id, attempt);
    this.healing.add(transport.id);
    try {
      if (attempt > ICE_RESTARTS) throw new Error('ICE restarts did not help');
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** (attempt - 2)));
      if (transport.closed) return;
      await this.restartOne(transport);
    } catch (error) {
      console.warn(`${direction} transport lost`, error);
      if (this.transports[direction] && (await this.transports[direction]?.catch(() => null)) === transport) {
        this.transports[direction] = null;
        transport.close();
        this.health.onLost(direction);
      }
    } finally {
      this.healing.delete(transport.id);
    }
  }

  private async restartOne(transport: types.Transport): Promise<void> {
    const { iceParameters } = await this.signaling.request('media:restart-ice', { sessionId: this.signaling.sessionId, transportId: transport.id });
    await transport.restartIce({ iceParameters: iceParameters as unknown as types.IceParameters });
  }
}
