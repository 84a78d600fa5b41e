import { LIMITS } from './limits';
import { DisplayNameSchema } from './models';
import { nameSchema, sanitizeName } from './text';

describe('sanitizeName', () => {
  it.each([
    ['\u202Eevil', 'evil'],
    ['a\u202Ab\u202Bc\u202Cd\u202De', 'abcde'],
    ['\u2066iso\u2067late\u2068d\u2069', 'isolated'],
    ['\u200Emark\u200F\u061C', 'mark'],
    ['tab\there\nnew\r\nline', 'tab here new line'],
    ['nul\u0000bell\u0007del\u007Fc1\u0085', 'nulbelldelc1'],
    ['  lots   of\u00A0 space  ', 'lots of space'],
    ['zero\u200Bwidth\uFEFF\u2060', 'zerowidth'],
    ['line\u2028sep\u2029', 'line sep'],
    ['lone \uD800 surrogate', 'lone surrogate'],
  ])('%j -> %j', (input, expected) => {
    expect(sanitizeName(input)).toBe(expected);
  });

  it('keeps real scripts, emoji sequences and the joiners they need', () => {
    for (const name of ['Zoë Ångström', '王小明', 'مريم', 'שלום', 'می\u200Cخواهم', '👩\u200D💻 Dev', 'Nguyễn']) {
      expect(sanitizeName(name)).toBe(name.normalize('NFC'));
    }
  });

  it('caps stacked combining marks (no towering "zalgo" names)', () => {
    expect(sanitizeName(`a${'\u0301'.repeat(40)}b`)).toBe(`a${'\u0301'.repeat(4)}b`.normalize('NFC'));
  });
});

describe('nameSchema', () => {
  it('stores the name without the override and refuses what is empty once cleaned', () => {
    expect(DisplayNameSchema.parse('\u202Eevil\u202C')).toBe('evil');
    expect(DisplayNameSchema.safeParse('\u202E\u200F\u2066').success).toBe(false);
    expect(DisplayNameSchema.safeParse(42).success).toBe(false);
  });

  it('limits the length after cleaning', () => {
    const schema = nameSchema(8);
    expect(schema.parse(`\u202E${'x'.repeat(8)}`)).toBe('xxxxxxxx');
    expect(schema.safeParse('x'.repeat(9)).success).toBe(false);
    expect(DisplayNameSchema.safeParse('y'.repeat(LIMITS.displayNameLength + 1)).success).toBe(false);
  });
});
