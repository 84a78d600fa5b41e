import { LanguageSchema, type Language } from '@rs/signaling';

/** An admin text per language as typed: English always (required by the schema), other languages when filled in. */
export function localizedValues(read: (language: Language) => string): Record<string, string> {
  const entries = LanguageSchema.options.map((language): [Language, string] => [language, read(language).trim()]);
  return Object.fromEntries(entries.filter(([language, value]) => language === 'en' || value.length > 0));
}
