import { formatSessionNumber, normaliseSessionNumber, sessionNumberFromHash } from './session-number';

describe('session number formatting', () => {
  it('groups nine digits by three', () => {
    expect(formatSessionNumber('123456789')).toBe('123 456 789');
  });

  it('keeps only the digits people typed', () => {
    expect(normaliseSessionNumber(' 123 456-789 ')).toBe('123456789');
  });

  it('reads the number from a join link fragment', () => {
    expect(sessionNumberFromHash('#s=123456789')).toBe('123456789');
    expect(sessionNumberFromHash('#x=1&s=123456789')).toBe('123456789');
    expect(sessionNumberFromHash('#s=1234')).toBeNull();
    expect(sessionNumberFromHash('')).toBeNull();
  });
});
