import { formatBytes } from './bytes';

describe('formatBytes', () => {
  it('uses decimal units with one decimal below 100', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(3400)).toBe('3.4 KB');
    expect(formatBytes(150 * 1024 * 1024)).toBe('157 MB');
    expect(formatBytes(4 * 1024 ** 3)).toBe('4.3 GB');
  });
});
