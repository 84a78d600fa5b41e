export const LANGUAGES = ['en', 'fr', 'zh-TW', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, for the picker. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  'zh-TW': '繁體中文',
  nl: 'Nederlands',
};

/** Maps a BCP 47 tag to a supported language (`fr-CA` -> fr, `zh-Hant-HK` -> zh-TW), or null. */
export function matchLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase();
  if (lower.startsWith('zh')) {
    // Traditional Chinese is the one we ship; simplified-only tags get it too rather than English.
    return 'zh-TW';
  }
  const base = lower.split('-')[0];
  return LANGUAGES.find((language) => language.toLowerCase() === base) ?? null;
}

/** First match of: `?lang=`, the stored choice, the browser's languages; English otherwise. */
export function detectLanguage(queryLang: string | null, storedLang: string | null, browserLangs: readonly string[]): Language {
  for (const candidate of [queryLang, storedLang, ...browserLangs]) {
    const language = matchLanguage(candidate);
    if (language) return language;
  }
  return 'en';
}
