import { QUEUE_LIMITS, localized, type FormField } from '@rs/signaling';
import { getLanguage, h, onLanguageChange, type MessageKey } from '@rs/web-common';

/** One answer box of the pre-session form, with the line its error shows on. */
export interface FieldInput {
  id: string;
  element: HTMLElement;
  control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  error: HTMLElement;
  /** The answer as sent ('true' / 'false' for a checkbox). */
  value(): string;
}

/** The admin's label in the page's language (English when not translated), kept in step with the language picker. */
function localizedText(element: HTMLElement, text: FormField['label']): HTMLElement {
  const render = (): void => {
    element.textContent = localized(text, getLanguage());
  };
  render();
  const off = onLanguageChange(() => (element.isConnected ? render() : off()));
  return element;
}

function labelFor(id: string, text: FormField['label'] | MessageKey, required: boolean): HTMLLabelElement {
  const name = typeof text === 'string' ? h('span', { i18n: text }) : localizedText(h('span'), text);
  return h('label', { attrs: { for: id } }, [name, required ? null : h('span', { className: 'field-optional', i18n: 'help.optional' })]);
}

function errorLine(id: string): HTMLElement {
  return h('p', { className: 'field-error', testId: 'help-field-error', attrs: { id: `${id}-error`, 'aria-live': 'polite' } });
}

/** A built-in field of the form (name, e-mail, problem): label, control, error line. */
export function builtInField(
  id: string,
  testId: string,
  label: MessageKey,
  options: { kind: 'text' | 'email' | 'textarea'; required: boolean; maxLength: number; autocomplete?: string; hint?: MessageKey },
): FieldInput {
  const inputId = `help-${id}`;
  const attrs = { id: inputId, maxlength: options.maxLength, required: options.required, 'aria-describedby': `${inputId}-error`, autocomplete: options.autocomplete ?? 'off' };
  const control =
    options.kind === 'textarea'
      ? h('textarea', { className: 'input input-textarea', testId, attrs: { ...attrs, rows: 3 } })
      : h('input', { className: 'input', testId, attrs: { ...attrs, type: options.kind } });
  const error = errorLine(inputId);
  const hint = options.hint ? h('p', { className: 'field-hint', i18n: options.hint }) : null;
  const element = h('div', { className: 'field' }, [labelFor(inputId, label, options.required), control, hint, error]);
  return { id, element, control, error, value: () => control.value.trim() };
}

/** An admin-defined field of a queue's form, by kind. */
export function adminField(field: FormField): FieldInput {
  const inputId = `help-field-${field.id}`;
  const testId = `help-field-${field.id}`;
  const described = { id: inputId, 'aria-describedby': `${inputId}-error`, required: field.required, 'data-field-id': field.id };
  const error = errorLine(inputId);
  const maxlength = Math.min(field.maxLength, QUEUE_LIMITS.formAnswerLength);
  if (field.kind === 'checkbox') {
    const box = h('input', { testId, attrs: { ...described, type: 'checkbox' } });
    const label = localizedText(h('label', { attrs: { for: inputId } }), field.label);
    const element = h('div', { className: 'field field-checkbox' }, [h('div', { className: 'checkbox-row' }, [box, label]), error]);
    return { id: field.id, element, control: box, error, value: () => String(box.checked) };
  }
  let control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  if (field.kind === 'select') {
    const choose = h('option', { i18n: 'help.choose', attrs: { value: '' } });
    const options = field.options.map((option) => localizedText(h('option', { attrs: { value: option.value } }), option.label));
    control = h('select', { className: 'input', testId, attrs: described }, [choose, ...options]);
  } else if (field.kind === 'textarea') {
    control = h('textarea', { className: 'input input-textarea', testId, attrs: { ...described, rows: 3, maxlength } });
  } else {
    control = h('input', { className: 'input', testId, attrs: { ...described, type: field.kind === 'email' ? 'email' : 'text', maxlength } });
  }
  const element = h('div', { className: 'field' }, [labelFor(inputId, field.label, field.required), control, error]);
  return { id: field.id, element, control, error, value: () => control.value.trim() };
}
