import { FormFieldKindSchema, LanguageSchema, QUEUE_LIMITS, type FormField, type FormFieldKind, type Language } from '@rs/signaling';
import { LANGUAGE_NAMES, h, replaceChildren, type MessageKey } from '@rs/web-common';
import { localizedValues } from './localized-values';

const KIND_NAMES: Record<FormFieldKind, MessageKey> = {
  text: 'queueAdmin.kind.text',
  textarea: 'queueAdmin.kind.textarea',
  select: 'queueAdmin.kind.select',
  email: 'queueAdmin.kind.email',
  checkbox: 'queueAdmin.kind.checkbox',
};

interface FieldRow {
  element: HTMLElement;
  read(): unknown;
}

/** A queue's pre-session form fields (R1.1): id, label per language, kind, required, options for a list. */
export class FormFieldsEditor {
  readonly element: HTMLElement;
  private readonly list = h('div', { className: 'field-rows' });
  private rows: FieldRow[] = [];

  constructor() {
    const add = h('button', { className: 'btn btn-secondary btn-small', testId: 'queue-add-field', i18n: 'queueAdmin.addField', attrs: { type: 'button' }, on: { click: () => this.add(null) } });
    this.element = h('fieldset', { className: 'form-fields-editor' }, [h('legend', { i18n: 'queueAdmin.fields' }), this.list, add]);
  }

  set(fields: FormField[]): void {
    this.rows = [];
    replaceChildren(this.list, []);
    for (const field of fields) this.add(field);
  }

  /** The fields as typed (the schema checks them). */
  read(): unknown[] {
    return this.rows.map((row) => row.read());
  }

  private add(field: FormField | null): void {
    if (this.rows.length >= QUEUE_LIMITS.formFieldsPerQueue) return;
    const id = h('input', { className: 'input input-small mono', testId: 'field-id', i18nAttrs: { 'aria-label': 'queueAdmin.fieldId' }, attrs: { maxlength: 32, placeholder: 'order_number' } });
    id.value = field?.id ?? '';
    const labels = Object.fromEntries(
      LanguageSchema.options.map((language) => {
        const input = h('input', { className: 'input input-small', testId: `field-label-${language}`, attrs: { maxlength: QUEUE_LIMITS.formFieldLabelLength, lang: language, 'aria-label': LANGUAGE_NAMES[language] } });
        input.value = field?.label[language] ?? '';
        return [language, input];
      }),
    ) as Record<Language, HTMLInputElement>;
    const kind = h(
      'select',
      { className: 'input input-small', testId: 'field-kind', i18nAttrs: { 'aria-label': 'queueAdmin.fieldKind' } },
      FormFieldKindSchema.options.map((each) => h('option', { i18n: KIND_NAMES[each], attrs: { value: each } })),
    );
    kind.value = field?.kind ?? 'text';
    const required = h('input', { testId: 'field-required', attrs: { type: 'checkbox' } });
    required.checked = field?.required ?? false;
    const options = h('textarea', { className: 'input input-textarea', testId: 'field-options', i18nAttrs: { 'aria-label': 'queueAdmin.fieldOptions' }, attrs: { rows: 3 } });
    options.value = (field?.options ?? []).map((option) => option.value).join('\n');
    const optionsRow = h('div', { className: 'field' }, [h('span', { className: 'field-hint', i18n: 'queueAdmin.fieldOptions' }), options]);
    const showOptions = (): void => void (optionsRow.hidden = kind.value !== 'select');
    kind.addEventListener('change', showOptions);
    showOptions();
    const row: FieldRow = {
      element: h('div', { className: 'field-row', testId: 'form-field-row' }, [
        h('div', { className: 'form-row' }, [
          h('label', { className: 'field' }, [h('span', { i18n: 'queueAdmin.fieldId' }), id]),
          h('label', { className: 'field' }, [h('span', { i18n: 'queueAdmin.fieldKind' }), kind]),
          h('label', { className: 'checkbox-row' }, [required, h('span', { i18n: 'queueAdmin.fieldRequired' })]),
        ]),
        h('div', { className: 'form-row' }, LanguageSchema.options.map((language) => h('label', { className: 'field' }, [h('span', { i18n: 'queueAdmin.fieldLabel', params: { language: LANGUAGE_NAMES[language] } }), labels[language]]))),
        optionsRow,
      ]),
      read: () => {
        const label = localizedValues((language) => labels[language].value);
        const values = options.value.split('\n').map((line) => line.trim()).filter(Boolean);
        return {
          id: id.value.trim(),
          label,
          kind: kind.value,
          required: required.checked,
          options: kind.value === 'select' ? values.map((value) => ({ value, label: { en: value } })) : [],
        };
      },
    };
    const remove = h('button', {
      className: 'btn btn-ghost btn-small',
      testId: 'field-remove',
      i18n: 'queueAdmin.removeField',
      attrs: { type: 'button' },
      on: {
        click: () => {
          this.rows = this.rows.filter((each) => each !== row);
          row.element.remove();
        },
      },
    });
    row.element.appendChild(remove);
    this.rows.push(row);
    this.list.appendChild(row.element);
  }
}
