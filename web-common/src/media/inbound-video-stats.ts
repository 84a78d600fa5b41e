/** What the quality readout and the tests read from a consumer's RTCStatsReport. */
export interface InboundVideoStats {
  framesDecoded: number;
  frameWidth: number;
  frameHeight: number;
  framesPerSecond: number;
  bytesReceived: number;
}

function numberField(record: Record<string, unknown>, key: string): number {
  const value = record[key];
  return typeof value === 'number' ? value : 0;
}

/** The video inbound-rtp entry of a report, or null when there is none yet. */
export function readInboundVideoStats(report: RTCStatsReport): InboundVideoStats | null {
  let found: InboundVideoStats | null = null;
  report.forEach((entry: unknown) => {
    if (found || typeof entry !== 'object' || entry === null) return;
    const record = entry as Record<string, unknown>;
    if (record.type !== 'inbound-rtp' || record.kind !== 'video') return;
    found = {
      framesDecoded: numberField(record, 'framesDecoded'),
      frameWidth: numberField(record, 'frameWidth'),
      frameHeight: numberField(record, 'frameHeight'),
      framesPerSecond: numberField(record, 'framesPerSecond'),
      bytesReceived: numberField(record, 'bytesReceived'),
    };
  });
  return found;
}
