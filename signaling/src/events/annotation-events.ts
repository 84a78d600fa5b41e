import { z } from 'zod';
import { MediaIdSchema, ParticipantIdSchema, SessionIdSchema } from '../ids';
import { LIMITS } from '../limits';

/** Coordinates keep 4 decimals: 1/10,000 of the picture (under a pixel of a 4K screen), a few bytes each. */
const COORDINATE_STEPS = 10_000;
const CoordinateSchema = z
  .number()
  .min(0)
  .max(1)
  .transform((value) => Math.round(value * COORDINATE_STEPS) / COORDINATE_STEPS);

/** A point in the shared content's coordinates: 0..1 on each axis, whatever the viewer's size. */
const PointSchema = z.tuple([CoordinateSchema, CoordinateSchema]);

export const StrokeSchema = z.object({
  id: z.string().uuid(),
  /** The shared screen (producer) the stroke is drawn on. */
  producerId: MediaIdSchema,
  tool: z.enum(['pen', 'highlighter']),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  /** Width as a fraction of the content width. */
  width: z.number().min(0.0005).max(0.05),
  points: z.array(PointSchema).min(1).max(LIMITS.strokePoints),
});
export type Stroke = z.infer<typeof StrokeSchema>;

export const DrawRequestSchema = z.object({ sessionId: SessionIdSchema, stroke: StrokeSchema }).strict();
export const EraseRequestSchema = z.object({ sessionId: SessionIdSchema, strokeId: z.string().uuid() }).strict();

export const StrokeEventSchema = z.object({ sessionId: SessionIdSchema, by: ParticipantIdSchema, stroke: StrokeSchema });
export type StrokeEvent = z.infer<typeof StrokeEventSchema>;
export const StrokeErasedEventSchema = z.object({ sessionId: SessionIdSchema, strokeId: z.string().uuid() });
export const StrokesClearedEventSchema = z.object({ sessionId: SessionIdSchema });
