import { LanguageSchema, QuickPhraseSettingsSchema, localized, type QuickPhrase } from '@rs/signaling';
import { LANGUAGE_NAMES, StatusLine, getLanguage, h, replaceChildren, type MessageKey } from '@rs/web-common';
import { QueueAdminManager } from './queue-admin-manager';

function field(label: MessageKey, control: HTMLElement): HTMLElement {
  return h('div', { className: 'field' }, [h('label', { i18n: label, attrs: { for: control.id } }), control]);
}

/** Quick phrases (R6.2): per language, for every queue or one; agents type /code or pick them. */
export class QuickPhrasesAdminView {
  readonly element: HTMLElement;
  private readonly body = h('tbody', { testId: 'phrase-rows' });
  private readonly empty = h('p', { className: 'field-hint', i18n: 'phraseAdmin.none' });
  private readonly status = new StatusLine('phrase-status', 'form-error');
  private readonly language: HTMLSelectElement;
  private readonly queue = h('select', { className: 'input', testId: 'phrase-queue', attrs: { id: 'phrase-queue' } });
  private readonly code = h('input', { className: 'input mono', testId: 'phrase-code', attrs: { id: 'phrase-code', maxlength: 16, placeholder: 'hello', autocomplete: 'off' } });
  private readonly title = h('input', { className: 'input', testId: 'phrase-title', attrs: { id: 'phrase-title', maxlength: 80 } });
  private readonly text = h('textarea', { className: 'input input-textarea', testId: 'phrase-text', attrs: { id: 'phrase-text', rows: 3 } });

  constructor(private readonly manager: QueueAdminManager) {
    this.language = h('select', { className: 'input', testId: 'phrase-language', attrs: { id: 'phrase-language' } }, LanguageSchema.options.map((each) => h('option', { text: LANGUAGE_NAMES[each], attrs: { value: each } })));
    const add = h('button', { className: 'btn btn-primary', testId: 'phrase-add', i18n: 'phraseAdmin.add', attrs: { type: 'submit' } });
    const header = (['phraseAdmin.code', 'phraseAdmin.language', 'phraseAdmin.queue', 'phraseAdmin.phraseTitle', 'phraseAdmin.text', 'admin.actions'] as const).map((key) => h('th', { i18n: key, attrs: { scope: 'col' } }));
    this.element = h('div', { className: 'admin-section' }, [
      h('section', { className: 'panel', testId: 'phrases-admin' }, [
        h('h2', { className: 'panel-title', i18n: 'phraseAdmin.title' }),
        h('table', { className: 'data-table' }, [h('thead', {}, [h('tr', {}, header)]), this.body]),
        this.empty,
      ]),
      h('form', { className: 'panel form', testId: 'phrase-form', attrs: { novalidate: true }, on: { submit: (event) => void this.add(event, add) } }, [
        h('div', { className: 'form-row' }, [field('phraseAdmin.language', this.language), field('phraseAdmin.queue', this.queue), field('phraseAdmin.code', this.code)]),
        field('phraseAdmin.phraseTitle', this.title),
        field('phraseAdmin.text', this.text),
        this.status.element,
        h('div', { className: 'form-actions' }, [add]),
      ]),
    ]);
    manager.events.on('changed', () => this.render());
    this.render();
  }

  private queueName(queueId: string | null): string | null {
    const queue = this.manager.queues.find((each) => each.id === queueId);
    return queue ? localized(queue.name, getLanguage()) : null;
  }

  private render(): void {
    const chosen = this.queue.value;
    replaceChildren(this.queue, [
      h('option', { i18n: 'phraseAdmin.allQueues', attrs: { value: '' } }),
      ...this.manager.queues.map((queue) => h('option', { userText: localized(queue.name, getLanguage()), attrs: { value: queue.id } })),
    ]);
    this.queue.value = this.manager.queues.some((queue) => queue.id === chosen) ? chosen : '';
    this.empty.hidden = this.manager.phrases.length > 0;
    replaceChildren(this.body, [...this.manager.phrases].sort((a, b) => a.code.localeCompare(b.code)).map((phrase) => this.row(phrase)));
  }

  private row(phrase: QuickPhrase): HTMLElement {
    const queue = this.queueName(phrase.queueId);
    return h('tr', { testId: 'phrase-row', attrs: { 'data-code': phrase.code, 'data-language': phrase.language } }, [
      h('td', { className: 'mono', text: `/${phrase.code}` }),
      h('td', { text: LANGUAGE_NAMES[phrase.language] }),
      queue === null ? h('td', { i18n: 'phraseAdmin.allQueues' }) : h('td', { userText: queue }),
      h('td', { userText: phrase.title }),
      h('td', { className: 'phrase-text', userText: phrase.text }),
      h('td', {}, [
        h('button', { className: 'btn btn-ghost btn-small', testId: 'phrase-delete', i18n: 'phraseAdmin.delete', attrs: { type: 'button' }, on: { click: () => void this.remove(phrase) } }),
      ]),
    ]);
  }

  private async add(event: SubmitEvent, button: HTMLButtonElement): Promise<void> {
    event.preventDefault();
    const parsed = QuickPhraseSettingsSchema.safeParse({
      language: this.language.value,
      queueId: this.queue.value || null,
      code: this.code.value.trim().replace(/^\//, '').toLowerCase(),
      title: this.title.value,
      text: this.text.value,
    });
    if (!parsed.success) return this.status.show('phraseAdmin.invalid', 'error', undefined, 'invalid');
    button.disabled = true;
    try {
      const created = await this.manager.addPhrase(parsed.data);
      this.status.show('phraseAdmin.added', 'success', { code: created.code }, 'added');
      for (const input of [this.code, this.title, this.text]) input.value = '';
    } catch (error) {
      this.status.show(QueueAdminManager.messageFor(error, 'phraseAdmin.failed'), 'error', undefined, 'failed');
    } finally {
      button.disabled = false;
    }
  }

  private async remove(phrase: QuickPhrase): Promise<void> {
    try {
      await this.manager.deletePhrase(phrase.id);
    } catch (error) {
      this.status.show(QueueAdminManager.messageFor(error, 'phraseAdmin.failed'), 'error', undefined, 'failed');
    }
  }
}
