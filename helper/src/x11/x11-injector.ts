import type { KeyCode, KeyCombo, PointerButton } from '@rs/signaling';
import { characters, COMBO_CODES, keysymForChar, keysymForCode, SHIFT_KEYSYMS } from '../input/key-codes';
import type { DesktopGeometry, DesktopPoint, InputInjector } from '../input/injector';
import type { X11Connection } from './x11-connection';
import type { KeyPlace } from './x11-keymap';
import { X11Keymap } from './x11-keymap';
import { readGeometry } from './x11-screen';

const BUTTONS: Record<PointerButton, number> = { left: 1, middle: 2, right: 3 };
/** X wheel buttons: 4 up, 5 down, 6 left, 7 right. */
const WHEEL = { up: 4, down: 5, left: 6, right: 7 } as const;

/** Input through the XTEST extension: the X server treats it as the real devices' input. */
export class X11Injector implements InputInjector {
  /** Keycodes and buttons the remote side holds down, released on pause/stop. */
  private readonly heldKeys = new Set<number>();
  private readonly heldButtons = new Set<number>();

  private constructor(
    private readonly x: X11Connection,
    private readonly keymap: X11Keymap,
  ) {}

  static async create(x: X11Connection): Promise<X11Injector> {
    return new X11Injector(x, await X11Keymap.load(x));
  }

  geometry(): Promise<DesktopGeometry> {
    return readGeometry(this.x);
  }

  async move(to: DesktopPoint): Promise<void> {
    this.x.xtest.FakeInput(this.x.xtest.MotionNotify, 0, 0, this.x.root, to.x, to.y);
  }

  async button(button: PointerButton, down: boolean, at: DesktopPoint): Promise<void> {
    await this.move(at);
    this.pressButton(BUTTONS[button], down);
  }

  async wheel(dx: number, dy: number, at: DesktopPoint): Promise<void> {
    await this.move(at);
    const clicks = (button: number, count: number): void => {
      for (let i = 0; i < count; i += 1) {
        this.pressButton(button, true);
        this.pressButton(button, false);
      }
    };
    clicks(dy > 0 ? WHEEL.down : WHEEL.up, Math.abs(dy));
    clicks(dx > 0 ? WHEEL.right : WHEEL.left, Math.abs(dx));
  }

  async key(code: KeyCode, down: boolean): Promise<void> {
    const keysym = keysymForCode(code);
    if (keysym === undefined) return;
    const place = this.keymap.find(keysym) ?? (down ? await this.keymap.place(keysym) : undefined);
    if (place) this.pressKey(place.keycode, down);
  }

  async text(text: string): Promise<void> {
    for (const char of characters(text)) {
      const place = await this.keymap.place(keysymForChar(char));
      if (place) this.typeAt(place);
    }
  }

  async combo(combo: KeyCombo): Promise<void> {
    const codes = COMBO_CODES[combo];
    for (const code of codes) await this.key(code, true);
    for (const code of [...codes].reverse()) await this.key(code, false);
  }

  async releaseAll(): Promise<void> {
    for (const keycode of [...this.heldKeys]) this.pressKey(keycode, false);
    for (const button of [...this.heldButtons]) this.pressButton(button, false);
  }

  async close(): Promise<void> {
    await this.releaseAll();
    await this.keymap.restore();
  }

  /** One character's key, with Shift pressed or released around it as its level needs. */
  private typeAt(place: KeyPlace): void {
    const shiftKeycodes = SHIFT_KEYSYMS.map((keysym) => this.keymap.find(keysym)?.keycode).filter((k): k is number => k !== undefined);
    const heldShifts = shiftKeycodes.filter((keycode) => this.heldKeys.has(keycode));
    const shiftKey = shiftKeycodes[0];
    if (place.shift && heldShifts.length === 0 && shiftKey !== undefined) {
      this.fake(this.x.xtest.KeyPress, shiftKey);
      this.tap(place.keycode);
      this.fake(this.x.xtest.KeyRelease, shiftKey);
      return;
    }
    if (!place.shift && heldShifts.length > 0) {
      for (const keycode of heldShifts) this.fake(this.x.xtest.KeyRelease, keycode);
      this.tap(place.keycode);
      for (const keycode of heldShifts) this.fake(this.x.xtest.KeyPress, keycode);
      return;
    }
    this.tap(place.keycode);
  }

  private tap(keycode: number): void {
    this.fake(this.x.xtest.KeyPress, keycode);
    this.fake(this.x.xtest.KeyRelease, keycode);
  }

  private pressKey(keycode: number, down: boolean): void {
    if (down) this.heldKeys.add(keycode);
    else if (!this.heldKeys.delete(keycode)) return;
    this.fake(down ? this.x.xtest.KeyPress : this.x.xtest.KeyRelease, keycode);
  }

  private pressButton(button: number, down: boolean): void {
    if (down) this.heldButtons.add(button);
    else this.heldButtons.delete(button);
    this.fake(down ? this.x.xtest.ButtonPress : this.x.xtest.ButtonRelease, button);
  }

  private fake(type: number, detail: number): void {
    this.x.xtest.FakeInput(type, detail, 0, 0, 0, 0);
  }
}
