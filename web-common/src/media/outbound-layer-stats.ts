/** One simulcast layer as the sender's encoder runs it (outbound-rtp of a screen producer). */
export interface OutboundLayerStats {
  rid: string | null;
  frameWidth: number;
  frameHeight: number;
  framesPerSecond: number;
  bytesSent: number;
  /** Why the encoder sends less than asked: 'none', 'bandwidth', 'cpu' or 'other'. */
  qualityLimitationReason: string;
}

function numberField(record: Record<string, unknown>, key: string): number {
  const value = record[key];
  return typeof value === 'number' ? value : 0;
}

/** The video outbound-rtp entries of a sender's report, lowest layer (by size) first. */
export function readOutboundLayers(report: RTCStatsReport): OutboundLayerStats[] {
  const layers: OutboundLayerStats[] = [];
  report.forEach((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return;
    const record = entry as Record<string, unknown>;
    if (record.type !== 'outbound-rtp' || record.kind !== 'video') return;
    layers.push({
      rid: typeof record.rid === 'string' ? record.rid : null,
      frameWidth: numberField(record, 'frameWidth'),
      frameHeight: numberField(record, 'frameHeight'),
      framesPerSecond: numberField(record, 'framesPerSecond'),
      bytesSent: numberField(record, 'bytesSent'),
      qualityLimitationReason: typeof record.qualityLimitationReason === 'string' ? record.qualityLimitationReason : 'none',
    });
  });
  return layers.sort((a, b) => (a.rid ?? '').localeCompare(b.rid ?? ''));
}
