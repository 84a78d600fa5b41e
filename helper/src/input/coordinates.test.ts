import { capturedArea, toDesktopPixel } from './coordinates';
import type { DesktopGeometry } from './injector';

const single: DesktopGeometry = { width: 1280, height: 720, monitors: [{ x: 0, y: 0, width: 1280, height: 720, primary: true }] };
/** A 1920x1080 primary on the right of a 1280x1024 secondary, which sits 56 px lower. */
const dual: DesktopGeometry = {
  width: 3200,
  height: 1080,
  monitors: [
    { x: 1280, y: 0, width: 1920, height: 1080, primary: true },
    { x: 0, y: 56, width: 1280, height: 1024, primary: false },
  ],
};

describe('capturedArea', () => {
  it('is the whole desktop when the surface is unknown or is the whole desktop', () => {
    expect(capturedArea(dual, null)).toEqual({ x: 0, y: 0, width: 3200, height: 1080, primary: true });
    expect(capturedArea(dual, { width: 3200, height: 1080 })).toEqual({ x: 0, y: 0, width: 3200, height: 1080, primary: true });
  });

  it('is the monitor whose size matches the captured surface, with its offset', () => {
    expect(capturedArea(dual, { width: 1280, height: 1024 })).toEqual(dual.monitors[1]);
    expect(capturedArea(dual, { width: 1920, height: 1080 })).toEqual(dual.monitors[0]);
  });

  it('prefers the primary monitor when two have the captured size', () => {
    const twins: DesktopGeometry = {
      width: 3840,
      height: 1080,
      monitors: [
        { x: 0, y: 0, width: 1920, height: 1080, primary: false },
        { x: 1920, y: 0, width: 1920, height: 1080, primary: true },
      ],
    };
    expect(capturedArea(twins, { width: 1920, height: 1080 }).x).toBe(1920);
  });

  it('falls back to the whole desktop when no monitor has the captured size (scaled capture)', () => {
    expect(capturedArea(single, { width: 640, height: 360 })).toEqual({ x: 0, y: 0, width: 1280, height: 720, primary: true });
  });
});

describe('toDesktopPixel', () => {
  const whole = capturedArea(single, null);

  it('scales fractions to pixels of the captured area', () => {
    expect(toDesktopPixel(0, 0, whole)).toEqual({ x: 0, y: 0 });
    expect(toDesktopPixel(0.5, 0.5, whole)).toEqual({ x: 640, y: 360 });
    expect(toDesktopPixel(0.25, 0.1, whole)).toEqual({ x: 320, y: 72 });
  });

  it('adds the offset of the monitor shown (multi-monitor)', () => {
    const secondary = capturedArea(dual, { width: 1280, height: 1024 });
    expect(toDesktopPixel(0, 0, secondary)).toEqual({ x: 0, y: 56 });
    expect(toDesktopPixel(0.5, 0.5, secondary)).toEqual({ x: 640, y: 56 + 512 });
    const primary = capturedArea(dual, { width: 1920, height: 1080 });
    expect(toDesktopPixel(0.5, 0.5, primary)).toEqual({ x: 1280 + 960, y: 540 });
  });

  it('clamps to the last pixel of the area, never onto the next monitor', () => {
    const secondary = capturedArea(dual, { width: 1280, height: 1024 });
    expect(toDesktopPixel(1, 1, secondary)).toEqual({ x: 1279, y: 56 + 1023 });
    expect(toDesktopPixel(-0.2, 1.5, whole)).toEqual({ x: 0, y: 719 });
  });
});
