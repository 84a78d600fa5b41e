import { getLanguage, onLanguageChange, setLanguage } from '../i18n/i18n';
import { LANGUAGES, LANGUAGE_NAMES, matchLanguage } from '../i18n/language-detection';
import { translateTree } from '../i18n/translate-dom';
import { h } from './dom';

/** A labelled <select> of the shipped languages; choosing one re-translates the page in place. */
export function createLanguagePicker(): HTMLElement {
  const select = h(
    'select',
    { className: 'language-select', testId: 'language-picker', i18nAttrs: { 'aria-label': 'language.label' } },
    LANGUAGES.map((language) =>
      h('option', { text: LANGUAGE_NAMES[language], attrs: { value: language, lang: language, selected: language === getLanguage() } }),
    ),
  );
  select.addEventListener('change', () => {
    const language = matchLanguage(select.value);
    if (language) setLanguage(language);
  });
  const off = onLanguageChange((language) => {
    if (!select.isConnected) return off();
    select.value = language;
    translateTree(document);
  });
  return h('label', { className: 'language-picker' }, [
    createGlobeIcon(),
    select,
  ]);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function createGlobeIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'language-icon');
  svg.setAttribute('aria-hidden', 'true');
  for (const d of ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M3 12h18', 'M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z']) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.appendChild(path);
  }
  return svg;
}
