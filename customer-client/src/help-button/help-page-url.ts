import { matchLanguage } from '../../../web-common/src/i18n/language-detection';

/** The longest referring page passed to the help page (the help request keeps at most this much too). */
export const MAX_REFERRER_LENGTH = 2000;

export interface HelpLinkOptions {
  /** Origin of the support server (where help-button.js was loaded from). */
  origin: string;
  /** A queue chosen by the site (its id), or null to let the customer choose. */
  queue: string | null;
  lang: string | null;
}

/** Our help page for one visit: the page the visitor is on (http/https only), the site's queue and language. */
export function helpPageUrl(options: HelpLinkOptions, referrer: string): string {
  const url = new URL('/help', options.origin);
  if (/^https?:\/\//i.test(referrer)) url.searchParams.set('ref', referrer.slice(0, MAX_REFERRER_LENGTH));
  if (options.queue) url.searchParams.set('queue', options.queue);
  const language = matchLanguage(options.lang);
  if (language) url.searchParams.set('lang', language);
  return url.toString();
}
