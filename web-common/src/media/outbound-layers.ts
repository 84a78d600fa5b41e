import type { MediaSession } from './media-session';

/** What one simulcast layer of my producer sends now (cumulative counters). */
export interface OutboundLayer {
  rid: string;
  bytesSent: number;
  frameWidth: number;
  frameHeight: number;
  framesEncoded: number;
  /** Milliseconds since the epoch of this reading. */
  timestamp: number;
}

function numberField(record: Record<string, unknown>, key: string): number {
  const value = record[key];
  return typeof value === 'number' ? value : 0;
}

/** The outbound-rtp entries of one of my producers, by layer (rid), lowest first as the sender lists them. */
export async function outboundLayers(media: MediaSession, producerId: string): Promise<OutboundLayer[]> {
  const report = await media.getProducerStats(producerId);
  const out: OutboundLayer[] = [];
  report?.forEach((entry: unknown) => {
    const record = entry as Record<string, unknown>;
    if (record.type !== 'outbound-rtp' || record.kind !== 'video') return;
    out.push({
      rid: typeof record.rid === 'string' ? record.rid : '',
      bytesSent: numberField(record, 'bytesSent'),
      frameWidth: numberField(record, 'frameWidth'),
      frameHeight: numberField(record, 'frameHeight'),
      framesEncoded: numberField(record, 'framesEncoded'),
      timestamp: numberField(record, 'timestamp'),
    });
  });
  return out.sort((a, b) => a.rid.localeCompare(b.rid));
}
