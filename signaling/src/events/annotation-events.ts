import { z } from 'zod';
import { MediaIdSchema, ParticipantIdSchema, SessionIdSchema } from '../ids';
import { LIMITS } from '../limits';

/** Coordinates keep 4 decimals: 1/10,000 of the picture (under a pixel of a 4K screen), a few bytes each. */
const COORDINATE_STEPS = 10_000;
const isUnit = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 1;
const quantize = (value: number) => Math.round(value * COORDINATE_STEPS) / COORDINATE_STEPS;

/**
 * The points of a stroke in the shared content's coordinates: [x, y] with 0..1
 * on each axis, whatever the viewer's size; 1..LIMITS.strokePoints of them.
 * Checked in one plain loop: a schema per point costs ~100 ms for a maximal
 * stroke on a busy machine, which would make every stroke a denial of service.
 */
const PointsSchema = z.unknown().transform((value, ctx): [number, number][] => {
  if (!Array.isArray(value) || value.length < 1 || value.length > LIMITS.strokePoints) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `a stroke has 1 to ${LIMITS.strokePoints} points` });
    return z.NEVER;
  }
  const points = new Array<[number, number]>(value.length);
  for (let i = 0; i < value.length; i++) {
    const point: unknown = value[i];
    if (!Array.isArray(point) || point.length !== 2 || !isUnit(point[0]) || !isUnit(point[1])) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'a point is [x, y] with 0 <= x, y <= 1', path: [i] });
      return z.NEVER;
    }
    points[i] = [quantize(point[0]), quantize(point[1])];
  }
  return points;
});

export const StrokeSchema = z.object({
  id: z.string().uuid(),
  /** The shared screen (producer) the stroke is drawn on. */
  producerId: MediaIdSchema,
  tool: z.enum(['pen', 'highlighter']),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  /** Width as a fraction of the content width. */
  width: z.number().min(0.0005).max(0.05),
  points: PointsSchema,
});
export type Stroke = z.infer<typeof StrokeSchema>;

export const DrawRequestSchema = z.object({ sessionId: SessionIdSchema, stroke: StrokeSchema }).strict();
export const EraseRequestSchema = z.object({ sessionId: SessionIdSchema, strokeId: z.string().uuid() }).strict();

export const StrokeEventSchema = z.object({ sessionId: SessionIdSchema, by: ParticipantIdSchema, stroke: StrokeSchema });
export type StrokeEvent = z.infer<typeof StrokeEventSchema>;
export const StrokeErasedEventSchema = z.object({ sessionId: SessionIdSchema, strokeId: z.string().uuid() });
export const StrokesClearedEventSchema = z.object({ sessionId: SessionIdSchema });
