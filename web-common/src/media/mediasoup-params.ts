import type { types } from 'mediasoup-client';
import type { ConsumeResponse, TransportOptions } from '@rs/signaling';

/**
 * The protocol keeps mediasoup parameters opaque (mediasoup validates them on
 * both ends). These are the only places where they become mediasoup-client types.
 */
export function toRtpCapabilities(value: Record<string, unknown>): types.RtpCapabilities {
  return value as types.RtpCapabilities;
}

export function toTransportOptions(options: TransportOptions): types.TransportOptions {
  return {
    id: options.id,
    iceParameters: options.iceParameters as types.IceParameters,
    iceCandidates: options.iceCandidates as unknown as types.IceCandidate[],
    dtlsParameters: options.dtlsParameters as types.DtlsParameters,
  };
}

export function toConsumerOptions(answer: ConsumeResponse): types.ConsumerOptions {
  return {
    id: answer.consumerId,
    producerId: answer.producerId,
    kind: answer.kind,
    rtpParameters: answer.rtpParameters as types.RtpParameters,
  };
}

/** mediasoup-client objects are plain serialisable records on the wire. */
export function toWire(value: object): Record<string, unknown> {
  return value as Record<string, unknown>;
}
