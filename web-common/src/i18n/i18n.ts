import { TypedEmitter } from '../util/typed-emitter';
import { enShared, type Catalog, type MessageKey } from './catalogs/en';
import { frShared } from './catalogs/fr';
import { nlShared } from './catalogs/nl';
import { zhTWShared } from './catalogs/zh-TW';
import { selectPlurals } from './plural';
import { detectLanguage, matchLanguage, type Language } from './language-detection';

export type MessageParams = Record<string, string | number>;

/** The messages of one app in every language (see app-catalogs.ts). */
export type AppCatalogs = Record<Language, Partial<Catalog>>;

let catalogs: AppCatalogs = { en: enShared, fr: frShared, 'zh-TW': zhTWShared, nl: nlShared };
const STORAGE_KEY = 'rs.lang';
const changes = new TypedEmitter<{ changed: [Language] }>();
let current: Language = 'en';

/** The message for `key` in the current language, `{param}`s filled in. */
export function t(key: MessageKey, params?: MessageParams): string {
  const message = catalogs[current][key] ?? catalogs.en[key] ?? key;
  if (!params) return message;
  const template = selectPlurals(message, current, params);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function getLanguage(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
  if (language === current) return;
  current = language;
  document.documentElement.lang = language;
  changes.emit('changed', language);
}

export function onLanguageChange(handler: (language: Language) => void): () => void {
  return changes.on('changed', handler);
}

/**
 * Adds the app's own messages to the shared ones, then picks the language from
 * `?lang=`, the stored choice or the browser, and applies it.
 */
export function initI18n(appCatalogs: AppCatalogs): Language {
  catalogs = {
    en: { ...catalogs.en, ...appCatalogs.en },
    fr: { ...catalogs.fr, ...appCatalogs.fr },
    'zh-TW': { ...catalogs['zh-TW'], ...appCatalogs['zh-TW'] },
    nl: { ...catalogs.nl, ...appCatalogs.nl },
  };
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  const query = new URLSearchParams(window.location.search).get('lang');
  current = detectLanguage(query, stored, navigator.languages ?? [navigator.language]);
  if (matchLanguage(query)) setLanguage(current);
  document.documentElement.lang = current;
  return current;
}
