import type { CapturedSurface, Monitor } from '@rs/signaling';
import type { DesktopGeometry, DesktopPoint } from './injector';

/**
 * The desktop area the shared video shows: the monitor whose size matches the
 * captured surface (a browser sharing one screen captures that monitor), the
 * primary first when several match; otherwise the whole desktop.
 */
export function capturedArea(geometry: DesktopGeometry, surface: CapturedSurface): Monitor {
  const whole: Monitor = { x: 0, y: 0, width: geometry.width, height: geometry.height, primary: true };
  if (!surface) return whole;
  if (surface.width === geometry.width && surface.height === geometry.height) return whole;
  const matching = geometry.monitors.filter((m) => m.width === surface.width && m.height === surface.height);
  return matching.find((m) => m.primary) ?? matching[0] ?? whole;
}

/**
 * A point of the shared surface (fractions 0..1 of its width and height) as a
 * desktop pixel inside `area`, clamped to it (1.0 is the last pixel, not past it).
 */
export function toDesktopPixel(fx: number, fy: number, area: Monitor): DesktopPoint {
  const clamp = (value: number, max: number): number => Math.min(Math.max(value, 0), max);
  return {
    x: area.x + clamp(Math.floor(fx * area.width), area.width - 1),
    y: area.y + clamp(Math.floor(fy * area.height), area.height - 1),
  };
}
