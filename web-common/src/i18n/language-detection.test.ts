import { detectLanguage, matchLanguage } from './language-detection';

describe('language detection', () => {
  it('maps regional tags to the shipped languages', () => {
    expect(matchLanguage('fr-CA')).toBe('fr');
    expect(matchLanguage('zh-Hant-HK')).toBe('zh-TW');
    expect(matchLanguage('nl-BE')).toBe('nl');
    expect(matchLanguage('de-DE')).toBeNull();
  });

  it('prefers the query, then the stored choice, then the browser', () => {
    expect(detectLanguage('nl', 'fr', ['zh-TW'])).toBe('nl');
    expect(detectLanguage(null, 'fr', ['zh-TW'])).toBe('fr');
    expect(detectLanguage(null, null, ['de', 'zh-TW'])).toBe('zh-TW');
    expect(detectLanguage('xx', null, [])).toBe('en');
  });
});
