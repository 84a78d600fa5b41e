/** `123456789` -> `123 456 789`, the way people read it aloud. */
export function formatSessionNumber(number: string): string {
  return number.replace(/\D/g, '').replace(/(\d{3})(?=\d)/g, '$1 ');
}

/** Keeps the digits of what a person typed or pasted (`123 456-789` -> `123456789`). */
export function normaliseSessionNumber(input: string): string {
  return input.replace(/\D/g, '');
}

export function isSessionNumber(value: string): boolean {
  return /^\d{9}$/.test(value);
}

/** The number in a join link's fragment (`#s=123456789`), if any. */
export function sessionNumberFromHash(hash: string): string | null {
  const match = /(?:^#|&)s=([\d\s-]+)/.exec(hash);
  const digits = match?.[1] ? normaliseSessionNumber(match[1]) : '';
  return isSessionNumber(digits) ? digits : null;
}
