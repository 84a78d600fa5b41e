import type { KeyCode, KeyCombo } from '@rs/signaling';

/**
 * X keysyms (the platform-neutral names of keys and characters, also used here
 * as the neutral key identity) of `KeyboardEvent.code` values on a US layout.
 * Windows (virtual-key codes) and macOS (kVK_*) injectors map the same codes.
 */
const NAMED_KEYS: Readonly<Record<string, number>> = {
  Backspace: 0xff08, Tab: 0xff09, Enter: 0xff0d, NumpadEnter: 0xff8d, Escape: 0xff1b, Space: 0x20, Delete: 0xffff, Insert: 0xff63,
  Home: 0xff50, End: 0xff57, PageUp: 0xff55, PageDown: 0xff56,
  ArrowLeft: 0xff51, ArrowUp: 0xff52, ArrowRight: 0xff53, ArrowDown: 0xff54,
  ShiftLeft: 0xffe1, ShiftRight: 0xffe2, ControlLeft: 0xffe3, ControlRight: 0xffe4, CapsLock: 0xffe5,
  AltLeft: 0xffe9, AltRight: 0xffea, MetaLeft: 0xffeb, MetaRight: 0xffec, ContextMenu: 0xff67,
  PrintScreen: 0xff61, ScrollLock: 0xff14, Pause: 0xff13, NumLock: 0xff7f,
  Minus: 0x2d, Equal: 0x3d, BracketLeft: 0x5b, BracketRight: 0x5d, Backslash: 0x5c, Semicolon: 0x3b, Quote: 0x27,
  Backquote: 0x60, Comma: 0x2c, Period: 0x2e, Slash: 0x2f, IntlBackslash: 0x3c,
  NumpadAdd: 0xffab, NumpadSubtract: 0xffad, NumpadMultiply: 0xffaa, NumpadDivide: 0xffaf, NumpadDecimal: 0xffae,
};

/** The keysym of a physical key, or undefined for a code this layout does not know (the event is dropped). */
export function keysymForCode(code: KeyCode): number | undefined {
  const named = NAMED_KEYS[code];
  if (named !== undefined) return named;
  let match = /^Key([A-Z])$/.exec(code);
  if (match?.[1]) return match[1].toLowerCase().charCodeAt(0);
  match = /^Digit([0-9])$/.exec(code);
  if (match?.[1]) return match[1].charCodeAt(0);
  match = /^Numpad([0-9])$/.exec(code);
  if (match?.[1]) return 0xffb0 + Number(match[1]);
  match = /^F([1-9]|1[0-9]|2[0-4])$/.exec(code);
  if (match?.[1]) return 0xffbe + Number(match[1]) - 1;
  return undefined;
}

/** The keysym of a typed character: Latin-1 is its code point, the rest of Unicode 0x01000000 + code point. */
export function keysymForChar(char: string): number {
  const cp = char.codePointAt(0) ?? 0;
  if (char === '\n' || char === '\r') return NAMED_KEYS.Enter ?? 0xff0d;
  if (char === '\t') return NAMED_KEYS.Tab ?? 0xff09;
  if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff)) return cp;
  return 0x0100_0000 + cp;
}

/** Keys pressed in order (and released in reverse) for the combinations a browser page cannot capture. */
export const COMBO_CODES: Readonly<Record<KeyCombo, readonly KeyCode[]>> = {
  'ctrl-alt-del': ['ControlLeft', 'AltLeft', 'Delete'],
  super: ['MetaLeft'],
  'alt-tab': ['AltLeft', 'Tab'],
  'ctrl-esc': ['ControlLeft', 'Escape'],
  'print-screen': ['PrintScreen'],
};

export const SHIFT_KEYSYMS: readonly number[] = [0xffe1, 0xffe2];

/** Splits text into characters (code points, so astral characters stay whole). */
export function characters(text: string): string[] {
  return Array.from(text);
}
