import type { TransportOptions } from '@rs/signaling';
import type { TrackSpec } from './generator-protocol';

/** The DTLS fingerprint a peer put in its SDP (sent to mediasoup in connect-transport). */
export function dtlsFingerprintOf(sdp: string): { algorithm: string; value: string } {
  const match = /^a=fingerprint:(\S+) (\S+)/m.exec(sdp);
  if (!match) throw new Error('no fingerprint in the SDP');
  return { algorithm: match[1]!.toLowerCase(), value: match[2]! };
}

interface Candidate {
  foundation: string;
  priority: number;
  address?: string;
  ip?: string;
  protocol: string;
  port: number;
  type: string;
}
interface Fingerprint {
  algorithm: string;
  value: string;
}

/**
 * The SDP answer a WebRTC peer needs for a mediasoup WebRtcTransport (ICE-lite, DTLS
 * server): what mediasoup-client writes in a browser, written for the generator's offer.
 * `remoteSsrcs` names, for each received m-section (by mid), the consumer's SSRC and payload type.
 */
export function answerForMediasoup(transport: TransportOptions, tracks: TrackSpec[], remote: Map<string, { ssrc: number; payloadType: number }> = new Map()): string {
  const ice = transport.iceParameters as { usernameFragment: string; password: string };
  const fingerprint = (transport.dtlsParameters as { fingerprints: Fingerprint[] }).fingerprints.find((f) => f.algorithm === 'sha-256');
  if (!fingerprint) throw new Error('mediasoup offered no sha-256 fingerprint');
  const candidates = (transport.iceCandidates as unknown as Candidate[])
    .filter((c) => c.protocol === 'udp')
    .map((c) => `a=candidate:${c.foundation} 1 udp ${c.priority} ${c.address ?? c.ip} ${c.port} typ ${c.type}`);
  const lines = ['v=0', 'o=mediasoup 1 1 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=ice-lite', `a=group:BUNDLE ${tracks.map((t) => t.mid).join(' ')}`, 'a=msid-semantic: WMS *'];
  for (const track of tracks) {
    const sending = remote.get(track.mid);
    const payloadType = sending?.payloadType ?? track.payloadType;
    lines.push(
      `m=${track.kind} 7 UDP/TLS/RTP/SAVPF ${payloadType}`,
      'c=IN IP4 127.0.0.1',
      `a=mid:${track.mid}`,
      // Mirror of the offer: what the peer sends, mediasoup receives.
      track.direction === 'send' ? 'a=recvonly' : 'a=sendonly',
      `a=ice-ufrag:${ice.usernameFragment}`,
      `a=ice-pwd:${ice.password}`,
      `a=fingerprint:sha-256 ${fingerprint.value}`,
      'a=setup:passive',
      'a=rtcp-mux',
      'a=rtcp-rsize',
      track.kind === 'video' ? `a=rtpmap:${payloadType} VP8/90000` : `a=rtpmap:${payloadType} opus/48000/2`,
      ...(track.kind === 'video' ? [`a=rtcp-fb:${payloadType} nack`, `a=rtcp-fb:${payloadType} nack pli`] : []),
      ...(sending ? [`a=ssrc:${sending.ssrc} cname:mediasoup`] : []),
      ...candidates,
      'a=end-of-candidates',
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** What the peer produces, as mediasoup-client would describe it in media:produce. */
export function producerRtpParameters(track: TrackSpec, layerBitrates: number[] = []): Record<string, unknown> {
  const codec = track.kind === 'video'
    ? { mimeType: 'video/VP8', payloadType: track.payloadType, clockRate: 90000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }] }
    : { mimeType: 'audio/opus', payloadType: track.payloadType, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1 }, rtcpFeedback: [] };
  return {
    mid: track.mid,
    codecs: [codec],
    headerExtensions: [],
    encodings: track.ssrcs.map((ssrc, index) => ({ ssrc, ...(layerBitrates[index] ? { maxBitrate: layerBitrates[index] } : {}) })),
    rtcp: { cname: `gen-${track.ssrcs[0]}`, reducedSize: true },
  };
}

/**
 * The receiving peer's capabilities: the router's Opus and VP8 with NACK/PLI only (no
 * header extensions, no transport-cc or REMB), so a screen consumer takes the layer it
 * is told to, not one a bandwidth estimate picks.
 */
export function generatorRtpCapabilities(routerCapabilities: Record<string, unknown>): Record<string, unknown> {
  const codecs = (routerCapabilities.codecs as { mimeType: string; rtcpFeedback?: { type: string; parameter?: string }[] }[])
    .filter((c) => c.mimeType === 'audio/opus' || c.mimeType === 'video/VP8')
    .map((c) => ({ ...c, rtcpFeedback: (c.rtcpFeedback ?? []).filter((fb) => fb.type === 'nack' || (fb.type === 'ccm' && fb.parameter === 'fir')) }));
  return { codecs, headerExtensions: [] };
}
