/**
 * Stream descriptions as a browser would send them in media:produce (mediasoup
 * validates them for real). Each call gets a fresh SSRC and MID (a browser
 * gives each track on a transport its own MID).
 */
let nextSsrc = 10_000_000;

export function rtpParameters(kind: 'audio' | 'video') {
  const ssrc = ++nextSsrc;
  return {
    mid: String(ssrc),
    codecs: kind === 'audio'
      ? [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2, rtcpFeedback: [] }]
      : [{ mimeType: 'video/VP8', payloadType: 101, clockRate: 90000, rtcpFeedback: [] }],
    encodings: [{ ssrc }],
    rtcp: { cname: `c${ssrc}` },
  };
}
