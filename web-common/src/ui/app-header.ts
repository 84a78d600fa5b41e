import type { MessageKey } from '../i18n/catalogs/en';
import { onLanguageChange, t } from '../i18n/i18n';
import { h, type Child } from './dom';
import { createLanguagePicker } from './language-picker';

/** The bar on top of both apps: product name, app-specific items, language picker. */
export function createAppHeader(title: MessageKey, items: Child[] = []): HTMLElement {
  document.title = t(title);
  const off = onLanguageChange(() => {
    if (header.isConnected) document.title = t(title);
    else off();
  });
  const header = h('header', { className: 'app-header' }, [
    h('div', { className: 'brand' }, [
      h('span', { className: 'brand-mark', attrs: { 'aria-hidden': 'true' } }),
      h('span', { className: 'brand-name', i18n: title }),
    ]),
    h('div', { className: 'header-items' }, [...items, createLanguagePicker()]),
  ]);
  return header;
}
