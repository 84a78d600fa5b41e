import { isSessionNumber, normaliseSessionNumber } from '@rs/web-common';

/** The console link that makes another agent an assistant of a session: `<origin>/console/#assist=123456789` (R1.3). */
export function assistLinkFor(sessionNumber: string): string {
  return `${window.location.origin}${window.location.pathname}#assist=${sessionNumber}`;
}

/** The session number in an assist link's fragment, if any. */
export function assistNumberFromHash(hash: string): string | null {
  const match = /(?:^#|&)assist=([\d\s-]+)/.exec(hash);
  const digits = match?.[1] ? normaliseSessionNumber(match[1]) : '';
  return isSessionNumber(digits) ? digits : null;
}

/** Removes the fragment once it has been acted on, so a reload does not assist again. */
export function clearAssistHash(): void {
  history.replaceState(null, '', window.location.pathname + window.location.search);
}
