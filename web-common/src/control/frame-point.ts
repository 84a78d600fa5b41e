import { containRect } from '../annotation/annotation-manager';

export interface ClientRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A point on the shared frame as fractions of its width and height (0..1). */
export interface FramePoint {
  x: number;
  y: number;
}

/**
 * Where a pointer at (clientX, clientY) falls on the frame a <video> shows with
 * `object-fit: contain` inside `box` (its client rect): the picture is scaled to
 * fit and centred, with bars left/right or top/bottom. Null in the bars or
 * outside the element; otherwise fractions of the frame, whatever the scale.
 */
export function framePoint(clientX: number, clientY: number, box: ClientRect, frameWidth: number, frameHeight: number): FramePoint | null {
  if (frameWidth <= 0 || frameHeight <= 0 || box.width <= 0 || box.height <= 0) return null;
  const content = containRect(box.width, box.height, frameWidth, frameHeight);
  const dx = clientX - box.left - content.x;
  const dy = clientY - box.top - content.y;
  if (dx < 0 || dy < 0 || dx > content.width || dy > content.height) return null;
  return { x: clamp(dx / content.width), y: clamp(dy / content.height) };
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
