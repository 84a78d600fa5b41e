import { enHelpButton } from '../../../web-common/src/i18n/catalogs/queue/en';
import { frHelpButton } from '../../../web-common/src/i18n/catalogs/queue/fr';
import { nlHelpButton } from '../../../web-common/src/i18n/catalogs/queue/nl';
import { zhTWHelpButton } from '../../../web-common/src/i18n/catalogs/queue/zh-TW';
import type { Language } from '../../../web-common/src/i18n/language-detection';

const LABELS: Record<Language, string> = {
  en: enHelpButton['helpButton.label'],
  fr: frHelpButton['helpButton.label'],
  'zh-TW': zhTWHelpButton['helpButton.label'],
  nl: nlHelpButton['helpButton.label'],
};

/** The embeddable help button's text (help-button.js carries these four strings and nothing else of the catalogs). */
export function helpButtonLabel(language: Language): string {
  return LABELS[language];
}
