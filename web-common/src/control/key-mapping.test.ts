import { KeyMapper, type KeyLike } from './key-mapping';

const key = (k: string, code: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, code, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('KeyMapper', () => {
  it('types printable characters as text, shifted and non-ASCII included', () => {
    const keys = new KeyMapper();
    expect(keys.down(key('a', 'KeyA'))).toEqual({ t: 'text', text: 'a' });
    expect(keys.down(key('!', 'Digit1'))).toEqual({ t: 'text', text: '!' });
    expect(keys.down(key('@', 'Digit2'))).toEqual({ t: 'text', text: '@' });
    expect(keys.down(key('é', 'Digit2'))).toEqual({ t: 'text', text: 'é' });
    expect(keys.down(key('😀', 'KeyX'))).toEqual({ t: 'text', text: '😀' });
    expect(keys.down(key(' ', 'Space'))).toEqual({ t: 'text', text: ' ' });
    // The key-up of a typed character sends nothing.
    expect(keys.up(key('!', 'Digit1'))).toBeNull();
  });

  it('sends Shift itself as a physical key, down and up', () => {
    const keys = new KeyMapper();
    expect(keys.down(key('Shift', 'ShiftLeft'))).toEqual({ t: 'key', code: 'ShiftLeft', down: true });
    expect(keys.down(key('A', 'KeyA', {}))).toEqual({ t: 'text', text: 'A' });
    expect(keys.up(key('Shift', 'ShiftLeft'))).toEqual({ t: 'key', code: 'ShiftLeft', down: false });
  });

  it('sends Ctrl/Alt/Meta combinations as physical keys', () => {
    const keys = new KeyMapper();
    expect(keys.down(key('Control', 'ControlLeft', { ctrlKey: true }))).toEqual({ t: 'key', code: 'ControlLeft', down: true });
    expect(keys.down(key('c', 'KeyC', { ctrlKey: true }))).toEqual({ t: 'key', code: 'KeyC', down: true });
    expect(keys.up(key('c', 'KeyC', { ctrlKey: true }))).toEqual({ t: 'key', code: 'KeyC', down: false });
    expect(keys.down(key('Tab', 'Tab', { altKey: true }))).toEqual({ t: 'key', code: 'Tab', down: true });
    expect(keys.down(key('r', 'KeyR', { metaKey: true }))).toEqual({ t: 'key', code: 'KeyR', down: true });
  });

  it('treats AltGr characters as typed text', () => {
    const keys = new KeyMapper();
    const altGr = { ctrlKey: true, altKey: true, getModifierState: (k: string) => k === 'AltGraph' };
    expect(keys.down(key('@', 'Digit0', altGr))).toEqual({ t: 'text', text: '@' });
  });

  it('sends named keys and ignores what has no usable code (dead keys, IME)', () => {
    const keys = new KeyMapper();
    expect(keys.down(key('Enter', 'Enter'))).toEqual({ t: 'key', code: 'Enter', down: true });
    expect(keys.down(key('ArrowLeft', 'ArrowLeft'))).toEqual({ t: 'key', code: 'ArrowLeft', down: true });
    expect(keys.down(key('Process', ''))).toBeNull();
    expect(keys.down(key('Unidentified', 'Unidentified-1'))).toBeNull();
  });

  it('releases every key still held, once', () => {
    const keys = new KeyMapper();
    keys.down(key('Control', 'ControlLeft', { ctrlKey: true }));
    keys.down(key('Alt', 'AltLeft', { altKey: true, ctrlKey: true }));
    expect(keys.releaseAll()).toEqual([
      { t: 'key', code: 'ControlLeft', down: false },
      { t: 'key', code: 'AltLeft', down: false },
    ]);
    expect(keys.releaseAll()).toEqual([]);
    expect(keys.up(key('Control', 'ControlLeft'))).toBeNull();
  });
});
