import { LIMITS, QUEUE_LIMITS, localized, type HelpFormAnswers, type HelpResponse, type PublicQueue } from '@rs/signaling';
import { StatusLine, TypedEmitter, bindText, getLanguage, h, onLanguageChange, replaceChildren, type MessageKey } from '@rs/web-common';
import { adminField, builtInField, type FieldInput } from './form-field-inputs';
import { HelpRequestError, type HelpLink, type HelpRequestManager } from './help-request';

export type HelpFormEvents = { queued: [HelpResponse] };

/** A plain check of an e-mail address (the server checks it properly). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The pre-session form (R1.1): the queue when there are several, name (required),
 * e-mail, problem and the queue's own fields. Checked here for the obvious, then by
 * the server, whose refusals are shown on the fields they concern.
 */
export class HelpFormView {
  readonly events = new TypedEmitter<HelpFormEvents>();
  readonly element: HTMLElement;
  private readonly queuePicker: HTMLFieldSetElement;
  private readonly builtIn: { name: FieldInput; email: FieldInput; problem: FieldInput };
  private readonly extraFields: HTMLElement;
  private extra: FieldInput[] = [];
  private readonly error = new StatusLine('help-error', 'form-error');
  private readonly submit: HTMLButtonElement;
  private queueId: string;

  constructor(
    private readonly manager: HelpRequestManager,
    private readonly queues: PublicQueue[],
    private readonly link: HelpLink,
  ) {
    this.error.element.setAttribute('role', 'alert');
    this.queueId = queues.find((queue) => queue.id === link.queueId)?.id ?? queues[0]?.id ?? '';
    this.queuePicker = this.createQueuePicker();
    this.builtIn = {
      name: builtInField('name', 'help-name', 'help.nameLabel', { kind: 'text', required: true, maxLength: LIMITS.displayNameLength, autocomplete: 'name' }),
      email: builtInField('email', 'help-email', 'help.emailLabel', { kind: 'email', required: false, maxLength: QUEUE_LIMITS.emailLength, autocomplete: 'email' }),
      problem: builtInField('problem', 'help-problem', 'help.problemLabel', { kind: 'textarea', required: false, maxLength: QUEUE_LIMITS.problemLength, hint: 'help.problemHint' }),
    };
    this.extraFields = h('div', { className: 'form help-extra-fields' });
    this.submit = h('button', { className: 'btn btn-primary btn-block', testId: 'help-submit', i18n: 'help.submit', attrs: { type: 'submit' } });
    const from = link.referrer ? h('p', { className: 'field-hint help-from', testId: 'help-referrer', i18n: 'help.fromPage', params: { page: shortPage(link.referrer) } }) : null;
    const form = h('form', { className: 'form', testId: 'help-form', attrs: { novalidate: true }, on: { submit: (event) => void this.onSubmit(event) } }, [
      this.queuePicker,
      this.builtIn.name.element,
      this.builtIn.email.element,
      this.builtIn.problem.element,
      this.extraFields,
      this.error.element,
      this.submit,
      from,
    ]);
    this.element = h('section', { className: 'card help-card', testId: 'help-page' }, [
      h('h1', { className: 'card-title', i18n: 'help.title' }),
      h('p', { className: 'card-intro', i18n: 'help.intro' }),
      form,
    ]);
    this.renderExtraFields();
  }

  focus(): void {
    this.builtIn.name.control.focus();
  }

  /** Radio buttons, one per queue; hidden when there is only one (or the site chose it). */
  private createQueuePicker(): HTMLFieldSetElement {
    const options = this.queues.map((queue) => {
      const radio = h('input', {
        testId: 'help-queue-option',
        attrs: { type: 'radio', name: 'help-queue', value: queue.id, id: `help-queue-${queue.id}`, checked: queue.id === this.queueId, 'data-queue-id': queue.id },
        on: { change: () => this.selectQueue(queue.id) },
      });
      const name = h('span', { className: 'queue-choice-name', userText: localized(queue.name, getLanguage()) });
      const off = onLanguageChange((language) => (name.isConnected ? (name.textContent = localized(queue.name, language)) : off()));
      return h('label', { className: 'queue-choice', attrs: { for: radio.id } }, [radio, name]);
    });
    const picker = h('fieldset', { className: 'queue-choices', testId: 'help-queue' }, [h('legend', { i18n: 'help.queueLabel' }), ...options]);
    picker.hidden = this.queues.length < 2 || this.queues.some((queue) => queue.id === this.link.queueId);
    return picker;
  }

  private selectQueue(queueId: string): void {
    this.queueId = queueId;
    this.renderExtraFields();
  }

  private renderExtraFields(): void {
    const queue = this.queues.find((each) => each.id === this.queueId);
    this.extra = (queue?.formFields ?? []).map(adminField);
    replaceChildren(this.extraFields, this.extra.map((field) => field.element));
    this.extraFields.hidden = this.extra.length === 0;
  }

  private get fields(): FieldInput[] {
    return [this.builtIn.name, this.builtIn.email, this.builtIn.problem, ...this.extra];
  }

  /** The obvious mistakes, before asking the server: name and required fields empty, a malformed e-mail. */
  private checkLocally(): Record<string, 'help.nameRequired' | 'help.fieldRequired' | 'help.emailInvalid'> {
    const problems: Record<string, 'help.nameRequired' | 'help.fieldRequired' | 'help.emailInvalid'> = {};
    if (!this.builtIn.name.value()) problems.name = 'help.nameRequired';
    const email = this.builtIn.email.value();
    if (email && !EMAIL.test(email)) problems.email = 'help.emailInvalid';
    for (const field of this.extra) {
      const empty = field.control instanceof HTMLInputElement && field.control.type === 'checkbox' ? !field.control.checked : !field.value();
      if (field.control.required && empty) problems[field.id] = 'help.fieldRequired';
    }
    return problems;
  }

  private answers(): HelpFormAnswers {
    return {
      name: this.builtIn.name.value(),
      email: this.builtIn.email.value(),
      problem: this.builtIn.problem.value(),
      fields: Object.fromEntries(this.extra.map((field) => [field.id, field.value()])),
    };
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submit.disabled) return;
    this.markFields({});
    this.error.clear();
    const local = this.checkLocally();
    if (Object.keys(local).length > 0) return this.markFields(local);
    this.setBusy(true);
    try {
      this.events.emit('queued', await this.manager.submit(this.queueId, this.answers(), this.link));
    } catch (error) {
      const failure = error instanceof HelpRequestError ? error : new HelpRequestError('error.generic');
      this.error.show(failure.messageKey, 'error', failure.params, 'refused');
      this.markFields(failure.fields);
    } finally {
      this.setBusy(false);
    }
  }

  /** Shows each field's problem under it and moves the cursor to the first one. */
  private markFields(problems: Record<string, MessageKey>, focus = true): void {
    let first: FieldInput | null = null;
    for (const field of this.fields) {
      const problem = problems[field.id];
      field.control.setAttribute('aria-invalid', String(problem !== undefined));
      if (problem) {
        bindText(field.error, problem);
        first ??= field;
      } else {
        field.error.textContent = '';
        delete field.error.dataset.i18n;
      }
    }
    if (focus) first?.control.focus();
  }

  private setBusy(busy: boolean): void {
    this.submit.disabled = busy;
    bindText(this.submit, busy ? 'help.submitting' : 'help.submit');
    this.element.setAttribute('aria-busy', String(busy));
  }
}

/** The referring page as people read it: host and path, without the query. */
function shortPage(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}
