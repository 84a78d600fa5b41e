import { FS_LIST_MAX_ENTRIES } from '@rs/signaling';
import { checkAnswer } from './folder-service';

const entry = (name: string) => ({ name, kind: 'file' as const, size: 1, lastModified: 1 });

describe('the customer app answer to a folder operation', () => {
  it('passes a safe listing, drops and counts unsafe names', () => {
    expect(checkAnswer({ ok: true, entries: [entry('a.txt'), entry('..'), entry('x/y'), entry('CON'), entry('b')] })).toEqual({ ok: true, entries: [entry('a.txt'), entry('b')], skipped: 3 });
  });

  it('caps a listing at FS_LIST_MAX_ENTRIES (the rest counted as skipped)', () => {
    const many = Array.from({ length: FS_LIST_MAX_ENTRIES + 5 }, (_, i) => entry(`f${i}`));
    const checked = checkAnswer({ ok: true, entries: many });
    expect(checked).toMatchObject({ ok: true, skipped: 5 });
  });

  it('keeps the refusal codes and turns anything malformed into FS_ERROR', () => {
    expect(checkAnswer({ ok: false, code: 'EXISTS' })).toEqual({ ok: false, code: 'EXISTS' });
    expect(checkAnswer({ ok: true })).toEqual({ ok: true, skipped: 0 });
    for (const reply of [undefined, null, 'ok', { ok: false, code: 'WHATEVER' }, { ok: true, entries: [{ name: 'a' }] }]) {
      expect(checkAnswer(reply)).toEqual({ ok: false, code: 'FS_ERROR' });
    }
  });
});
