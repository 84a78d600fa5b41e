import { getLanguage } from '../i18n/i18n';

/** Hours and minutes in the reader's language (`14:05`, `2:05 PM`, `下午2:05`). */
export function formatClockTime(epochMs: number): string {
  return new Intl.DateTimeFormat(getLanguage(), { hour: 'numeric', minute: '2-digit' }).format(epochMs);
}
