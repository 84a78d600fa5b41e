/** Live quality of one incoming stream (R3, console readout): what the agent reads every second. */
export type QualityState = 'good' | 'degraded' | 'poor';

export interface StreamQuality {
  kind: 'audio' | 'video';
  /** Round-trip time to the server, ms (null when unknown). */
  rttMs: number | null;
  framesPerSecond: number;
  frameWidth: number;
  frameHeight: number;
  /** Received bitrate over the last interval, bits/s. */
  bitrate: number;
  /** Packets lost over the last interval, percent. */
  packetLoss: number;
  packetsReceived: number;
  framesDecoded: number;
  totalSamplesReceived: number;
  audioLevel: number;
  state: QualityState;
}

interface Counters {
  at: number;
  bytes: number;
  received: number;
  lost: number;
}

function num(record: Record<string, unknown>, key: string): number {
  const value = record[key];
  return typeof value === 'number' ? value : 0;
}

/** Reads one consumer's report; keep the returned `counters` and pass them back next time for rates. */
export function readStreamQuality(report: RTCStatsReport, previous: Counters | null): { quality: StreamQuality; counters: Counters } | null {
  let inbound: Record<string, unknown> | null = null;
  let rttMs: number | null = null;
  report.forEach((entry: unknown) => {
    const record = entry as Record<string, unknown>;
    if (record.type === 'inbound-rtp' && !inbound) inbound = record;
    if (record.type === 'candidate-pair' && record.nominated === true && typeof record.currentRoundTripTime === 'number') {
      rttMs = Math.round(record.currentRoundTripTime * 1000);
    }
  });
  if (!inbound) return null;
  const record: Record<string, unknown> = inbound;
  const counters: Counters = {
    at: num(record, 'timestamp'),
    bytes: num(record, 'bytesReceived'),
    received: num(record, 'packetsReceived'),
    lost: num(record, 'packetsLost'),
  };
  const seconds = previous ? (counters.at - previous.at) / 1000 : 0;
  const bitrate = previous && seconds > 0 ? Math.max(0, Math.round(((counters.bytes - previous.bytes) * 8) / seconds)) : 0;
  const receivedDelta = previous ? counters.received - previous.received : counters.received;
  const lostDelta = previous ? counters.lost - previous.lost : counters.lost;
  const packetLoss = receivedDelta + lostDelta > 0 ? Math.max(0, (lostDelta / (receivedDelta + lostDelta)) * 100) : 0;
  const kind = record.kind === 'audio' ? 'audio' : 'video';
  const fps = num(record, 'framesPerSecond');
  const quality: StreamQuality = {
    kind,
    rttMs,
    framesPerSecond: fps,
    frameWidth: num(record, 'frameWidth'),
    frameHeight: num(record, 'frameHeight'),
    bitrate,
    packetLoss: Math.round(packetLoss * 10) / 10,
    packetsReceived: counters.received,
    framesDecoded: num(record, 'framesDecoded'),
    totalSamplesReceived: num(record, 'totalSamplesReceived'),
    audioLevel: num(record, 'audioLevel'),
    state: 'good',
  };
  quality.state = judge(quality);
  return { quality, counters };
}

/** Plain-language state: loss and delay first, then a stalled picture. */
export function judge(quality: Pick<StreamQuality, 'rttMs' | 'packetLoss' | 'framesPerSecond' | 'kind'>): QualityState {
  const rtt = quality.rttMs ?? 0;
  if (quality.packetLoss >= 8 || rtt >= 400) return 'poor';
  if (quality.packetLoss >= 2 || rtt >= 150 || (quality.kind === 'video' && quality.framesPerSecond > 0 && quality.framesPerSecond < 3)) return 'degraded';
  return 'good';
}
