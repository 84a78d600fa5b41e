import { selectPlurals } from './plural';

const SESSIONS = '{count, plural, one {# session} other {# sessions}} · page {page}';

describe('plural forms in messages', () => {
  it('English: one and other', () => {
    expect(selectPlurals(SESSIONS, 'en', { count: 1, page: 1 })).toBe('1 session · page {page}');
    expect(selectPlurals(SESSIONS, 'en', { count: 0 })).toBe('0 sessions · page {page}');
    expect(selectPlurals(SESSIONS, 'en', { count: 2 })).toBe('2 sessions · page {page}');
  });

  it('French: 0 and 1 are singular', () => {
    const fr = '{count, plural, one {# séance} other {# séances}}';
    expect([0, 1, 2].map((count) => selectPlurals(fr, 'fr', { count }))).toEqual(['0 séance', '1 séance', '2 séances']);
  });

  it('Dutch follows its rules; Traditional Chinese has one form', () => {
    const nl = '{count, plural, one {# sessie} other {# sessies}}';
    expect([1, 5].map((count) => selectPlurals(nl, 'nl', { count }))).toEqual(['1 sessie', '5 sessies']);
    expect(selectPlurals('{count, plural, other {# 個工作階段}}', 'zh-TW', { count: 1 })).toBe('1 個工作階段');
  });

  it('exact forms win; large numbers are grouped; other params inside a form survive', () => {
    const t = '{count, plural, =0 {no session} one {# session of {name}} other {# sessions of {name}}}';
    expect(selectPlurals(t, 'en', { count: 0 })).toBe('no session');
    expect(selectPlurals(t, 'en', { count: 1 })).toBe('1 session of {name}');
    expect(selectPlurals(t, 'en', { count: 12000 })).toBe('12,000 sessions of {name}');
  });

  it('a message without plural blocks, or without the number, is left as it is', () => {
    expect(selectPlurals('Hello {name}', 'en', { name: 'x' })).toBe('Hello {name}');
    expect(selectPlurals(SESSIONS, 'en', {})).toBe(SESSIONS);
  });
});
