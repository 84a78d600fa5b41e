import type { types } from 'mediasoup-client';
import type { DisplaySurface, MediaSource, QualityMode } from '@rs/signaling';
import { ApiError, errorCodeOf, type ClientErrorCode } from '../connection/api-error';
import type { MediaTransports } from './media-transports';
import { applyQualityPreset } from './sender-quality';

/** A track this page sends: kept so a rebuild can send it again. */
export interface PublishedTrack {
  track: MediaStreamTrack;
  source: MediaSource;
  encodings?: RTCRtpEncodingParameters[];
  surface?: DisplaySurface;
  mode?: QualityMode;
}

/** Failures worth another rebuild attempt (the connection, not a refusal of the track). */
const TRANSIENT: readonly ClientErrorCode[] = ['TIMEOUT', 'INTERNAL', 'NOT_IN_SESSION', 'MEDIA_NOT_FOUND', 'NETWORK_ERROR', 'DISCONNECTED', 'BAD_RESPONSE'];

export interface RepublishListener {
  republished(oldProducerId: string, newProducerId: string): void;
  lost(producerId: string, code: ClientErrorCode): void;
}

/** My producers on the send transport, by producer id, with what it takes to send each track again. */
export class MediaProducers {
  private readonly published = new Map<string, PublishedTrack & { producer: types.Producer }>();
  private closed = false;

  constructor(private readonly transports: MediaTransports) {}

  async produce(entry: PublishedTrack): Promise<string> {
    const transport = await this.transports.get('send');
    const producer = await transport.produce({
      track: entry.track,
      encodings: entry.encodings,
      stopTracks: false,
      appData: { source: entry.source, surface: entry.surface },
    });
    if (this.closed) {
      producer.close();
      throw new Error('media session closed');
    }
    this.published.set(producer.id, { ...entry, producer });
    // A screen runs its mode's full preset (frame rate, degradation) from the first frame.
    if (entry.mode) await applyQualityPreset(producer, entry.mode).catch((error: unknown) => console.warn('quality not applied', error));
    return producer.id;
  }

  producer(producerId: string): types.Producer | null {
    return this.published.get(producerId)?.producer ?? null;
  }

  has(producerId: string): boolean {
    return this.published.has(producerId);
  }

  get size(): number {
    return this.published.size;
  }

  idsOf(source: MediaSource): string[] {
    return [...this.published].filter(([, entry]) => entry.source === source).map(([producerId]) => producerId);
  }

  /** Applies a screen quality mode now, and again after any rebuild. */
  async applyQuality(producerId: string, mode: QualityMode): Promise<boolean> {
    const entry = this.published.get(producerId);
    if (!entry) return false;
    entry.mode = mode;
    return applyQualityPreset(entry.producer, mode);
  }

  close(producerId: string): void {
    const entry = this.published.get(producerId);
    this.published.delete(producerId);
    entry?.producer.close();
  }

  closeAll(): void {
    this.closed = true;
    for (const producerId of [...this.published.keys()]) this.close(producerId);
  }

  /**
   * Sends every live track again on the (new) send transport. A track whose
   * capture ended, or that the server refuses, is reported lost; a lost
   * connection throws (the caller tries the whole rebuild again).
   */
  async republishAll(listener: RepublishListener): Promise<void> {
    for (const [oldId, entry] of [...this.published]) {
      if (this.published.get(oldId) !== entry) continue;
      if (entry.track.readyState !== 'live') {
        this.published.delete(oldId);
        listener.lost(oldId, 'MEDIA_NOT_FOUND');
        continue;
      }
      try {
        const newId = await this.produce(entry);
        this.published.delete(oldId);
        listener.republished(oldId, newId);
      } catch (error) {
        if (!(error instanceof ApiError) || TRANSIENT.includes(error.code)) throw error;
        this.published.delete(oldId);
        listener.lost(oldId, errorCodeOf(error));
      }
    }
  }
}
