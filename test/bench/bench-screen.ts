/**
 * The bench's stand-in for the customer's screen: a canvas that paints, every
 * frame, its epoch-ms timestamp as a grid of black/white cells (top band) and a
 * "support screen" below it: rows of 11 px text and 1 px lines that change with
 * the timestamp. The receiving page decodes the timestamp and re-renders the
 * exact same source frame with the same painter to measure fidelity.
 *
 * The browser-side functions are serialised into the pages as script source,
 * so they must stay self-contained (no imports, no closures over module scope).
 */
import type { Page } from 'puppeteer-core';

export interface ScreenSize {
  width: number;
  height: number;
}

/** Where fidelity is measured, in source pixels: text on the left, fine lines on the right. */
export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ScreenSpec extends ScreenSize {
  cols: number;
  rows: number;
  timeBits: number;
  /** Height of the timestamp band, in source pixels. */
  band: number;
  region: Region;
  /** At most one fidelity sample per stream this often (it costs the receiving page CPU). */
  psnrEveryMs: number;
}

/** 44 bits of epoch milliseconds + a 4-bit checksum = 48 cells (8 x 6). */
export function screenSpec(size: ScreenSize): ScreenSpec {
  const band = Math.round(size.height * 0.4);
  return {
    ...size,
    cols: 8,
    rows: 6,
    timeBits: 44,
    band,
    region: { x: 0, y: band, w: Math.min(size.width, 768), h: Math.min(size.height - band, 256) },
    psnrEveryMs: 400,
  };
}

/**
 * Paints one source frame; deterministic for a given (spec, time). Like a real
 * screen, most of it holds still: the text and fine lines change once a second
 * (cached per second, copied 1:1), the cell grid and a status line every frame.
 * Installed as globalThis.__benchPaint.
 */
export function paintBenchFrame(ctx: CanvasRenderingContext2D, spec: ScreenSpec, time: number): void {
  const { width, height, cols, rows, timeBits, band } = spec;
  const second = Math.floor(time / 1000);
  const holder = ctx as unknown as { __page?: { second: number; ctx: CanvasRenderingContext2D } };
  if (holder.__page?.second !== second) {
    const page = holder.__page?.ctx ?? document.createElement('canvas').getContext('2d');
    if (!page) throw new Error('no 2d context');
    page.canvas.width = width;
    page.canvas.height = height - band;
    const h = height - band;
    page.fillStyle = '#fff';
    page.fillRect(0, 0, width, h);
    page.fillStyle = '#000';
    page.font = '11px monospace';
    page.textBaseline = 'top';
    const words = ['invoice', 'Settings', 'proxy', '192.168.10.254', 'OK', 'Cancel', 'error 0x80070005', 'C:\\Users\\ana\\AppData', 'Apply', 'DNS', 'update', 'KB5034441'];
    for (let y = 16, line = 1; y + 12 <= h; y += 13, line++) {
      let text = `${line}: ${second}`;
      for (let k = (second + line * 7) % words.length; text.length < width / 6; k += 3 + (line % 5)) text += ` ${words[k % words.length]}`;
      page.fillText(text, 3, y);
    }
    // Fine lines: 1 px vertical lines with 1 px gaps, 1 px horizontal lines with 2 px gaps, a 1 px checkerboard.
    const lx = Math.min(512, Math.floor(width / 2));
    const lw = Math.min(256, width - lx);
    const lh = Math.min(256, h);
    const shift = second % 6;
    page.fillStyle = '#fff';
    page.fillRect(lx, 0, lw, lh);
    page.fillStyle = '#000';
    const half = Math.floor(lh / 2);
    for (let x = shift % 2; x < lw / 2; x += 2) page.fillRect(lx + x, 0, 1, half);
    for (let y = shift % 3; y < half; y += 3) page.fillRect(lx + Math.floor(lw / 2), y, Math.ceil(lw / 2), 1);
    const checker = page.createImageData(lw, lh - half);
    for (let y = 0; y < lh - half; y++) {
      for (let x = 0; x < lw; x++) {
        const i = (y * lw + x) * 4;
        const v = (x + y + shift) % 2 ? 255 : 0;
        checker.data[i] = checker.data[i + 1] = checker.data[i + 2] = v;
        checker.data[i + 3] = 255;
      }
    }
    page.putImageData(checker, lx, half);
    holder.__page = { second, ctx: page };
  }
  ctx.drawImage(holder.__page.ctx.canvas, 0, band);
  const bits: number[] = [];
  for (let i = 0; i < timeBits; i++) bits.push(Math.floor(time / 2 ** i) % 2);
  const checksum = bits.reduce((a, b) => a + b, 0) % 16;
  for (let i = 0; i < 4; i++) bits.push(Math.floor(checksum / 2 ** i) % 2);
  const cellW = width / cols;
  const cellH = band / rows;
  bits.forEach((bit, i) => {
    ctx.fillStyle = bit ? '#fff' : '#000';
    const x = Math.round((i % cols) * cellW);
    const y = Math.round(Math.floor(i / cols) * cellH);
    ctx.fillRect(x, y, Math.round(((i % cols) + 1) * cellW) - x, Math.round((Math.floor(i / cols) + 1) * cellH) - y);
  });
  // Status line, every frame: the exact time, as a clock or a progress readout would.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, band, Math.min(width, 512), 15);
  ctx.fillStyle = '#000';
  ctx.font = '11px monospace';
  ctx.textBaseline = 'top';
  ctx.fillText(`status ${time} ms, frame ${time % 100000}`, 3, band + 2);
}

/** Installed in the customer page: getDisplayMedia returns the painted canvas (kept as window.__benchScreenStream). */
export function installBenchScreen(spec: ScreenSpec): void {
  const paint = (globalThis as unknown as { __benchPaint: typeof paintBenchFrame }).__benchPaint;
  const canvas = document.createElement('canvas');
  canvas.width = spec.width;
  canvas.height = spec.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  const loop = () => {
    paint(ctx, spec, Math.round(performance.timeOrigin + performance.now()));
    requestAnimationFrame(loop);
  };
  loop();
  const stream = canvas.captureStream(60);
  (window as unknown as { __benchScreenStream: MediaStream }).__benchScreenStream = stream;
  navigator.mediaDevices.getDisplayMedia = async () => stream;
}

/** esbuild/tsx may wrap functions with __name(); make it harmless in the pages. */
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

/** Script source calling a self-contained function with JSON arguments. */
export function pageScript(fn: (...args: never[]) => unknown, ...args: unknown[]): string {
  return `(${fn.toString()})(${args.map((a) => JSON.stringify(a)).join(', ')});`;
}

/** Before the app loads: the painter, then `script` (e.g. the screen or the frame decoder). */
export async function preparePage(page: Page, script: string): Promise<void> {
  await page.evaluateOnNewDocument(`${NAME_SHIM}\nglobalThis.__benchPaint = ${paintBenchFrame.toString()};\n${script}`);
}
