import type { types } from 'mediasoup';
import type { DisplaySurface, MediaSource } from '@rs/signaling';

/** The mediasoup objects one participant owns in one session. Closing it closes them all. */
export class PeerMedia {
  readonly transports = new Map<string, types.WebRtcTransport>();
  readonly producers = new Map<string, types.Producer<ProducerAppData>>();
  readonly consumers = new Map<string, types.Consumer>();

  constructor(readonly participantId: string) {}

  transport(transportId: string): types.WebRtcTransport | undefined {
    return this.transports.get(transportId);
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
}
