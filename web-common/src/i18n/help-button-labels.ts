import { enHelpButton } from './catalogs/queue/en';
import { frHelpButton } from './catalogs/queue/fr';
import { nlHelpButton } from './catalogs/queue/nl';
import { zhTWHelpButton } from './catalogs/queue/zh-TW';
import type { Language } from './language-detection';

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
