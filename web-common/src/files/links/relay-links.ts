import { Device, type types } from 'mediasoup-client';
import type { FileRelayDirection, FileRelayTransportResponse, ParticipantId } from '@rs/signaling';
import { toRtpCapabilities, toWire } from '../../media/mediasoup-params';
import type { SessionChannel } from '../../session/session-channel';
import { Subscriptions, TypedEmitter } from '../../util/typed-emitter';
import { waitDrained, type SendPath, type SendPathEvents } from './send-path';

export type RelayLinksEvents = {
  /** A frame from `fromId` through the SFU. */
  frame: [fromId: ParticipantId, bytes: Uint8Array];
};

type Direction = FileRelayDirection;
const LABEL = 'rs-file';
const PROTOCOL = 'rs-file/1';

/**
 * The relay through the session's mediasoup router: SCTP-only transports, one to send and one to
 * receive (created on first use, only while a transfer needs them in that direction; the server
 * refuses them otherwise), so a page sends and receives at once; one ordered data producer
 * towards each receiver, one data consumer from each sender. mediasoup drops messages when a
 * consumer's SCTP buffer is full, so senders keep an end-to-end window (acks = file:progress).
 */
export class RelayLinks {
  readonly events = new TypedEmitter<RelayLinksEvents>();
  private device: Promise<Device> | null = null;
  private readonly transports: Record<Direction, Promise<types.Transport> | null> = { send: null, recv: null };
  private readonly producers = new Map<ParticipantId, Promise<RelaySendPath>>();
  private readonly consumers = new Map<ParticipantId, Promise<types.DataConsumer>>();
  private readonly subscriptions = new Subscriptions();

  constructor(private readonly channel: SessionChannel) {
    this.subscriptions.add(channel.on('file:relay-ready', ({ fromId }) => void this.consume(fromId).catch((error: unknown) => console.warn('relay consume failed', error))));
  }

  /** The relayed data channel towards `peerId` (created once, reused while open). */
  sendPath(peerId: ParticipantId): Promise<RelaySendPath> {
    let pending = this.producers.get(peerId);
    if (!pending) {
      pending = this.produce(peerId);
      this.producers.set(peerId, pending);
      const drop = (): void => {
        if (this.producers.get(peerId) === pending) this.producers.delete(peerId);
      };
      pending.then((path) => path.events.on('closed', drop), drop);
    }
    return pending;
  }

  /** Consumes `fromId`'s producer (after file:relay-ready, or after a reload when a transfer is live). */
  consume(fromId: ParticipantId): Promise<types.DataConsumer> {
    const existing = this.consumers.get(fromId);
    if (existing) return existing;
    const pending = (async () => {
      const transport = await this.transport('recv');
      const answer = await this.channel.request('file:relay-consume', { sessionId: this.channel.sessionId, fromId });
      const consumer = await transport.consumeData({
        id: answer.dataConsumerId,
        dataProducerId: answer.dataProducerId,
        sctpStreamParameters: answer.sctpStreamParameters as unknown as types.SctpStreamParameters,
        label: answer.label,
        protocol: answer.protocol,
      });
      consumer.binaryType = 'arraybuffer';
      consumer.on('message', (data: unknown) => {
        if (data instanceof ArrayBuffer) this.events.emit('frame', fromId, new Uint8Array(data));
      });
      const drop = (): void => {
        if (this.consumers.get(fromId) === pending) this.consumers.delete(fromId);
      };
      consumer.on('transportclose', drop);
      consumer.on('close', drop);
      return consumer;
    })();
    this.consumers.set(fromId, pending);
    pending.catch(() => this.consumers.delete(fromId));
    return pending;
  }

  close(): void {
    this.subscriptions.clear();
    for (const direction of ['send', 'recv'] as const) void this.transports[direction]?.then((transport) => transport.close(), () => undefined);
    this.transports.send = null;
    this.transports.recv = null;
    this.producers.clear();
    this.consumers.clear();
    this.events.removeAllListeners();
  }

  private async produce(peerId: ParticipantId): Promise<RelaySendPath> {
    const transport = await this.transport('send');
    const producer = await transport.produceData({ ordered: true, label: LABEL, protocol: PROTOCOL, appData: { peerId } });
    return new RelaySendPath(producer);
  }

  private loadDevice(): Promise<Device> {
    this.device ??= (async () => {
      const { rtpCapabilities } = await this.channel.request('media:capabilities', { sessionId: this.channel.sessionId });
      const device = await Device.factory();
      await device.load({ routerRtpCapabilities: toRtpCapabilities(rtpCapabilities) });
      return device;
    })();
    this.device.catch(() => (this.device = null));
    return this.device;
  }

  /** This page's relay transport for one direction (the server keeps one per participant and direction, so sending and receiving run at once). */
  private transport(direction: Direction): Promise<types.Transport> {
    const current = this.transports[direction];
    if (current) return current;
    const pending = this.createTransport(direction);
    this.transports[direction] = pending;
    const drop = (): void => {
      if (this.transports[direction] !== pending) return;
      this.transports[direction] = null;
      if (direction === 'send') this.producers.clear();
      else this.consumers.clear();
    };
    pending.then((transport) => {
      transport.on('connectionstatechange', (state) => {
        if (state === 'failed' || state === 'closed') {
          drop();
          transport.close();
        }
      });
      transport.observer.on('close', drop);
    }, drop);
    return pending;
  }

  private async createTransport(direction: Direction): Promise<types.Transport> {
    const device = await this.loadDevice();
    const sessionId = this.channel.sessionId;
    const params: FileRelayTransportResponse = await this.channel.request('file:relay-transport', { sessionId, direction });
    const options: types.TransportOptions = {
      id: params.id,
      iceParameters: params.iceParameters as unknown as types.IceParameters,
      iceCandidates: params.iceCandidates as unknown as types.IceCandidate[],
      dtlsParameters: params.dtlsParameters as unknown as types.DtlsParameters,
      sctpParameters: params.sctpParameters as unknown as types.SctpParameters,
    };
    const transport = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.channel
        .request('file:relay-connect', { sessionId, direction, dtlsParameters: toWire(dtlsParameters) })
        .then(() => callback(), errback);
    });
    transport.on('producedata', ({ sctpStreamParameters, label, protocol, appData }, callback, errback) => {
      this.channel
        .request('file:relay-produce', { sessionId, peerId: String(appData.peerId), sctpStreamParameters: toWire(sctpStreamParameters), label: label ?? LABEL, protocol: protocol ?? PROTOCOL })
        .then(({ dataProducerId }) => callback({ id: dataProducerId }), errback);
    });
    return transport;
  }
}

/** A relayed data channel towards one receiver (a mediasoup-client DataProducer). */
export class RelaySendPath implements SendPath {
  readonly path = 'relay' as const;
  readonly events = new TypedEmitter<SendPathEvents>();

  constructor(private readonly producer: types.DataProducer) {
    producer.on('transportclose', () => this.events.emit('closed'));
    producer.on('close', () => this.events.emit('closed'));
  }

  get open(): boolean {
    return !this.producer.closed && this.producer.readyState === 'open';
  }

  /** Resolves when the data channel opened (the transport connects on the first produce). */
  whenOpen(): Promise<boolean> {
    if (this.open) return Promise.resolve(true);
    if (this.producer.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onOpen = (): void => finish(true);
      const onClose = (): void => finish(false);
      this.producer.on('open', onOpen);
      this.producer.on('close', onClose);
      this.producer.on('transportclose', onClose);
      const finish = (ok: boolean): void => {
        this.producer.off('open', onOpen);
        this.producer.off('close', onClose);
        this.producer.off('transportclose', onClose);
        resolve(ok);
      };
    });
  }

  send(frame: Uint8Array<ArrayBuffer>): void {
    this.producer.send(frame.buffer.byteLength === frame.byteLength ? frame.buffer : frame.slice().buffer);
  }

  writable(): Promise<void> {
    return waitDrained(this.producer, (listener) => {
      this.producer.on('bufferedamountlow', listener);
      return () => this.producer.off('bufferedamountlow', listener);
    }, () => this.open);
  }

  close(): void {
    this.producer.close();
    this.events.emit('closed');
  }
}
