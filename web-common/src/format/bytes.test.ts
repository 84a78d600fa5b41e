import { DEFAULT_FILE_TRANSFER_MAX_BYTES } from '@rs/signaling';
import { formatBytes as format } from './bytes';

/** Intl separates number and unit with a (narrow) no-break space in some languages: compare with plain spaces. */
const formatBytes = (bytes: number, language: string) => format(bytes, language).replace(/\s/g, ' ');

describe('formatBytes', () => {
  it('uses decimal units with one decimal below 100', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(999, 'en')).toBe('999 bytes');
    expect(formatBytes(3400, 'en')).toBe('3.4 kB');
    expect(formatBytes(150_000_000, 'en')).toBe('150 MB');
    expect(formatBytes(4 * 1024 ** 3, 'en')).toBe('4.3 GB');
    expect(formatBytes(999_960, 'en')).toBe('1 MB');
    expect(formatBytes(999_400, 'en')).toBe('999 kB');
  });

  it('shows the default limit as the manual says it: 150 MB (150 000 000 bytes), in every language', () => {
    expect(DEFAULT_FILE_TRANSFER_MAX_BYTES).toBe(150_000_000);
    expect(formatBytes(DEFAULT_FILE_TRANSFER_MAX_BYTES, 'en')).toBe('150 MB');
    expect(formatBytes(DEFAULT_FILE_TRANSFER_MAX_BYTES, 'fr')).toBe('150 Mo');
    expect(formatBytes(DEFAULT_FILE_TRANSFER_MAX_BYTES, 'nl')).toBe('150 MB');
    expect(formatBytes(DEFAULT_FILE_TRANSFER_MAX_BYTES, 'zh-TW')).toBe('150 MB');
    expect(formatBytes(3400, 'fr')).toBe('3,4 ko');
    expect(formatBytes(12, 'fr')).toBe('12 octets');
  });
});
