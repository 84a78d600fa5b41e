import type { SignalData } from 'simple-peer';
import type { ParticipantId } from '@rs/signaling';
import type { SessionChannel } from '../../session/session-channel';
import { Subscriptions, TypedEmitter } from '../../util/typed-emitter';
import { PeerLink } from './peer-link';
import { RelayLinks } from './relay-links';
import type { SendPath } from './send-path';

export type FileLinksEvents = {
  /** A frame from `fromId`, whichever path carried it. */
  frame: [fromId: ParticipantId, bytes: Uint8Array];
};

/**
 * What travels in file:signal: a simple-peer signal tagged with the generation of the connection
 * (chosen by the initiator, increasing), or a hello from a page that has no connection yet (fresh
 * or reloaded): the initiator then starts a new generation. Signals of other generations are
 * ignored, so a late candidate of an abandoned connection never breaks the new one.
 */
type Envelope = { readonly gen: number; readonly signal: SignalData } | { readonly hello: true };

function parseEnvelope(data: unknown): Envelope | null {
  if (typeof data !== 'object' || data === null) return null;
  if ((data as { hello?: unknown }).hello === true) return { hello: true };
  const { gen, signal } = data as { gen?: unknown; signal?: unknown };
  return typeof gen === 'number' && typeof signal === 'object' && signal !== null ? { gen, signal: signal as SignalData } : null;
}

/**
 * The data paths of one page to the other participants: a simple-peer connection per pair (the
 * initiator is the sender of the pair's oldest live transfer) and the SFU relay when peer to peer is
 * forced off or ICE does not connect in time. Incoming frames from any path come out as `frame`.
 */
export class FileLinks {
  readonly events = new TypedEmitter<FileLinksEvents>();
  readonly relay: RelayLinks;
  private readonly peers = new Map<ParticipantId, PeerLink>();
  /** Pairs whose direct connection failed: the relay carries their transfers from now on. */
  private readonly p2pFailed = new Set<ParticipantId>();
  /** Generation of the current direct connection with each participant. */
  private readonly generations = new Map<ParticipantId, number>();
  private readonly subscriptions = new Subscriptions();
  forceRelay = false;

  constructor(
    private readonly channel: SessionChannel,
    /** Whether this page initiates the direct connection with `peerId` (sender of the oldest live transfer). */
    private readonly initiates: (peerId: ParticipantId) => boolean,
  ) {
    this.relay = new RelayLinks(channel);
    this.relay.events.on('frame', (fromId, bytes) => this.events.emit('frame', fromId, bytes));
    this.subscriptions.add(channel.on('file:signal', ({ fromId, data }) => this.onSignal(fromId, data)));
  }

  /**
   * The path a sender uses towards `peerId`: the direct link when it connects, the relay otherwise.
   * Resolves null when neither opens (the other page is gone): the caller waits for the next change.
   */
  async sendPath(peerId: ParticipantId): Promise<SendPath | null> {
    if (!this.forceRelay && !this.p2pFailed.has(peerId)) {
      let link = this.ensurePeer(peerId);
      // A waiting peer is replaced when the initiator offers a new connection: follow it.
      for (;;) {
        if (await link.whenConnected()) return link;
        const next = this.peers.get(peerId);
        if (this.p2pFailed.has(peerId) || !next || next === link || next.isClosed) break;
        link = next;
      }
      if (!this.p2pFailed.has(peerId)) return null;
    }
    const relay = await this.relay.sendPath(peerId);
    return (await relay.whenOpen()) ? relay : null;
  }

  /** Makes sure a direct connection to `peerId` exists or is being made (both sides call it). */
  ensurePeer(peerId: ParticipantId): PeerLink {
    const existing = this.peers.get(peerId);
    if (existing && !existing.isClosed) return existing;
    if (this.initiates(peerId)) return this.createPeer(peerId, true);
    // Wait for the initiator's offer; tell it this page has no connection.
    const waiting = this.createPeer(peerId, false, 0);
    this.signal(peerId, { hello: true });
    return waiting;
  }

  /** The pair's transfers are over: close the direct connection. */
  dropPeer(peerId: ParticipantId): void {
    this.peers.get(peerId)?.close();
    this.peers.delete(peerId);
  }

  /** After a reload the relay's consumer must be asked for again (the server only says relay-ready once). */
  consumeRelay(fromId: ParticipantId): void {
    void this.relay.consume(fromId).catch(() => undefined);
  }

  close(): void {
    this.subscriptions.clear();
    for (const link of this.peers.values()) link.close();
    this.peers.clear();
    this.relay.close();
    this.events.removeAllListeners();
  }

  private createPeer(peerId: ParticipantId, initiator: boolean, gen = Math.max(Date.now(), (this.generations.get(peerId) ?? 0) + 1)): PeerLink {
    this.peers.get(peerId)?.close();
    this.generations.set(peerId, gen);
    const link = new PeerLink(initiator, (signal) => this.signal(peerId, { gen, signal }));
    this.peers.set(peerId, link);
    link.events.on('frame', (bytes) => this.events.emit('frame', peerId, bytes));
    link.events.on('failed', () => this.p2pFailed.add(peerId));
    link.events.on('closed', () => {
      if (this.peers.get(peerId) === link) this.peers.delete(peerId);
    });
    return link;
  }

  private signal(peerId: ParticipantId, data: Envelope): void {
    this.channel.request('file:signal', { sessionId: this.channel.sessionId, peerId, data }).catch((error: unknown) => {
      console.info('file:signal not delivered', error);
    });
  }

  private onSignal(fromId: ParticipantId, data: unknown): void {
    const envelope = parseEnvelope(data);
    if (this.forceRelay || !envelope) return;
    if ('hello' in envelope) {
      // The other page has no connection (fresh or reloaded): start a new one if I initiate.
      if (this.initiates(fromId)) this.createPeer(fromId, true);
      return;
    }
    const current = this.peers.get(fromId);
    const gen = this.generations.get(fromId) ?? 0;
    if (current && !current.isClosed && envelope.gen === gen) {
      current.signal(envelope.signal);
      return;
    }
    // A new connection offered by the initiator: answer it with a fresh peer.
    if (envelope.gen > gen && (envelope.signal as { type?: string }).type === 'offer') this.createPeer(fromId, false, envelope.gen).signal(envelope.signal);
  }
}
