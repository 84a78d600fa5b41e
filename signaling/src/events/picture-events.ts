import { z } from 'zod';
import { MediaIdSchema, ParticipantIdSchema, SessionIdSchema } from '../ids';

/** Why the sender's encoder sends less than asked on a layer (RTCOutboundRtpStreamStats.qualityLimitationReason). */
export const LimitationReasonSchema = z.enum(['none', 'bandwidth', 'cpu', 'other']);
export type LimitationReason = z.infer<typeof LimitationReasonSchema>;

const Pixels = z.number().int().min(0).max(16_384);

/** One simulcast layer as the sender's encoder runs it now. */
export const SenderLayerSchema = z.object({
  width: Pixels,
  height: Pixels,
  fps: z.number().min(0).max(240),
  /** Sent over the last report interval, kbit/s. */
  kbps: z.number().int().min(0).max(1_000_000),
  limitation: LimitationReasonSchema,
});
export type SenderLayer = z.infer<typeof SenderLayerSchema>;

/** How hard the sender's computer works (the Compute Pressure API's CPU state; null where the browser has none). */
export const CpuPressureSchema = z.enum(['nominal', 'fair', 'serious', 'critical']);
export type CpuPressure = z.infer<typeof CpuPressureSchema>;

/**
 * What the sender of a screen encodes (every few seconds, from its own
 * outbound-rtp stats): the captured size and each layer, lowest first. The
 * server relays it to staff: the console's readout says why a picture is reduced.
 */
export const SenderStatsRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    producerId: MediaIdSchema,
    captureWidth: Pixels,
    captureHeight: Pixels,
    layers: z.array(SenderLayerSchema).max(3),
    cpuPressure: CpuPressureSchema.nullable().default(null),
  })
  .strict();
export type SenderStatsRequest = z.infer<typeof SenderStatsRequestSchema>;
export const SenderStatsEventSchema = SenderStatsRequestSchema.extend({ participantId: ParticipantIdSchema });
export type SenderStatsEvent = z.infer<typeof SenderStatsEventSchema>;

/** Who is speaking now in a session's call, from the server's audio levels (R4, speaking indicators). */
export const SpeakingEventSchema = z.object({ sessionId: SessionIdSchema, speaking: z.array(ParticipantIdSchema).max(64) });
export type SpeakingEvent = z.infer<typeof SpeakingEventSchema>;
