import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import type { HelperControlState, RemoteInput } from '@rs/signaling';
import { CHROMIUM_PATH } from '../support/browser';
import { waitFor } from '../support/wait-for';
import { startXvfb, xdotool } from '../support/xvfb';
import type { XvfbHandle } from '../support/xvfb';
import { openX11Platform } from '../../helper/src/x11/x11-platform';
import { X11Connection } from '../../helper/src/x11/x11-connection';
import { X11Clipboard } from '../../helper/src/x11/x11-clipboard';
import { HelperSession } from '../../helper/src/session/helper-session';
import type { Platform } from '../../helper/src/input/injector';

/**
 * The helper's X11 layer on a real X server (Xvfb :91) against a real X client:
 * a headful Chromium page filling the screen records what arrives (clicks with
 * screen coordinates, text, key events) as a person's application would see it.
 */
const TARGET_PAGE = `<!doctype html><meta charset="utf-8"><title>target</title>
<style>html,body{margin:0;height:100%}textarea{position:fixed;inset:0;width:100vw;height:100vh;border:0;font:20px sans-serif}</style>
<textarea id="t"></textarea>
<script>
  window.clicks = []; window.keys = [];
  document.addEventListener('mousedown', (e) => clicks.push({ x: e.screenX, y: e.screenY, button: e.button }));
  document.addEventListener('keydown', (e) => keys.push({ code: e.code, ctrl: e.ctrlKey }));
</script>`;

const active: HelperControlState = { state: 'active', controllerName: 'Agent', pausedReason: null, resumesAt: null };

describe('helper on a real X display', () => {
  let xvfb: XvfbHandle;
  let browser: Browser;
  let page: Page;
  let platform: Platform;
  let session: HelperSession;
  let localInputs = 0;

  const input = async (...events: RemoteInput[]): Promise<void> => {
    for (const event of events) session.handle('input', event, null);
    await session.drain();
  };
  const value = (): Promise<string> => page.$eval('#t', (el) => (el as HTMLTextAreaElement).value);
  const clearText = (): Promise<void> => page.$eval('#t', (el) => void ((el as HTMLTextAreaElement).value = ''));

  beforeAll(async () => {
    xvfb = await startXvfb(91, 1280, 720);
    browser = await puppeteer.launch({
      executablePath: CHROMIUM_PATH,
      headless: false,
      env: { ...process.env, DISPLAY: xvfb.display },
      defaultViewport: null,
      args: ['--no-sandbox', '--kiosk', '--window-position=0,0', '--window-size=1280,720', '--no-first-run', '--password-store=basic', '--disable-background-networking', '--disable-component-update'],
    });
    page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setContent(TARGET_PAGE);
    platform = await openX11Platform(xvfb.display);
    session = new HelperSession(platform, { state: () => undefined, localInput: () => undefined, ended: () => undefined }, () => (localInputs += 1));
    session.start();
    session.handle('control:state', active, null);
    session.handle('control:surface', { width: 1280, height: 720 }, null);
    // Focus the text area the way a person would: a click on it (again until the window is mapped and painted).
    await waitFor('the first click to reach the page', async () => {
      await input({ t: 'button', button: 'left', down: true, x: 0.5, y: 0.5 }, { t: 'button', button: 'left', down: false, x: 0.5, y: 0.5 });
      return page.evaluate(() => (window as unknown as { clicks: unknown[] }).clicks.length > 0);
    }, { timeoutMs: 30_000, intervalMs: 500 });
    await page.evaluate(() => void ((window as unknown as { clicks: unknown[] }).clicks.length = 1));
  });

  afterAll(async () => {
    await platform?.close();
    await browser?.close();
    await xvfb?.stop();
  });

  it('reports the screen and puts the pointer on the pixel the agent pointed at', async () => {
    expect(await platform.injector.geometry()).toEqual({ width: 1280, height: 720, monitors: [{ x: 0, y: 0, width: 1280, height: 720, primary: true }] });
    const observer = await X11Connection.open(xvfb.display);
    try {
      // The injector's XTEST requests and the observer's query travel on two
      // connections, which X serves in no fixed order: wait for the pointer.
      const pointerAt = (rootX: number, rootY: number) =>
        waitFor(`the pointer at ${rootX},${rootY}`, async () => {
          const p = await observer.queryPointer();
          return (p.rootX === rootX && p.rootY === rootY) || undefined;
        }, { timeoutMs: 5000, intervalMs: 20 });
      await input({ t: 'move', x: 0.25, y: 0.5 });
      await pointerAt(320, 360);
      await input({ t: 'move', x: 1, y: 1 });
      await pointerAt(1279, 719);
    } finally {
      await observer.close();
    }
    await input({ t: 'button', button: 'right', down: true, x: 0.1, y: 0.2 }, { t: 'button', button: 'right', down: false, x: 0.1, y: 0.2 });
    const clicks = await waitFor('the right click', () =>
      page.evaluate(() => {
        const all = (window as unknown as { clicks: { x: number; y: number; button: number }[] }).clicks;
        return all.length >= 2 && all;
      }),
    );
    expect(clicks[0]).toEqual({ x: 640, y: 360, button: 0 });
    expect(clicks[1]).toEqual({ x: 128, y: 144, button: 2 });
    await page.keyboard.press('Escape'); // the context menu
  });

  it('types shifted characters exactly ("!@#" is not "123")', async () => {
    await clearText();
    await input({ t: 'text', text: 'Hello, World 123! @#' });
    await waitFor('the typed text', async () => (await value()) === 'Hello, World 123! @#' || undefined, { timeoutMs: 5000 }).catch(async () => {
      throw new Error(`typed text arrived as ${JSON.stringify(await value())}`);
    });
  });

  it('types characters the keyboard layout does not have (remapped spare keys)', async () => {
    await clearText();
    await input({ t: 'text', text: 'é ü ß € 😀' });
    await waitFor('the non-ASCII text', async () => (await value()) === 'é ü ß € 😀' || undefined, { timeoutMs: 5000 }).catch(async () => {
      throw new Error(`non-ASCII text arrived as ${JSON.stringify(await value())}`);
    });
  });

  it('presses keys with Ctrl (select all, then typing replaces) and keeps text exact while the agent holds Shift', async () => {
    await clearText();
    await input({ t: 'text', text: 'abc' });
    await input({ t: 'key', code: 'ControlLeft', down: true }, { t: 'key', code: 'KeyA', down: true }, { t: 'key', code: 'KeyA', down: false }, { t: 'key', code: 'ControlLeft', down: false });
    await input({ t: 'text', text: 'x' });
    await input({ t: 'key', code: 'ShiftLeft', down: true }, { t: 'text', text: 'a1!' }, { t: 'key', code: 'ShiftLeft', down: false });
    await input({ t: 'key', code: 'Backspace', down: true }, { t: 'key', code: 'Backspace', down: false });
    await waitFor('Ctrl+A, replace, shifted typing and Backspace', async () => (await value()) === 'xa1' || undefined, { timeoutMs: 5000 }).catch(async () => {
      throw new Error(`arrived as ${JSON.stringify(await value())}`);
    });
    const keys = await page.evaluate(() => (window as unknown as { keys: { code: string; ctrl: boolean }[] }).keys);
    expect(keys).toContainEqual({ code: 'KeyA', ctrl: true });
  });

  it('writes the clipboard for other X clients and reads what they copy', async () => {
    const text = 'héllo € clipboard ✓';
    session.handle('clipboard:write', { text }, null);
    await waitFor('the helper to own the clipboard', async () => {
      const other = await X11Connection.open(xvfb.display);
      const clipboard = await X11Clipboard.create(other);
      try {
        return (await clipboard.read()) === text;
      } finally {
        await clipboard.close();
        await other.close();
      }
    });
    // Chromium pastes it (Ctrl+V typed by the helper).
    await clearText();
    await input({ t: 'key', code: 'ControlLeft', down: true }, { t: 'key', code: 'KeyV', down: true }, { t: 'key', code: 'KeyV', down: false }, { t: 'key', code: 'ControlLeft', down: false });
    await waitFor('Chromium to paste the helper clipboard', async () => (await value()) === text || undefined, { timeoutMs: 5000 });
    // Chromium copies, the helper reads it.
    await page.$eval('#t', (el) => void ((el as HTMLTextAreaElement).value = 'copied in the browser 123'));
    await input({ t: 'key', code: 'ControlLeft', down: true }, { t: 'key', code: 'KeyA', down: true }, { t: 'key', code: 'KeyA', down: false });
    await input({ t: 'key', code: 'KeyC', down: true }, { t: 'key', code: 'KeyC', down: false }, { t: 'key', code: 'ControlLeft', down: false });
    const readBack = (): Promise<unknown> => new Promise((resolve) => session.handle('clipboard:read', {}, resolve));
    const reply = await waitFor('the helper to read what Chromium copied', async () => {
      const answer = (await readBack()) as { ok: boolean; text?: string };
      return answer.text === 'copied in the browser 123' && answer;
    });
    expect(reply).toEqual({ ok: true, text: 'copied in the browser 123' });
  });

  it("notices the person's own mouse (not the helper's moves) and drops remote input during the pause", async () => {
    const observer = await X11Connection.open(xvfb.display);
    try {
      localInputs = 0;
      for (let i = 0; i < 10; i += 1) await input({ t: 'move', x: 0.3 + i / 100, y: 0.3 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(localInputs).toBe(0);
      await xdotool(xvfb.display, 'mousemove', '100', '100');
      await waitFor('the local mouse to be noticed', () => localInputs > 0);
      await input({ t: 'move', x: 0.9, y: 0.9 });
      expect(await observer.queryPointer()).toMatchObject({ rootX: 100, rootY: 100 });
      // After the pause, remote input flows again.
      await waitFor('remote input to resume after the local pause', async () => {
        await input({ t: 'move', x: 0.9, y: 0.9 });
        return (await observer.queryPointer()).rootX === 1152;
      }, { timeoutMs: 5000 });
    } finally {
      await observer.close();
    }
  });
});
