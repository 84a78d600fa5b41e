import { framePoint } from './frame-point';

describe('framePoint (object-fit: contain)', () => {
  it('maps a frame that fills the element exactly, offset on the page', () => {
    const box = { left: 100, top: 50, width: 800, height: 450 };
    expect(framePoint(100, 50, box, 1600, 900)).toEqual({ x: 0, y: 0 });
    expect(framePoint(500, 275, box, 1600, 900)).toEqual({ x: 0.5, y: 0.5 });
    expect(framePoint(900, 500, box, 1600, 900)).toEqual({ x: 1, y: 1 });
    expect(framePoint(300, 162.5, box, 1280, 720)).toEqual({ x: 0.25, y: 0.25 });
  });

  it('letterboxes a wide frame in a tall element (bars above and below)', () => {
    // 16:9 frame in 800x800: picture 800x450 starting at y=175.
    const box = { left: 0, top: 0, width: 800, height: 800 };
    expect(framePoint(400, 100, box, 1920, 1080)).toBeNull();
    expect(framePoint(400, 700, box, 1920, 1080)).toBeNull();
    expect(framePoint(200, 175, box, 1920, 1080)).toEqual({ x: 0.25, y: 0 });
    expect(framePoint(600, 175 + 337.5, box, 1920, 1080)).toEqual({ x: 0.75, y: 0.75 });
  });

  it('pillarboxes a tall frame in a wide element (bars left and right), with page offsets', () => {
    // 1:2 frame in 1000x500 at (20, 30): picture 250x500 starting at x=375.
    const box = { left: 20, top: 30, width: 1000, height: 500 };
    expect(framePoint(20 + 300, 200, box, 500, 1000)).toBeNull();
    expect(framePoint(20 + 700, 200, box, 500, 1000)).toBeNull();
    expect(framePoint(20 + 375 + 125, 30 + 250, box, 500, 1000)).toEqual({ x: 0.5, y: 0.5 });
    expect(framePoint(20 + 375 + 250, 30 + 500, box, 500, 1000)).toEqual({ x: 1, y: 1 });
  });

  it('scales up a small frame the same way (fractions do not depend on the scale)', () => {
    const box = { left: 0, top: 0, width: 1280, height: 720 };
    expect(framePoint(320, 540, box, 640, 360)).toEqual({ x: 0.25, y: 0.75 });
  });

  it('refuses points outside the element and frames without a size yet', () => {
    const box = { left: 10, top: 10, width: 100, height: 100 };
    expect(framePoint(5, 50, box, 100, 100)).toBeNull();
    expect(framePoint(50, 111, box, 100, 100)).toBeNull();
    expect(framePoint(50, 50, box, 0, 0)).toBeNull();
  });
});
