import type { types } from 'mediasoup';
import { LIMITS } from '@rs/signaling';
import type { DisplaySurface, MediaSource, QualityMode } from '@rs/signaling';
import { AppError } from '../errors/app-error';

const CREATION_WINDOW_MS = 60_000;

/** The mediasoup objects one participant owns in one session. Closing it closes them all. */
export class PeerMedia {
  readonly transports = new Map<string, types.WebRtcTransport>();
  readonly producers = new Map<string, types.Producer<ProducerAppData>>();
  readonly consumers = new Map<string, types.Consumer>();
  /** Transports being created (counted against the limit before mediasoup answers). */
  private creating = 0;
  /** When this participant's recent transports were created (for the rate limit). */
  private readonly createdAt: number[] = [];

  constructor(readonly participantId: string) {}

  transport(transportId: string): types.WebRtcTransport | undefined {
    return this.transports.get(transportId);
  }

  /**
   * Claims a transport slot before any await, so concurrent requests cannot
   * all pass the check: MEDIA_LIMIT past LIMITS.transportsPerParticipant held,
   * RATE_LIMITED past LIMITS.transportCreationsPerMinute created. Returns the release.
   */
  claimTransportSlot(now: number): () => void {
    while (this.createdAt.length > 0 && (this.createdAt[0] ?? 0) <= now - CREATION_WINDOW_MS) this.createdAt.shift();
    if (this.transports.size + this.creating >= LIMITS.transportsPerParticipant) {
      throw new AppError('MEDIA_LIMIT', `at most ${LIMITS.transportsPerParticipant} media connections per participant`);
    }
    if (this.createdAt.length >= LIMITS.transportCreationsPerMinute) {
      throw new AppError('RATE_LIMITED', 'too many media connections created, retry later');
    }
    this.createdAt.push(now);
    this.creating++;
    let released = false;
    return () => {
      if (!released) this.creating--;
      released = true;
    };
  }

  close(): void {
    // Closing a transport closes its producers and consumers (mediasoup cascades).
    for (const transport of this.transports.values()) transport.close();
    this.transports.clear();
    this.producers.clear();
    this.consumers.clear();
  }
}

export interface ProducerAppData extends types.AppData {
  participantId: string;
  source: MediaSource;
  /** For screens: what was picked (desktop, window, tab). */
  surface: DisplaySurface | null;
  /** The consent grant this producer uses (released when it closes). */
  consentId: string | null;
  /** For screens: the quality mode the agent in control picked (R3.4); unset = the default mode. */
  quality?: QualityMode;
}
