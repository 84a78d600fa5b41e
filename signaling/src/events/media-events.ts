import { z } from 'zod';
import { MediaIdSchema, ParticipantIdSchema, SessionIdSchema } from '../ids';
import { DisplaySurfaceSchema, MediaKindSchema, MediaSourceSchema } from '../models';
import { QualityModeSchema } from '../quality';

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
    surface: DisplaySurfaceSchema.optional(),
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

/** Stops screen shares: the customer's ('screen', default) or the agent's own ('agent-screen'). */
export const StopShareRequestSchema = z
  .object({ sessionId: SessionIdSchema, source: z.enum(['screen', 'agent-screen']).optional() })
  .strict();

/** Stops one of my own tracks (camera, mic, agent screen). */
export const CloseProducerRequestSchema = z.object({ sessionId: SessionIdSchema, producerId: MediaIdSchema }).strict();

/** The agent in control picks a quality mode for a shared screen (R3.4); the sender applies it. */
export const SetQualityRequestSchema = z
  .object({ sessionId: SessionIdSchema, producerId: MediaIdSchema, mode: QualityModeSchema })
  .strict();
export type SetQualityRequest = z.infer<typeof SetQualityRequestSchema>;

export const QualityChangedEventSchema = z.object({ sessionId: SessionIdSchema, producerId: MediaIdSchema, mode: QualityModeSchema });
export type QualityChangedEvent = z.infer<typeof QualityChangedEventSchema>;

export const ProducerPausedEventSchema = z.object({ sessionId: SessionIdSchema, producerId: MediaIdSchema, paused: z.boolean() });

/**
 * Why a producer closed: `stopped` by someone (its grant ends), or `lost` to a
 * fault (media worker died, connection lost, server shutdown): its owner sends
 * it again and a grant it used stays valid.
 */
export const ProducerCloseReasonSchema = z.enum(['stopped', 'lost']);
export type ProducerCloseReason = z.infer<typeof ProducerCloseReasonSchema>;

export const ProducerClosedEventSchema = z.object({
  sessionId: SessionIdSchema,
  producerId: MediaIdSchema,
  reason: ProducerCloseReasonSchema.optional(),
});
export type ProducerClosedEvent = z.infer<typeof ProducerClosedEventSchema>;

/**
 * The server closed one of my transports: its ICE/DTLS failed, or it stayed
 * unconnected (never connected, or disconnected) past the server's timeout.
 * The client drops it and creates a new one when needed, with backoff.
 */
export const TransportClosedReasonSchema = z.enum(['failed', 'timeout']);
export type TransportClosedReason = z.infer<typeof TransportClosedReasonSchema>;
export const TransportClosedEventSchema = z.object({ sessionId: SessionIdSchema, transportId: MediaIdSchema, reason: TransportClosedReasonSchema });
export type TransportClosedEvent = z.infer<typeof TransportClosedEventSchema>;
/** The session's media moved to a new router (its media worker died): every client recreates its transports. */
export const MediaResetEventSchema = z.object({ sessionId: SessionIdSchema });
export type MediaResetEvent = z.infer<typeof MediaResetEventSchema>;

/**
 * This page no longer uses media the server holds for me: all of it (a fresh
 * page after a reload), or the transports it dropped to rebuild. Closed as lost.
 */
export const ReleaseMediaRequestSchema = z
  .object({ sessionId: SessionIdSchema, transportIds: z.array(MediaIdSchema).max(8).optional() })
  .strict();

/** New ICE credentials for one of my transports (network change); MEDIA_NOT_FOUND if the server lost it. */
export const RestartIceRequestSchema = z.object({ sessionId: SessionIdSchema, transportId: MediaIdSchema }).strict();
export const RestartIceResponseSchema = z.object({ iceParameters: OpaqueObjectSchema });

/**
 * The customer's share under a valid grant is interrupted and needs their click
 * to capture again (the page was reloaded: its capture is gone). Staff are told.
 */
export const SharePauseReasonSchema = z.enum(['reload']);
export type SharePauseReason = z.infer<typeof SharePauseReasonSchema>;
export const SharePausedRequestSchema = z.object({ sessionId: SessionIdSchema, reason: SharePauseReasonSchema }).strict();
export const SharePausedEventSchema = z.object({ sessionId: SessionIdSchema, customerId: ParticipantIdSchema, reason: SharePauseReasonSchema });
export type SharePausedEvent = z.infer<typeof SharePausedEventSchema>;

/**
 * A viewer asks for a shared screen's full-size layer (`full: true`) or its
 * default one again: supervisors watch on a lower layer until they ask.
 */
export const ViewLayerRequestSchema = z
  .object({ sessionId: SessionIdSchema, producerId: MediaIdSchema, full: z.boolean() })
  .strict();
export type ViewLayerRequest = z.infer<typeof ViewLayerRequestSchema>;
