import { codeBeforeCursor } from './quick-phrase-code';

describe('quick-phrase codes typed in the chat box', () => {
  it('finds /code at the start or after a space, just before the cursor', () => {
    expect(codeBeforeCursor('/hello', 6)).toEqual({ code: 'hello', length: 6 });
    expect(codeBeforeCursor('Sure. /wait-1', 13)).toEqual({ code: 'wait-1', length: 7 });
    expect(codeBeforeCursor('/hello there', 6)).toEqual({ code: 'hello', length: 6 });
  });

  it('ignores slashes inside words, paths and text after the cursor', () => {
    expect(codeBeforeCursor('and/or', 6)).toBeNull();
    expect(codeBeforeCursor('see /hello there', 16)).toBeNull();
    expect(codeBeforeCursor('/', 1)).toBeNull();
    expect(codeBeforeCursor('/Hello', 6)).toBeNull();
  });
});
