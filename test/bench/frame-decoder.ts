/**
 * Installed in the agent page (serialised, self-contained): every frame a
 * watched <video> presents is recorded in window.__bench[label] as
 * [presentedAt, glassToGlassMs, width, height]; the source timestamp comes from
 * the cell grid. At most every `psnrEveryMs` the decoded region of text and
 * fine lines is scaled to source size and compared with the same frame
 * re-rendered from its timestamp: PSNR of the luma (BT.601), in dB.
 * The app's screen video (`selector`) is watched as 'sfu'; window.__benchWatch
 * lets the bench watch another video (the peer-to-peer baseline).
 */
import type { ScreenSpec, paintBenchFrame } from './bench-screen';

export type FrameSample = [presentedAt: number, g2gMs: number, width: number, height: number];

export interface StreamRecord {
  frames: FrameSample[];
  psnr: [at: number, db: number][];
  bad: number;
}

export function installFrameDecoder(selector: string, spec: ScreenSpec): void {
  const w = window as unknown as {
    __bench: Record<string, StreamRecord>;
    __firstFrameAt: number | null;
    __benchWatch: (video: HTMLVideoElement, label: string) => void;
    __benchPaint: typeof paintBenchFrame;
  };
  w.__bench = {};
  w.__firstFrameAt = null;
  const { cols, rows, timeBits, band, region, width, height } = spec;
  const canvasOf = (cw: number, ch: number) => {
    const canvas = document.createElement('canvas');
    canvas.width = cw;
    canvas.height = ch;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2d context');
    return ctx;
  };
  const grid = canvasOf(cols * 4, rows * 4);
  const decoded = canvasOf(region.w, region.h);
  const source = canvasOf(width, height);
  const readTime = (video: HTMLVideoElement, vw: number, vh: number): number | null => {
    grid.drawImage(video, 0, 0, vw, (vh * band) / height, 0, 0, cols * 4, rows * 4);
    const data = grid.getImageData(0, 0, cols * 4, rows * 4).data;
    const bits: number[] = [];
    for (let i = 0; i < cols * rows; i++) bits.push(data[(((Math.floor(i / cols) * 4 + 2) * cols * 4) + (i % cols) * 4 + 2) * 4]! > 127 ? 1 : 0);
    let time = 0;
    for (let i = 0; i < timeBits; i++) time += bits[i]! * 2 ** i;
    let checksum = 0;
    for (let i = 0; i < 4; i++) checksum += bits[timeBits + i]! * 2 ** i;
    return checksum === bits.slice(0, timeBits).reduce((a, b) => a + b, 0) % 16 ? time : null;
  };
  const luma = (d: Uint8ClampedArray, i: number) => 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
  const psnr = (video: HTMLVideoElement, vw: number, vh: number, time: number): number => {
    const sx = vw / width;
    const sy = vh / height;
    decoded.drawImage(video, region.x * sx, region.y * sy, region.w * sx, region.h * sy, 0, 0, region.w, region.h);
    w.__benchPaint(source, spec, time);
    const a = decoded.getImageData(0, 0, region.w, region.h).data;
    const b = source.getImageData(region.x, region.y, region.w, region.h).data;
    let squared = 0;
    for (let i = 0; i < a.length; i += 4) squared += (luma(a, i) - luma(b, i)) ** 2;
    const mse = squared / (region.w * region.h);
    return mse === 0 ? 100 : 10 * Math.log10((255 * 255) / mse);
  };
  w.__benchWatch = (video, label) => {
    const record = (w.__bench[label] ??= { frames: [], psnr: [], bad: 0 });
    let lastPsnrAt = 0;
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      const now = performance.timeOrigin + performance.now();
      if (label === 'sfu' && w.__firstFrameAt === null) w.__firstFrameAt = now;
      // Draw in the element's intrinsic size; record the presented frame's size.
      const vw = video.videoWidth || meta.width;
      const vh = video.videoHeight || meta.height;
      const painted = readTime(video, vw, vh);
      if (painted === null) record.bad++;
      else {
        record.frames.push([now, now - painted, meta.width, meta.height]);
        if (now - lastPsnrAt >= spec.psnrEveryMs) {
          lastPsnrAt = now;
          record.psnr.push([now, psnr(video, vw, vh, painted)]);
        }
      }
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  };
  const hooked = new WeakSet<HTMLVideoElement>();
  const watch = () => {
    const video = document.querySelector<HTMLVideoElement>(selector);
    if (video && video.srcObject && !hooked.has(video)) {
      hooked.add(video);
      w.__benchWatch(video, 'sfu');
    }
    requestAnimationFrame(watch);
  };
  watch();
}
