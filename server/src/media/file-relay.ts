import type { types } from 'mediasoup';
import { FILE_RELAY_MAX_MESSAGE_BYTES } from '@rs/signaling';
import type { FileRelayConsumeResponse, FileRelayDirection, FileRelayTransportResponse } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { TransportSettings } from './session-media';
import { watchTransport } from './transport-watchdog';

/**
 * mediasoup drops relayed messages when a consumer's SCTP send buffer is full: the senders' 8 MiB
 * end-to-end window (RELAY_WINDOW_BYTES in web-common) stays below it, so none is ever dropped. Only
 * consumers of live transfers hold one (memory per relayed pair at most this much).
 */
export const FILE_RELAY_SCTP_SEND_BUFFER = 12 * 1024 * 1024;
/**
 * UDP socket buffers of the relay transports: a relayed file arrives in bursts of up to the sender's
 * window, and the kernel's default receive buffer (net.core.rmem_default, ~208 KiB) overflows while
 * the worker waits for a core; every drop makes SCTP back off. Linux caps this at net.core.rmem_max.
 */
export const FILE_RELAY_SOCKET_BUFFER = 4 * 1024 * 1024;
const SCTP_STREAMS = { OS: 16, MIS: 16 };

interface RelayAppData extends types.AppData {
  participantId: string;
  peerId: string;
}

/** What the relay holds now (tests and logs read it). */
export interface FileRelayCounts {
  transports: number;
  dataProducers: number;
  dataConsumers: number;
}

const pairKey = (from: string, to: string) => `${from}>${to}`;
const transportKey = (participantId: string, direction: FileRelayDirection) => `${participantId}/${direction}`;
const DIRECTIONS: readonly FileRelayDirection[] = ['send', 'recv'];

/**
 * The file relay of one session (R7 fallback path): per participant one SCTP transport per
 * direction on the session's router (send carries its data producers, recv its data consumers, so
 * a participant sends and receives at once), and per sender -> receiver pair one data producer and
 * its one data consumer.
 * Who may hold what is decided by the caller (a live transfer between the pair); this only plumbs.
 * Created and closed by its SessionMedia.
 */
export class FileRelay {
  readonly #transports = new Map<string, types.WebRtcTransport>();
  readonly #producers = new Map<string, types.DataProducer<RelayAppData>>();
  readonly #consumers = new Map<string, types.DataConsumer<RelayAppData>>();
  #closed = false;

  constructor(
    private readonly router: types.Router,
    private readonly settings: TransportSettings,
    private readonly log: Logger,
  ) {}

  get counts(): FileRelayCounts {
    return { transports: this.#transports.size, dataProducers: this.#producers.size, dataConsumers: this.#consumers.size };
  }

  /** A participant's relay transport for one direction; a new one replaces the old (a reloaded page starts over). */
  async createTransport(participantId: string, direction: FileRelayDirection): Promise<FileRelayTransportResponse> {
    const { listenIp, announcedAddress, portRange, unconnectedTimeoutMs } = this.settings;
    const listen = { ip: listenIp, announcedAddress, portRange };
    const transport = await this.router.createWebRtcTransport({
      listenInfos: [
        { protocol: 'udp', ...listen, sendBufferSize: FILE_RELAY_SOCKET_BUFFER, recvBufferSize: FILE_RELAY_SOCKET_BUFFER },
        { protocol: 'tcp', ...listen },
      ],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      enableSctp: true,
      numSctpStreams: SCTP_STREAMS,
      maxSctpMessageSize: FILE_RELAY_MAX_MESSAGE_BYTES,
      sctpSendBufferSize: FILE_RELAY_SCTP_SEND_BUFFER,
      appData: { participantId, direction, kind: 'file-relay' },
    });
    if (this.#closed) {
      transport.close();
      throw new AppError('MEDIA_NOT_FOUND', 'the media session closed meanwhile');
    }
    // Closing the old transport closes what it carried (mediasoup cascades); the peer's producer towards me stays for my new consumer.
    const key = transportKey(participantId, direction);
    this.#transports.get(key)?.close();
    this.#transports.set(key, transport);
    transport.observer.once('close', () => {
      if (this.#transports.get(key) === transport) this.#transports.delete(key);
    });
    watchTransport(transport, unconnectedTimeoutMs, (reason) => this.log.info({ participantId, direction, transportId: transport.id, reason }, 'file relay transport closed'));
    this.log.info({ participantId, direction, transportId: transport.id }, 'file relay transport created');
    return {
      id: transport.id,
      iceParameters: { ...transport.iceParameters },
      iceCandidates: transport.iceCandidates.map((c) => ({ ...c })),
      dtlsParameters: { ...transport.dtlsParameters },
      sctpParameters: { ...(transport.sctpParameters ?? {}) },
    };
  }

  async connect(participantId: string, direction: FileRelayDirection, dtlsParameters: Record<string, unknown>): Promise<void> {
    await this.transportOf(participantId, direction).connect({ dtlsParameters: dtlsParameters as unknown as types.DtlsParameters });
  }

  /** The sender's data producer towards one receiver, on its send transport (replaces an earlier one of the pair). */
  async produce(participantId: string, peerId: string, sctpStreamParameters: Record<string, unknown>, label: string, protocol: string): Promise<string> {
    const transport = this.transportOf(participantId, 'send');
    const producer = await transport.produceData<RelayAppData>({
      sctpStreamParameters: sctpStreamParameters as unknown as types.SctpStreamParameters,
      label,
      protocol,
      appData: { participantId, peerId },
    });
    const key = pairKey(participantId, peerId);
    this.closeDirection(participantId, peerId);
    this.#producers.set(key, producer);
    producer.observer.once('close', () => {
      if (this.#producers.get(key) === producer) this.#producers.delete(key);
    });
    this.log.info({ participantId, peerId, dataProducerId: producer.id }, 'file relay data producer created');
    return producer.id;
  }

  /** The receiver's data consumer of the producer from `fromId` to them, on its recv transport. */
  async consume(participantId: string, fromId: string): Promise<FileRelayConsumeResponse> {
    const transport = this.transportOf(participantId, 'recv');
    const key = pairKey(fromId, participantId);
    const producer = this.#producers.get(key);
    if (!producer || producer.closed) throw new AppError('MEDIA_NOT_FOUND', 'the sender has no relay channel towards you');
    const consumer = await transport.consumeData<RelayAppData>({ dataProducerId: producer.id, appData: { participantId, peerId: fromId } });
    this.#consumers.get(key)?.close();
    this.#consumers.set(key, consumer);
    consumer.observer.once('close', () => {
      if (this.#consumers.get(key) === consumer) this.#consumers.delete(key);
    });
    consumer.on('sctpsendbufferfull', () => this.log.warn({ participantId, fromId }, 'file relay send buffer full (a message was dropped)'));
    return {
      dataConsumerId: consumer.id,
      dataProducerId: producer.id,
      sctpStreamParameters: { ...(consumer.sctpStreamParameters ?? {}) },
      label: consumer.label,
      protocol: consumer.protocol,
    };
  }

  /** No live transfer remains between a and b: their channels (both directions) close. */
  closePair(a: string, b: string): void {
    this.closeDirection(a, b);
    this.closeDirection(b, a);
  }

  /** A participant is gone or has nothing left to relay: their transports and every channel of theirs close. */
  closePeer(participantId: string): void {
    for (const direction of DIRECTIONS) {
      const key = transportKey(participantId, direction);
      this.#transports.get(key)?.close();
      this.#transports.delete(key);
    }
    for (const [key, producer] of [...this.#producers]) if (key.split('>').includes(participantId)) this.closeEntry(this.#producers, key, producer);
    for (const [key, consumer] of [...this.#consumers]) if (key.split('>').includes(participantId)) this.closeEntry(this.#consumers, key, consumer);
  }

  close(): void {
    this.#closed = true;
    for (const key of [...this.#transports.keys()]) this.closePeer(key.slice(0, key.lastIndexOf('/')));
  }

  private closeDirection(from: string, to: string): void {
    const key = pairKey(from, to);
    const producer = this.#producers.get(key);
    const consumer = this.#consumers.get(key);
    if (consumer) this.closeEntry(this.#consumers, key, consumer);
    if (producer) this.closeEntry(this.#producers, key, producer);
  }

  private closeEntry<T extends { close(): void }>(map: Map<string, T>, key: string, entry: T): void {
    entry.close();
    map.delete(key);
  }

  private transportOf(participantId: string, direction: FileRelayDirection): types.WebRtcTransport {
    const transport = this.#transports.get(transportKey(participantId, direction));
    if (!transport || transport.closed) throw new AppError('MEDIA_NOT_FOUND', `create your ${direction} file relay transport first`);
    return transport;
  }
}
