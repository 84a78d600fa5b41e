import type { HistoryAgent } from '@rs/signaling';
import { StatusLine, h, type MessageKey } from '@rs/web-common';
import { defaultFilters, type HistoryFilters } from './history-manager';

type FieldName = keyof HistoryFilters;

/** The History filters: date range, agent, customer, session number, words in the notes. Enter or Search applies them. */
export class HistoryFiltersView {
  readonly element: HTMLFormElement;
  private readonly inputs: Record<Exclude<FieldName, 'agentId'>, HTMLInputElement>;
  private readonly agent: HTMLSelectElement;
  private readonly agentField: HTMLElement;
  private readonly error = new StatusLine('history-filter-error', 'form-error');

  constructor(initial: HistoryFilters, private readonly apply: (filters: HistoryFilters) => void) {
    const input = (name: FieldName, type: string, extra: Record<string, string> = {}) =>
      h('input', { className: 'input', testId: `history-filter-${name}`, attrs: { id: `history-${name}`, name, type, ...extra } });
    this.inputs = {
      fromDay: input('fromDay', 'date'),
      toDay: input('toDay', 'date'),
      customer: input('customer', 'search', { maxlength: '200', autocomplete: 'off' }),
      number: input('number', 'search', { inputmode: 'numeric', maxlength: '11', autocomplete: 'off' }),
      text: input('text', 'search', { maxlength: '200', autocomplete: 'off' }),
    };
    this.agent = h('select', { className: 'input', testId: 'history-filter-agentId', attrs: { id: 'history-agentId', name: 'agentId' } });
    this.agentField = field('agentId', 'history.agent', this.agent);
    this.element = h('form', { className: 'history-filters', testId: 'history-filters', attrs: { 'aria-labelledby': 'history-filters-title', novalidate: true } }, [
      h('h2', { className: 'panel-title', i18n: 'history.filters', attrs: { id: 'history-filters-title' } }),
      h('div', { className: 'history-filter-grid' }, [
        field('fromDay', 'history.from', this.inputs.fromDay),
        field('toDay', 'history.to', this.inputs.toDay),
        this.agentField,
        field('customer', 'history.customer', this.inputs.customer),
        field('number', 'history.number', this.inputs.number),
        field('text', 'history.text', this.inputs.text),
      ]),
      h('div', { className: 'history-filter-actions' }, [
        h('button', { className: 'btn btn-primary', testId: 'history-search', i18n: 'history.search', attrs: { type: 'submit' } }),
        h('button', { className: 'btn btn-secondary', testId: 'history-reset', i18n: 'history.reset', attrs: { type: 'button' }, on: { click: () => this.reset() } }),
      ]),
      this.error.element,
    ]);
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.set(initial);
    this.setAgents([]);
  }

  /** The agents one may filter by; with one or none (an agent's own history) the field is not shown. */
  setAgents(agents: HistoryAgent[]): void {
    const chosen = this.agent.value;
    this.agent.replaceChildren(
      h('option', { i18n: 'history.anyAgent', attrs: { value: '' } }),
      ...agents.map((a) => h('option', { userText: a.name, attrs: { value: a.id } })),
    );
    this.agent.value = agents.some((a) => a.id === chosen) ? chosen : '';
    this.agentField.hidden = agents.length < 2;
  }

  focus(): void {
    this.inputs.fromDay.focus();
  }

  private read(): HistoryFilters {
    const { fromDay, toDay, customer, number, text } = this.inputs;
    return { fromDay: fromDay.value, toDay: toDay.value, agentId: this.agent.value, customer: customer.value, number: number.value, text: text.value };
  }

  private set(filters: HistoryFilters): void {
    for (const [name, element] of Object.entries(this.inputs)) element.value = filters[name as keyof typeof this.inputs];
    this.agent.value = filters.agentId;
  }

  private submit(): void {
    const filters = this.read();
    const invalid = Boolean(filters.fromDay && filters.toDay && filters.fromDay > filters.toDay);
    this.inputs.toDay.setAttribute('aria-invalid', String(invalid));
    if (invalid) {
      this.error.show('history.invalidDates', 'error');
      this.inputs.toDay.focus();
      return;
    }
    this.error.clear();
    this.apply(filters);
  }

  private reset(): void {
    this.set(defaultFilters());
    this.submit();
  }
}

function field(name: FieldName, label: MessageKey, control: HTMLElement): HTMLElement {
  return h('div', { className: 'field' }, [h('label', { i18n: label, attrs: { for: `history-${name}` } }), control]);
}
