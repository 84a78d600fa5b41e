import { LanguageSchema, QueueRoutingSchema, QueueSettingsSchema, type Language, type Queue, type QueueRouting } from '@rs/signaling';
import { LANGUAGE_NAMES, StatusLine, bindText, h, replaceChildren, type MessageKey } from '@rs/web-common';
import { FormFieldsEditor } from './form-fields-editor';
import { localizedValues } from './localized-values';
import { QueueAdminManager } from './queue-admin-manager';

const ROUTING_NAMES: Record<QueueRouting, MessageKey> = {
  manual: 'queues.routing.manual',
  'longest-idle': 'queues.routing.longest-idle',
  'fewest-active': 'queues.routing.fewest-active',
};

const DEFAULTS = { offerTimeoutSeconds: 30, maxWaitSeconds: 900, wrapUpSeconds: 30, missedOffersBeforeAway: 3 };

function numberInput(testId: string, min: number, max: number): HTMLInputElement {
  return h('input', { className: 'input input-small', testId, attrs: { id: testId, type: 'number', min, max, step: 1 } });
}

function labelled(label: MessageKey, control: HTMLElement, params?: Record<string, string>): HTMLElement {
  return h('div', { className: 'field' }, [h('label', { i18n: label, params, attrs: { for: control.id } }), control]);
}

/** Create or edit a queue: names and greetings per language, routing and its times, members, form fields. */
export class QueueEditorView {
  readonly element: HTMLElement;
  private readonly names: Record<Language, HTMLInputElement>;
  private readonly greetings: Record<Language, HTMLTextAreaElement>;
  private readonly routing: HTMLSelectElement;
  private readonly numbers: Record<'offerTimeoutSeconds' | 'maxWaitSeconds' | 'wrapUpSeconds' | 'missedOffersBeforeAway' | 'maxSessionsPerAgent', HTMLInputElement>;
  private readonly members = h('div', { className: 'member-list', testId: 'queue-members' });
  private readonly fields = new FormFieldsEditor();
  private readonly title = h('h2', { className: 'panel-title', i18n: 'queueAdmin.new' });
  private readonly status = new StatusLine('queue-editor-status', 'form-error');
  private editing: Queue | null = null;

  constructor(private readonly manager: QueueAdminManager) {
    const perLanguage = <T extends HTMLElement>(make: (language: Language) => T): Record<Language, T> =>
      Object.fromEntries(LanguageSchema.options.map((language) => [language, make(language)])) as Record<Language, T>;
    this.names = perLanguage((language) => h('input', { className: 'input', testId: `queue-name-${language}`, attrs: { id: `queue-name-${language}`, lang: language, maxlength: 80 } }));
    this.greetings = perLanguage((language) => h('textarea', { className: 'input input-textarea', testId: `queue-greeting-${language}`, attrs: { id: `queue-greeting-${language}`, lang: language, rows: 2, maxlength: 1000 } }));
    this.routing = h('select', { className: 'input', testId: 'queue-routing', attrs: { id: 'queue-routing' } }, QueueRoutingSchema.options.map((each) => h('option', { i18n: ROUTING_NAMES[each], attrs: { value: each } })));
    this.numbers = {
      offerTimeoutSeconds: numberInput('queue-offer-timeout', 5, 300),
      maxWaitSeconds: numberInput('queue-max-wait', 30, 86_400),
      wrapUpSeconds: numberInput('queue-wrap-up', 0, 900),
      missedOffersBeforeAway: numberInput('queue-missed-offers', 1, 20),
      maxSessionsPerAgent: numberInput('queue-max-sessions', 1, 100),
    };
    const save = h('button', { className: 'btn btn-primary', testId: 'queue-save', i18n: 'queueAdmin.save', attrs: { type: 'submit' } });
    const cancel = h('button', { className: 'btn btn-secondary', testId: 'queue-new', i18n: 'queueAdmin.new', attrs: { type: 'button' }, on: { click: () => this.edit(null) } });
    this.element = h('form', { className: 'panel form queue-editor', testId: 'queue-editor', attrs: { novalidate: true }, on: { submit: (event) => void this.save(event, save) } }, [
      this.title,
      h('div', { className: 'form-row' }, LanguageSchema.options.map((language) => labelled('queueAdmin.name', this.names[language], { language: LANGUAGE_NAMES[language] }))),
      h('div', { className: 'form-row' }, LanguageSchema.options.map((language) => labelled('queueAdmin.greeting', this.greetings[language], { language: LANGUAGE_NAMES[language] }))),
      h('div', { className: 'form-row' }, [
        labelled('queueAdmin.routing', this.routing),
        labelled('queueAdmin.offerTimeout', this.numbers.offerTimeoutSeconds),
        labelled('queueAdmin.maxWait', this.numbers.maxWaitSeconds),
      ]),
      h('div', { className: 'form-row' }, [
        labelled('queueAdmin.maxSessions', this.numbers.maxSessionsPerAgent),
        labelled('queueAdmin.wrapUp', this.numbers.wrapUpSeconds),
        labelled('queueAdmin.missedOffers', this.numbers.missedOffersBeforeAway),
      ]),
      h('fieldset', { className: 'member-fieldset' }, [h('legend', { i18n: 'queueAdmin.members' }), this.members]),
      this.fields.element,
      this.status.element,
      h('div', { className: 'form-actions' }, [save, cancel]),
    ]);
    manager.events.on('changed', () => this.renderMembers(this.readMembers()));
    this.edit(null);
  }

  /** Fills the form from a queue (null: a new one with defaults). */
  edit(queue: Queue | null): void {
    this.editing = queue;
    bindText(this.title, queue ? 'queueAdmin.edit' : 'queueAdmin.new');
    for (const language of LanguageSchema.options) {
      this.names[language].value = queue?.name[language] ?? '';
      this.greetings[language].value = queue?.greeting[language] ?? '';
    }
    this.routing.value = queue?.routing ?? 'manual';
    this.numbers.offerTimeoutSeconds.value = String(queue?.offerTimeoutSeconds ?? DEFAULTS.offerTimeoutSeconds);
    this.numbers.maxWaitSeconds.value = String(queue?.maxWaitSeconds ?? DEFAULTS.maxWaitSeconds);
    this.numbers.wrapUpSeconds.value = String(queue?.wrapUpSeconds ?? DEFAULTS.wrapUpSeconds);
    this.numbers.missedOffersBeforeAway.value = String(queue?.missedOffersBeforeAway ?? DEFAULTS.missedOffersBeforeAway);
    this.numbers.maxSessionsPerAgent.value = queue?.maxSessionsPerAgent ? String(queue.maxSessionsPerAgent) : '';
    this.renderMembers(queue?.members ?? []);
    this.fields.set(queue?.formFields ?? []);
    this.status.clear();
    if (queue) this.names.en.focus();
  }

  private renderMembers(checked: string[]): void {
    replaceChildren(
      this.members,
      this.manager.agents.map((agent) => {
        const box = h('input', { testId: 'queue-member', attrs: { type: 'checkbox', value: agent.id, 'data-username': agent.username, checked: checked.includes(agent.id) } });
        return h('label', { className: 'checkbox-row' }, [box, h('span', { userText: `${agent.displayName} (${agent.username})` })]);
      }),
    );
  }

  private readMembers(): string[] {
    return [...this.members.querySelectorAll<HTMLInputElement>('input:checked')].map((box) => box.value);
  }

  private async save(event: SubmitEvent, button: HTMLButtonElement): Promise<void> {
    event.preventDefault();
    const number = (input: HTMLInputElement): number => Number(input.value);
    const parsed = QueueSettingsSchema.safeParse({
      name: localizedValues((language) => this.names[language].value),
      greeting: localizedValues((language) => this.greetings[language].value),
      routing: this.routing.value,
      offerTimeoutSeconds: number(this.numbers.offerTimeoutSeconds),
      maxWaitSeconds: number(this.numbers.maxWaitSeconds),
      maxSessionsPerAgent: this.numbers.maxSessionsPerAgent.value.trim() ? number(this.numbers.maxSessionsPerAgent) : null,
      wrapUpSeconds: number(this.numbers.wrapUpSeconds),
      missedOffersBeforeAway: number(this.numbers.missedOffersBeforeAway),
      members: this.readMembers(),
      formFields: this.fields.read(),
    });
    if (!parsed.success) return this.status.show('queueAdmin.invalid', 'error', undefined, 'invalid');
    button.disabled = true;
    this.status.clear();
    try {
      const saved = await this.manager.saveQueue(this.editing?.id ?? null, parsed.data);
      this.status.show('queueAdmin.saved', 'success', { name: saved.name.en }, 'saved');
      this.editing = saved;
    } catch (error) {
      this.status.show(QueueAdminManager.messageFor(error, 'queueAdmin.failed'), 'error', undefined, 'failed');
    } finally {
      button.disabled = false;
    }
  }
}
