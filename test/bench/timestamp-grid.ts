/**
 * A timestamp painted as a grid of black/white cells, robust to video compression.
 * 44 bits of epoch milliseconds + a 4-bit checksum = 48 cells (8 x 6).
 * These functions are serialised into the pages with page.evaluate, so they
 * must stay self-contained (no imports, no closures over module scope).
 */
export const GRID = { cols: 8, rows: 6, timeBits: 44 } as const;

/** Installed in the customer page: getDisplayMedia returns a canvas painting the time every frame. */
export function installTimestampScreen(width: number, height: number, cols: number, rows: number, timeBits: number): void {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  const cellW = width / cols;
  const cellH = height / rows;
  const paint = () => {
    const now = Math.round(performance.timeOrigin + performance.now());
    const bits: number[] = [];
    for (let i = 0; i < timeBits; i++) bits.push(Math.floor(now / 2 ** i) % 2);
    const checksum = bits.reduce((a, b) => a + b, 0) % 16;
    for (let i = 0; i < 4; i++) bits.push(Math.floor(checksum / 2 ** i) % 2);
    bits.forEach((bit, i) => {
      ctx.fillStyle = bit ? '#fff' : '#000';
      ctx.fillRect((i % cols) * cellW, Math.floor(i / cols) * cellH, cellW, cellH);
    });
    requestAnimationFrame(paint);
  };
  paint();
  const stream = canvas.captureStream(60);
  navigator.mediaDevices.getDisplayMedia = async () => stream;
}

/**
 * Installed in the agent page: every frame the screen <video> presents is
 * decoded; the latency (now - painted time) is pushed to window.__g2g, and the
 * first frame's time to window.__firstFrameAt.
 */
export function installFrameDecoder(selector: string, cols: number, rows: number, timeBits: number): void {
  const w = window as unknown as { __g2g: number[]; __firstFrameAt: number | null; __badFrames: number };
  w.__g2g = [];
  w.__firstFrameAt = null;
  w.__badFrames = 0;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const hooked = new WeakSet<HTMLVideoElement>();
  const decode = (video: HTMLVideoElement) => {
    if (!ctx || video.videoWidth === 0) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    ctx.drawImage(video, 0, 0);
    const cellW = canvas.width / cols;
    const cellH = canvas.height / rows;
    const bits: number[] = [];
    for (let i = 0; i < cols * rows; i++) {
      const x = Math.floor((i % cols) * cellW + cellW / 2);
      const y = Math.floor(Math.floor(i / cols) * cellH + cellH / 2);
      bits.push(ctx.getImageData(x, y, 1, 1).data[0]! > 127 ? 1 : 0);
    }
    let time = 0;
    for (let i = 0; i < timeBits; i++) time += bits[i]! * 2 ** i;
    let checksum = 0;
    for (let i = 0; i < 4; i++) checksum += bits[timeBits + i]! * 2 ** i;
    const expected = bits.slice(0, timeBits).reduce((a, b) => a + b, 0) % 16;
    return checksum === expected ? time : null;
  };
  const onFrame = (video: HTMLVideoElement) => {
    const now = performance.timeOrigin + performance.now();
    if (w.__firstFrameAt === null) w.__firstFrameAt = now;
    const painted = decode(video);
    if (painted === null) w.__badFrames++;
    else w.__g2g.push(now - painted);
    video.requestVideoFrameCallback(() => onFrame(video));
  };
  const watch = () => {
    const video = document.querySelector<HTMLVideoElement>(selector);
    if (video && video.srcObject && !hooked.has(video)) {
      hooked.add(video);
      video.requestVideoFrameCallback(() => onFrame(video));
    }
    requestAnimationFrame(watch);
  };
  watch();
}
