import type { types } from 'mediasoup';

export interface RtpTapTarget {
  ip: string;
  port: number;
}

/**
 * A plain-RTP copy of one producer sent to ip:port (no ICE, no SRTP): what a
 * network recorder (R1.8) reads, and what the benchmark uses to load the SFU
 * with forwarded streams. Closing it closes its transport and consumer.
 */
export async function createRtpTap(
  router: types.Router,
  producer: types.Producer,
  listenIp: string,
  target: RtpTapTarget,
): Promise<() => void> {
  const transport = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: listenIp }, rtcpMux: true, comedia: false });
  await transport.connect({ ip: target.ip, port: target.port });
  await transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities, paused: false });
  return () => transport.close();
}
