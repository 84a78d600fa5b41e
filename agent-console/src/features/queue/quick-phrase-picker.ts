import { LanguageSchema, type Language } from '@rs/signaling';
import { LANGUAGE_NAMES, codeBeforeCursor, h, replaceChildren, type ChatPanelView } from '@rs/web-common';
import type { QuickPhraseBook } from './quick-phrases';

let pickers = 0;

/**
 * Quick phrases in a session's chat box (R6.2): a picker under the message box
 * (language first set to the session's), and `/code` + Tab, Space or Enter typed
 * in the box replaced by the phrase in the session's language.
 */
export function attachQuickPhrases(chat: ChatPanelView, book: QuickPhraseBook, sessionLanguage: () => Language): void {
  const id = `quick-phrases-${++pickers}`;
  let language: Language | null = null;
  const current = (): Language => language ?? sessionLanguage();
  const list = h('ul', { className: 'quick-phrase-list', testId: 'quick-phrase-list' });
  const languageSelect = h(
    'select',
    { className: 'input input-small', testId: 'quick-phrase-language', i18nAttrs: { 'aria-label': 'phrases.language' } },
    LanguageSchema.options.map((each) => h('option', { text: LANGUAGE_NAMES[each], attrs: { value: each, lang: each } })),
  );
  const panel = h('div', { className: 'quick-phrase-panel', testId: 'quick-phrase-panel', attrs: { id, role: 'group' } }, [
    h('div', { className: 'quick-phrase-top' }, [languageSelect, h('p', { className: 'field-hint', i18n: 'phrases.hint' })]),
    list,
  ]);
  panel.hidden = true;
  const toggle = h('button', {
    className: 'btn btn-secondary btn-small',
    testId: 'quick-phrase-open',
    i18n: 'phrases.open',
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': id },
  });

  const close = (focusInput: boolean): void => {
    panel.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    if (focusInput) chat.input.focus();
  };
  const render = (): void => {
    languageSelect.value = current();
    const phrases = book.inLanguage(current());
    replaceChildren(
      list,
      phrases.length === 0
        ? [h('li', { className: 'entry-muted', i18n: 'phrases.none' })]
        : phrases.map((phrase) =>
            h('li', {}, [
              h(
                'button',
                {
                  className: 'quick-phrase',
                  testId: 'quick-phrase',
                  attrs: { type: 'button', 'data-code': phrase.code, lang: phrase.language },
                  on: {
                    click: () => {
                      close(false);
                      chat.insertText(phrase.text);
                    },
                  },
                },
                [h('span', { className: 'quick-phrase-code', text: `/${phrase.code}` }), h('span', { className: 'quick-phrase-title', userText: phrase.title }), h('span', { className: 'quick-phrase-text', userText: phrase.text })],
              ),
            ]),
          ),
    );
  };
  toggle.addEventListener('click', () => {
    const opening = panel.hidden;
    if (!opening) return close(true);
    panel.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    void book.reload().then(() => {
      render();
      list.querySelector<HTMLButtonElement>('button')?.focus();
    });
  });
  languageSelect.addEventListener('change', () => {
    const chosen = LanguageSchema.safeParse(languageSelect.value);
    if (chosen.success) language = chosen.data;
    render();
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close(true);
  });

  // `/code` then Tab, Space or Enter: the phrase replaces the code (in the session's language).
  void book.load();
  chat.input.addEventListener('keydown', (event) => {
    if (event.isComposing || !(event.key === 'Tab' || event.key === ' ' || event.key === 'Enter') || event.shiftKey) return;
    const input = chat.input;
    const typed = codeBeforeCursor(input.value, input.selectionStart ?? input.value.length);
    const phrase = typed ? book.find(typed.code, current()) : null;
    if (!typed || !phrase) return;
    event.preventDefault();
    chat.insertText(phrase.text, typed.length);
  });
  chat.addComposerTool(toggle);
  chat.addComposerTool(panel);
}
