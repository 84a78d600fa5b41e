import { characters, COMBO_CODES, keysymForChar, keysymForCode } from './key-codes';
import { indexKeyboardMapping } from '../x11/x11-keymap';

describe('keysymForCode (KeyboardEvent.code on a US layout)', () => {
  it('maps letters, digits, function keys and named keys', () => {
    expect(keysymForCode('KeyA')).toBe(0x61);
    expect(keysymForCode('KeyZ')).toBe(0x7a);
    expect(keysymForCode('Digit1')).toBe(0x31);
    expect(keysymForCode('F1')).toBe(0xffbe);
    expect(keysymForCode('F12')).toBe(0xffc9);
    expect(keysymForCode('Enter')).toBe(0xff0d);
    expect(keysymForCode('ControlLeft')).toBe(0xffe3);
    expect(keysymForCode('MetaLeft')).toBe(0xffeb);
    expect(keysymForCode('Numpad7')).toBe(0xffb7);
    expect(keysymForCode('Slash')).toBe(0x2f);
  });

  it('knows nothing of codes outside the layout (the event is dropped)', () => {
    expect(keysymForCode('F25')).toBeUndefined();
    expect(keysymForCode('LaunchMissiles')).toBeUndefined();
  });
});

describe('keysymForChar', () => {
  it('is the code point for Latin-1 and 0x01000000 + code point beyond', () => {
    expect(keysymForChar('A')).toBe(0x41);
    expect(keysymForChar('!')).toBe(0x21);
    expect(keysymForChar('é')).toBe(0xe9);
    expect(keysymForChar('ß')).toBe(0xdf);
    expect(keysymForChar('€')).toBe(0x0100_20ac);
    expect(keysymForChar('😀')).toBe(0x0101_f600);
    expect(keysymForChar('\n')).toBe(0xff0d);
  });

  it('splits text into whole characters', () => {
    expect(characters('a😀é')).toEqual(['a', '😀', 'é']);
  });
});

describe('combinations', () => {
  it('press modifiers first', () => {
    expect(COMBO_CODES['ctrl-alt-del']).toEqual(['ControlLeft', 'AltLeft', 'Delete']);
    expect(COMBO_CODES['alt-tab']).toEqual(['AltLeft', 'Tab']);
  });
});

describe('indexKeyboardMapping (rows as Xvfb serves its US map)', () => {
  // keycode 10..12 ("1!", "2@", "3#"), 24 "qQ", 38 "aA", 50 Shift_L, 65 space, 107 Print; the rest empty.
  const rows: number[][] = [];
  const set = (keycode: number, row: number[]): void => {
    rows[keycode - 8] = row;
  };
  for (let keycode = 8; keycode <= 255; keycode += 1) set(keycode, [0, 0, 0, 0, 0, 0, 0]);
  set(10, [0x31, 0x21, 0x31, 0x21, 0, 0, 0]);
  set(11, [0x32, 0x40, 0x32, 0x40, 0, 0, 0]);
  set(12, [0x33, 0x23, 0x33, 0x23, 0, 0, 0]);
  set(24, [0x71, 0x51, 0x71, 0x51, 0, 0, 0]);
  set(38, [0x61, 0, 0, 0, 0, 0, 0]);
  set(50, [0xffe1, 0, 0xffe1, 0, 0, 0, 0]);
  set(65, [0x20, 0, 0x20, 0, 0, 0, 0]);
  set(107, [0xff61, 0xff15, 0xff61, 0xff15, 0, 0, 0]);
  const { places, spare } = indexKeyboardMapping(rows, 8);

  it('types shifted characters with Shift on the key of their unshifted twin', () => {
    expect(places.get(0x31)).toEqual({ keycode: 10, shift: false });
    expect(places.get(0x21)).toEqual({ keycode: 10, shift: true }); // "!" is Shift+1, not "1"
    expect(places.get(0x40)).toEqual({ keycode: 11, shift: true }); // "@"
    expect(places.get(0x23)).toEqual({ keycode: 12, shift: true }); // "#"
    expect(places.get(0x51)).toEqual({ keycode: 24, shift: true }); // "Q"
  });

  it('derives the uppercase of a letter listed alone', () => {
    expect(places.get(0x41)).toEqual({ keycode: 38, shift: true });
  });

  it('finds named keys and lists empty keycodes as spare for characters the layout lacks', () => {
    expect(places.get(0xff61)).toEqual({ keycode: 107, shift: false });
    expect(places.get(0xe9)).toBeUndefined(); // é: typed through a remapped spare keycode
    expect(spare).toContain(255);
    expect(spare).not.toContain(10);
  });

  it('keeps keycodes the helper remapped itself out of the layout (re-read after a layout change)', () => {
    const withRemap = rows.map((row) => [...row]);
    withRemap[255 - 8] = [0xe9, 0xe9, 0xe9, 0xe9, 0xe9, 0xe9, 0xe9];
    const again = indexKeyboardMapping(withRemap, 8, new Set([255]));
    expect(again.places.get(0xe9)).toBeUndefined();
    expect(again.spare).toContain(255);
  });
});
