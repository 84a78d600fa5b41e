import type { RemoteInput } from '@rs/signaling';
import { framePoint } from './frame-point';
import { KeyMapper } from './key-mapping';

/** Pointer moves are sent at most this often (about 60 per second). */
const MOVE_INTERVAL_MS = 16;
/** One wheel notch in pixels (DOM_DELTA_PIXEL); lines count one each. */
const PIXELS_PER_NOTCH = 100;
const BUTTONS = ['left', 'middle', 'right'] as const;

/**
 * Captures pointer, wheel and keys on the shared-screen view while control is
 * active and hands them on as remote input: positions as fractions of the
 * video frame (object-fit: contain), keys through KeyMapper. The browser does
 * not act on what is captured. Shift+Escape releases the keyboard (focus moves on).
 */
export class ControlSurface {
  private active = false;
  private readonly keys = new KeyMapper();
  private lastMoveAt = 0;
  private pendingMove: number | null = null;
  private readonly controller = new AbortController();
  /** Buttons pressed on the remote side, and the last point sent: a release always follows a press. */
  private readonly pressed = new Set<(typeof BUTTONS)[number]>();
  private lastPoint: { x: number; y: number } | null = null;

  constructor(
    private readonly element: HTMLElement,
    private readonly video: HTMLVideoElement,
    private readonly send: (input: RemoteInput) => void,
  ) {
    const signal = this.controller.signal;
    element.addEventListener('pointermove', (e) => this.onMove(e), { signal });
    element.addEventListener('pointerdown', (e) => this.onButton(e, true), { signal });
    element.addEventListener('pointerup', (e) => this.onButton(e, false), { signal });
    element.addEventListener('wheel', (e) => this.onWheel(e), { signal, passive: false });
    element.addEventListener('contextmenu', (e) => this.active && e.preventDefault(), { signal });
    element.addEventListener('keydown', (e) => this.onKey(e, true), { signal });
    element.addEventListener('keyup', (e) => this.onKey(e, false), { signal });
    element.addEventListener('blur', () => this.release(), { signal });
  }

  get capturing(): boolean {
    return this.active;
  }

  setActive(active: boolean): void {
    if (this.active === active) return;
    this.active = active;
    this.element.dataset.control = active ? 'active' : '';
    if (active) {
      this.element.tabIndex = 0;
      this.element.setAttribute('aria-roledescription', 'remote screen');
    } else {
      this.release();
      this.element.removeAttribute('tabindex');
      this.element.removeAttribute('aria-roledescription');
    }
  }

  dispose(): void {
    this.setActive(false);
    this.controller.abort();
  }

  private point(event: MouseEvent): { x: number; y: number } | null {
    return framePoint(event.clientX, event.clientY, this.video.getBoundingClientRect(), this.video.videoWidth, this.video.videoHeight);
  }

  private onMove(event: PointerEvent): void {
    if (!this.active) return;
    const point = this.point(event);
    if (!point) return;
    const wait = this.lastMoveAt + MOVE_INTERVAL_MS - performance.now();
    if (this.pendingMove !== null) window.clearTimeout(this.pendingMove);
    if (wait <= 0) return this.sendMove(point);
    this.pendingMove = window.setTimeout(() => this.sendMove(point), wait);
  }

  private sendMove(point: { x: number; y: number }): void {
    this.pendingMove = null;
    this.lastPoint = point;
    this.lastMoveAt = performance.now();
    this.send({ t: 'move', ...point });
  }

  private onButton(event: PointerEvent, down: boolean): void {
    if (!this.active) return;
    const button = BUTTONS[event.button];
    // A release outside the picture still releases, where the pointer was last on it.
    const point = this.point(event) ?? (down ? null : this.lastPoint);
    if (!button || !point || (!down && !this.pressed.has(button))) return;
    event.preventDefault();
    if (down) {
      this.element.focus({ preventScroll: true });
      this.element.setPointerCapture?.(event.pointerId);
      this.pressed.add(button);
    } else {
      this.pressed.delete(button);
    }
    if (this.pendingMove !== null) window.clearTimeout(this.pendingMove);
    this.pendingMove = null;
    this.lastPoint = point;
    this.send({ t: 'button', button, down, ...point });
  }

  private onWheel(event: WheelEvent): void {
    if (!this.active) return;
    const point = this.point(event);
    if (!point) return;
    event.preventDefault();
    const notches = (delta: number): number => {
      const n = event.deltaMode === WheelEvent.DOM_DELTA_PIXEL ? delta / PIXELS_PER_NOTCH : delta;
      return Math.max(-10, Math.min(10, Math.round(n) || Math.sign(delta)));
    };
    const dx = notches(event.deltaX);
    const dy = notches(event.deltaY);
    if (dx !== 0 || dy !== 0) this.send({ t: 'wheel', dx, dy, ...point });
  }

  private onKey(event: KeyboardEvent, down: boolean): void {
    if (!this.active) return;
    if (down && event.key === 'Escape' && event.shiftKey) {
      this.element.blur();
      return;
    }
    event.preventDefault();
    const input = down ? this.keys.down(event) : this.keys.up(event);
    if (input) this.send(input);
  }

  private release(): void {
    for (const up of this.keys.releaseAll()) this.send(up);
    const at = this.lastPoint;
    if (at) for (const button of this.pressed) this.send({ t: 'button', button, down: false, ...at });
    this.pressed.clear();
  }
}
