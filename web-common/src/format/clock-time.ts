import { getLanguage } from '../i18n/i18n';

/** Hours and minutes in the reader's language (`14:05`, `2:05 PM`, `下午2:05`). */
export function formatClockTime(epochMs: number): string {
  return new Intl.DateTimeFormat(getLanguage(), { hour: 'numeric', minute: '2-digit' }).format(epochMs);
}

/** Date and time in the reader's language (`3 Dec 2026, 14:05`). */
export function formatDateTime(epochMs: number): string {
  return new Intl.DateTimeFormat(getLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}
