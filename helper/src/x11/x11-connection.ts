import * as x11 from 'x11';
import type { XClient, XDisplay, XEvent, XPointer, XProperty, XTestExtension } from 'x11';

/** A callback-style x11 request turned into a promise. */
export function call<T>(start: (cb: (err: Error | null | undefined, value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((err, value) => (err ? reject(err) : resolve(value)));
  });
}

/**
 * One connection to an X server (DISPLAY) with the XTEST extension: promise
 * wrappers over the requests the helper needs, and the root window.
 */
export class X11Connection {
  private readonly atomCache = new Map<string, number>();

  private constructor(
    readonly display: XDisplay,
    readonly xtest: XTestExtension,
  ) {}

  static async open(displayName = process.env.DISPLAY): Promise<X11Connection> {
    if (!displayName) throw new Error('DISPLAY is not set: no X display to control');
    const display = await call<XDisplay>((cb) => x11.createClient({ display: displayName }, cb)).catch((err: Error) => {
      throw new Error(`cannot open the X display ${displayName} (${err.message})`);
    });
    // Errors of requests sent without a callback arrive here; they must not crash the helper.
    display.client.on('error', (err) => process.stderr.write(`x11: ${err.message}\n`));
    const xtest = await call<XTestExtension>((cb) => display.client.require('xtest', cb)).catch(() => {
      display.client.terminate();
      throw new Error('the X server has no XTEST extension: input cannot be injected');
    });
    return new X11Connection(display, xtest);
  }

  get client(): XClient {
    return this.display.client;
  }

  get root(): number {
    const screen = this.display.screen[0];
    if (!screen) throw new Error('X display has no screen');
    return screen.root;
  }

  get rootSize(): { width: number; height: number } {
    const screen = this.display.screen[0];
    if (!screen) throw new Error('X display has no screen');
    return { width: screen.pixel_width, height: screen.pixel_height };
  }

  async atom(name: string): Promise<number> {
    const cached = this.atomCache.get(name);
    if (cached !== undefined) return cached;
    const atom = await call<number>((cb) => this.client.InternAtom(false, name, cb));
    this.atomCache.set(name, atom);
    return atom;
  }

  queryPointer(): Promise<XPointer> {
    return call((cb) => this.client.QueryPointer(this.root, cb));
  }

  queryKeymap(): Promise<Buffer> {
    return call((cb) => this.client.QueryKeymap(cb));
  }

  keyboardMapping(first: number, count: number): Promise<number[][]> {
    return call((cb) => this.client.GetKeyboardMapping(first, count, cb));
  }

  property(window: number, name: number, type: number, deleteAfter: boolean, longLength = 0x10_0000): Promise<XProperty> {
    return call((cb) => this.client.GetProperty(deleteAfter ? 1 : 0, window, name, type, 0, longLength, cb));
  }

  selectionOwner(selection: number): Promise<number> {
    return call((cb) => this.client.GetSelectionOwner(selection, cb));
  }

  /** Round trip: every request sent so far has been processed. */
  sync(): Promise<void> {
    return this.client.sync();
  }

  /** An unmapped 1x1 window receiving property changes (selection transfers). */
  createHiddenWindow(): number {
    const wid = this.client.AllocID();
    this.client.CreateWindow(wid, this.root, -10, -10, 1, 1, 0, 0, 0, 0, { eventMask: x11.eventMask.PropertyChange ?? 0x400000 });
    return wid;
  }

  onEvent(listener: (ev: XEvent) => void): () => void {
    this.client.on('event', listener);
    return () => this.client.removeListener('event', listener);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.client.close(() => resolve()));
  }
}
