import type { DesktopPoint, LocalInputWatcher } from '../input/injector';
import type { X11Connection } from './x11-connection';

const POLL_MS = 50;
/** Pointer positions the helper itself produced are not the person's for this long. */
const EXPECTED_FOR_MS = 1000;
/** Button bits of the core state mask (Button1..Button5). */
const BUTTON_MASK = 0x1f00;

/**
 * The person's own hands on this desktop, by polling the pointer (QueryPointer)
 * and the keyboard (QueryKeymap) every 50 ms: a pointer position or a newly
 * pressed key/button the helper did not inject is local input. XTEST events of
 * the helper and of another program look alike to X, so the helper tells the
 * watcher what it injects.
 */
export class X11LocalInput implements LocalInputWatcher {
  private timer: NodeJS.Timeout | undefined;
  private last: { x: number; y: number; buttons: number; keys: Buffer } | undefined;
  private readonly expected: { x: number; y: number; at: number }[] = [];
  private injectedSincePoll = false;
  private polling = false;

  constructor(private readonly x: X11Connection) {}

  start(onLocalInput: () => void): void {
    this.timer = setInterval(() => {
      if (this.polling) return;
      this.polling = true;
      this.poll()
        .then((local) => local && onLocalInput())
        .catch(() => undefined)
        .finally(() => {
          this.polling = false;
        });
    }, POLL_MS);
  }

  expectPointer(at: DesktopPoint): void {
    this.injectedSincePoll = true;
    this.expected.push({ x: at.x, y: at.y, at: Date.now() });
    if (this.expected.length > 64) this.expected.shift();
  }

  /** Keys the helper typed since the last poll are not the person's. */
  expectKeys(): void {
    this.injectedSincePoll = true;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async poll(): Promise<boolean> {
    const injected = this.injectedSincePoll;
    this.injectedSincePoll = false;
    const [pointer, keys] = await Promise.all([this.x.queryPointer(), this.x.queryKeymap()]);
    const now = { x: pointer.rootX, y: pointer.rootY, buttons: pointer.keyMask & BUTTON_MASK, keys: Buffer.from(keys) };
    const before = this.last;
    this.last = now;
    if (!before) return false;
    const moved = now.x !== before.x || now.y !== before.y;
    const cutoff = Date.now() - EXPECTED_FOR_MS;
    const ours = this.expected.some((e) => e.at >= cutoff && e.x === now.x && e.y === now.y);
    if (moved && !ours) return true;
    if (injected) return false;
    if ((now.buttons & ~before.buttons) !== 0) return true;
    return now.keys.some((byte, i) => (byte & ~(before.keys[i] ?? 0)) !== 0);
  }
}
