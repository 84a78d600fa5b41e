import type { Page } from 'puppeteer-core';

/**
 * Installed in a customer page before it loads: getDisplayMedia returns a
 * canvas of the given size (Chromium's own fake screen is only 800x450),
 * painted like a desktop with small text and 1-pixel lines, with a moving
 * marker so the encoder always has a new frame. The app's own capture call
 * (inside the customer's click) stays the shipped code path.
 * Serialised into the page: keep it self-contained.
 */
function installCanvasScreen(width: number, height: number): void {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  let frame = 0;
  const paint = (): void => {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#000';
    ctx.font = '11px sans-serif';
    for (let y = 14; y < height; y += 16) ctx.fillText(`line ${y} The quick brown fox jumps over the lazy dog 0123456789`, 4, y);
    for (let x = 0; x < width; x += 7) ctx.fillRect(x, 0, 1, 8);
    ctx.fillStyle = '#c00';
    ctx.fillRect((frame * 4) % width, height - 20, 20, 20);
    frame++;
    requestAnimationFrame(paint);
  };
  paint();
  const stream = canvas.captureStream(30);
  navigator.mediaDevices.getDisplayMedia = async () => stream.clone();
}

/** A `beforeLoad` for CustomerPage.open: this customer's "screen" is a width x height canvas. */
export function canvasScreen(width: number, height: number): (page: Page) => Promise<unknown> {
  return (page) => page.evaluateOnNewDocument(installCanvasScreen, width, height);
}
