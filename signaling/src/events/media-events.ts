import { z } from 'zod';
import { MediaIdSchema, ParticipantIdSchema, SessionIdSchema } from '../ids';
import { MediaKindSchema, MediaSourceSchema } from '../models';

/**
 * mediasoup parameters (RTP capabilities, DTLS/ICE parameters, RTP parameters)
 * stay opaque here: mediasoup validates them itself. Only their outer shape is checked.
 */
const OpaqueObjectSchema = z.record(z.unknown());

export const TransportDirectionSchema = z.enum(['send', 'recv']);
export type TransportDirection = z.infer<typeof TransportDirectionSchema>;

export const RouterCapabilitiesResponseSchema = z.object({ rtpCapabilities: OpaqueObjectSchema });

export const CreateTransportRequestSchema = z
  .object({ sessionId: SessionIdSchema, direction: TransportDirectionSchema })
  .strict();
export type CreateTransportRequest = z.infer<typeof CreateTransportRequestSchema>;

export const TransportOptionsSchema = z.object({
  id: MediaIdSchema,
  iceParameters: OpaqueObjectSchema,
  iceCandidates: z.array(OpaqueObjectSchema),
  dtlsParameters: OpaqueObjectSchema,
});
export type TransportOptions = z.infer<typeof TransportOptionsSchema>;

export const ConnectTransportRequestSchema = z
  .object({ sessionId: SessionIdSchema, transportId: MediaIdSchema, dtlsParameters: OpaqueObjectSchema })
  .strict();
export type ConnectTransportRequest = z.infer<typeof ConnectTransportRequestSchema>;

export const ProduceRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    transportId: MediaIdSchema,
    kind: MediaKindSchema,
    source: MediaSourceSchema,
    rtpParameters: OpaqueObjectSchema,
  })
  .strict();
export type ProduceRequest = z.infer<typeof ProduceRequestSchema>;

export const ProduceResponseSchema = z.object({ producerId: MediaIdSchema });

export const ConsumeRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    transportId: MediaIdSchema,
    producerId: MediaIdSchema,
    rtpCapabilities: OpaqueObjectSchema,
  })
  .strict();
export type ConsumeRequest = z.infer<typeof ConsumeRequestSchema>;

export const ConsumeResponseSchema = z.object({
  consumerId: MediaIdSchema,
  producerId: MediaIdSchema,
  participantId: ParticipantIdSchema,
  kind: MediaKindSchema,
  source: MediaSourceSchema,
  rtpParameters: OpaqueObjectSchema,
});
export type ConsumeResponse = z.infer<typeof ConsumeResponseSchema>;

export const ConsumerRefSchema = z.object({ sessionId: SessionIdSchema, consumerId: MediaIdSchema }).strict();

export const StopShareRequestSchema = z.object({ sessionId: SessionIdSchema }).strict();

export const ProducerClosedEventSchema = z.object({ sessionId: SessionIdSchema, producerId: MediaIdSchema });
export type ProducerClosedEvent = z.infer<typeof ProducerClosedEventSchema>;
