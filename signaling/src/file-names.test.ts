import { FILE_NAME_MAX_LENGTH, FileNameSchema, RelativePathSchema, fileNameProblem, isSafeFileName } from './file-names';

describe('isSafeFileName', () => {
  it.each([
    'report.pdf',
    'Zoë Ångström notes.txt',
    '王小明.docx',
    '.bashrc',
    'a..b',
    'console.log',
    'COM10',
    'LPT0.txt',
    'prn_backup',
    'x'.repeat(FILE_NAME_MAX_LENGTH),
  ])('accepts %j', (name) => {
    expect(isSafeFileName(name)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['.', 'dot name'],
    ['..', 'dot name'],
    ['x'.repeat(FILE_NAME_MAX_LENGTH + 1), 'too long'],
    ['a/b', 'forbidden character'],
    ['a\\b', 'forbidden character'],
    ['../etc', 'forbidden character'],
    ['tab\there', 'forbidden character'],
    ['nul\u0000byte', 'forbidden character'],
    ['del\u007F', 'forbidden character'],
    ['c1\u0085', 'forbidden character'],
    ['a<b', 'forbidden character'],
    ['a>b', 'forbidden character'],
    ['a:b', 'forbidden character'],
    ['a"b', 'forbidden character'],
    ['a|b', 'forbidden character'],
    ['a?b', 'forbidden character'],
    ['a*b', 'forbidden character'],
    ['trailing.', 'trailing dot or space'],
    ['trailing ', 'trailing dot or space'],
    ['CON', 'reserved name'],
    ['con', 'reserved name'],
    ['Aux.txt', 'reserved name'],
    ['nul.tar.gz', 'reserved name'],
    ['COM1', 'reserved name'],
    ['lpt9.log', 'reserved name'],
    ['PRN', 'reserved name'],
  ])('refuses %j (%s)', (name, problem) => {
    expect(isSafeFileName(name)).toBe(false);
    expect(fileNameProblem(name)).toBe(problem);
  });
});

describe('FileNameSchema and RelativePathSchema', () => {
  it('parse safe names and paths, refuse unsafe ones', () => {
    expect(FileNameSchema.safeParse('ok.txt').success).toBe(true);
    expect(FileNameSchema.safeParse('..').success).toBe(false);
    expect(RelativePathSchema.safeParse([]).success).toBe(true);
    expect(RelativePathSchema.safeParse(['docs', '2026']).success).toBe(true);
    expect(RelativePathSchema.safeParse(['docs', '..', 'etc']).success).toBe(false);
    expect(RelativePathSchema.safeParse(['a/b']).success).toBe(false);
    expect(RelativePathSchema.safeParse(Array.from({ length: 33 }, () => 'd')).success).toBe(false);
  });
});
