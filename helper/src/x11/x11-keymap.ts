import type { X11Connection } from './x11-connection';

/** Where a keysym lives on the keyboard: its keycode and whether Shift selects it. */
export interface KeyPlace {
  keycode: number;
  shift: boolean;
}

/** Keycodes kept remapped for characters the layout lacks; the oldest is reused first. */
const SPARE_POOL = 8;
/** Remapped keycodes go back to empty after this long without use. */
const RESTORE_AFTER_MS = 3000;
/**
 * After a remap, time for X clients to fetch the new keymap before the key is
 * pressed (they read it on MappingNotify; a key pressed earlier would be read
 * with the old map).
 */
const REMAP_SETTLE_MS = 40;

/**
 * Indexes a core keyboard mapping (one row of keysyms per keycode from `minKeycode`):
 * where each keysym is typed (column 0 plain, column 1 with Shift; higher levels such
 * as AltGr are reached by remapping instead) and which keycodes are empty.
 */
export function indexKeyboardMapping(
  rows: readonly (readonly number[])[],
  minKeycode: number,
  /** Keycodes the helper itself remapped: still spare, not part of the layout. */
  ours: ReadonlySet<number> = new Set(),
): { places: Map<number, KeyPlace>; spare: number[] } {
  const places = new Map<number, KeyPlace>();
  const spare: number[] = [];
  rows.forEach((row, index) => {
    const keycode = minKeycode + index;
    if (ours.has(keycode) || row.every((keysym) => keysym === 0)) {
      spare.push(keycode);
      return;
    }
    for (const [column, shift] of [[0, false], [1, true]] as const) {
      const keysym = row[column];
      if (keysym && !places.has(keysym)) places.set(keysym, { keycode, shift });
    }
    // A row with a lowercase letter alone: its uppercase is the shifted form (X's own rule).
    const only = row[0];
    if (only && !row[1] && only >= 0x61 && only <= 0x7a && !places.has(only - 0x20)) places.set(only - 0x20, { keycode, shift: true });
  });
  return { places, spare };
}

/**
 * The X server's keyboard mapping (GetKeyboardMapping): keysym -> keycode and
 * shift level, plus empty keycodes temporarily remapped (ChangeKeyboardMapping)
 * for characters absent from the layout, restored when idle or on close.
 */
export class X11Keymap {
  private places = new Map<number, KeyPlace>();
  private readonly spare: number[] = [];
  /** Remapped keycode -> keysym, oldest first. */
  private readonly remapped = new Map<number, number>();
  private restoreTimer: NodeJS.Timeout | undefined;
  private keysymsPerKeycode = 2;

  private constructor(private readonly x: X11Connection) {
    // Another program (or the person) changed the layout: read it again. Our own remaps change one spare keycode.
    x.onEvent((ev) => {
      if (ev.name !== 'MappingNotify' || ev.request !== 1) return;
      if (ev.count === 1 && this.spare.includes(ev.firstKeyCode as number)) return;
      this.reload().catch(() => undefined);
    });
  }

  static async load(x: X11Connection): Promise<X11Keymap> {
    const keymap = new X11Keymap(x);
    await keymap.reload();
    return keymap;
  }

  async reload(): Promise<void> {
    const { min_keycode: min, max_keycode: max } = this.x.display;
    const rows = await this.x.keyboardMapping(min, max - min + 1);
    const indexed = indexKeyboardMapping(rows, min, new Set(this.remapped.keys()));
    this.places = indexed.places;
    this.spare.splice(0, this.spare.length, ...indexed.spare);
    this.keysymsPerKeycode = Math.max(1, rows[0]?.length ?? 2);
  }

  /** The key for a keysym already in the layout. */
  find(keysym: number): KeyPlace | undefined {
    return this.places.get(keysym);
  }

  /** The key for any keysym: the layout's own, else a spare keycode remapped to it (unshifted). */
  async place(keysym: number): Promise<KeyPlace | undefined> {
    const known = this.find(keysym);
    if (known) return known;
    for (const [keycode, mapped] of this.remapped) if (mapped === keysym) return this.touch(keycode, keysym);
    const pool = this.spare.slice(-SPARE_POOL);
    const keycode = pool.find((code) => !this.remapped.has(code)) ?? this.remapped.keys().next().value;
    if (keycode === undefined) return undefined;
    this.x.client.ChangeKeyboardMapping(keycode, this.keysymsPerKeycode, new Array<number>(this.keysymsPerKeycode).fill(keysym));
    await this.x.sync();
    await new Promise((resolve) => setTimeout(resolve, REMAP_SETTLE_MS));
    return this.touch(keycode, keysym);
  }

  private touch(keycode: number, keysym: number): KeyPlace {
    this.remapped.delete(keycode);
    this.remapped.set(keycode, keysym);
    clearTimeout(this.restoreTimer);
    this.restoreTimer = setTimeout(() => void this.restore(), RESTORE_AFTER_MS);
    this.restoreTimer.unref();
    return { keycode, shift: false };
  }

  /** Every remapped keycode back to empty. */
  async restore(): Promise<void> {
    clearTimeout(this.restoreTimer);
    for (const keycode of this.remapped.keys()) {
      this.x.client.ChangeKeyboardMapping(keycode, this.keysymsPerKeycode, new Array<number>(this.keysymsPerKeycode).fill(0));
    }
    this.remapped.clear();
    await this.x.sync().catch(() => undefined);
  }
}
