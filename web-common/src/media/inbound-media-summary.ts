import type { MediaSession } from './media-session';

/** What arrived for one consumed producer: packets, decoded frames (video), audio energy (audio). */
export interface InboundMediaSummary {
  producerId: string;
  kind: string;
  packetsReceived: number;
  framesDecoded: number;
  frameWidth: number;
  frameHeight: number;
  /** Sum of squared sample levels (0..1) times duration; above 0 once anything but silence arrived. */
  totalAudioEnergy: number;
  audioLevel: number;
}

function numberField(record: Record<string, unknown>, key: string): number {
  const value = record[key];
  return typeof value === 'number' ? value : 0;
}

/** The inbound-rtp counters of every producer this page consumes (the tests and diagnostics read them). */
export async function inboundMediaSummary(media: MediaSession): Promise<InboundMediaSummary[]> {
  const out: InboundMediaSummary[] = [];
  for (const producerId of media.consumedProducerIds()) {
    const report = await media.getConsumerStats(producerId);
    report?.forEach((entry: unknown) => {
      const record = entry as Record<string, unknown>;
      if (record.type !== 'inbound-rtp') return;
      out.push({
        producerId,
        kind: typeof record.kind === 'string' ? record.kind : '',
        packetsReceived: numberField(record, 'packetsReceived'),
        framesDecoded: numberField(record, 'framesDecoded'),
        frameWidth: numberField(record, 'frameWidth'),
        frameHeight: numberField(record, 'frameHeight'),
        totalAudioEnergy: numberField(record, 'totalAudioEnergy'),
        audioLevel: numberField(record, 'audioLevel'),
      });
    });
  }
  return out;
}
