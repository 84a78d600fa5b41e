import { LANGUAGE_NAMES, h, replaceChildren, type MessageKey } from '@rs/web-common';
import type { Intake } from './intake';
import { referrerLink } from './queue-entry-view';

/** A term and its value; the term is a message, or (an admin field's id) `{ text }`. */
function row(label: MessageKey | { text: string }, value: Node | string, testId: string): HTMLElement[] {
  const term = typeof label === 'object' ? h('dt', { userText: label.text }) : h('dt', { i18n: label });
  return [term, h('dd', { testId }, [typeof value === 'string' ? h('span', { userText: value }) : value])];
}

/**
 * The receiving agent's view of where the session comes from (R1.1, R1.5): the
 * transfer message first, then the help form's answers and the page the customer
 * came from. Hidden for sessions started by number.
 */
export function createIntakeView(load: Promise<Intake | null>): HTMLElement {
  const element = h('section', { className: 'panel intake', testId: 'intake' });
  element.hidden = true;
  void load.then((intake) => {
    if (!intake) return;
    const transfer = intake.transfer;
    const details = h('dl', { className: 'intake-details' }, [
      ...(intake.email ? row('intake.email', intake.email, 'intake-email') : []),
      ...(intake.problem ? row('intake.problem', intake.problem, 'intake-problem') : []),
      ...Object.entries(intake.fields)
        .filter(([, value]) => value.length > 0)
        .flatMap(([id, value]) => row({ text: id }, value, 'intake-field')),
      ...(intake.referrer ? row('intake.page', referrerLink(intake.referrer, 'intake-referrer') ?? intake.referrer, 'intake-page') : []),
      ...row('intake.language', LANGUAGE_NAMES[intake.language], 'intake-language'),
      ...(intake.firstMessage ? row('intake.firstMessage', intake.firstMessage, 'intake-first-message') : []),
    ]);
    replaceChildren(element, [
      h('h2', { className: 'panel-title', i18n: 'intake.title' }),
      transfer
        ? h('div', { className: 'transfer-note', testId: 'transfer-note', attrs: { role: 'note' } }, [
            h('p', { className: 'transfer-from', i18n: 'intake.transferFrom', params: { name: transfer.fromAgentName } }),
            transfer.message
              ? h('blockquote', { className: 'transfer-message', testId: 'transfer-note-message', userText: transfer.message })
              : h('p', { className: 'entry-muted', i18n: 'intake.transferNoMessage' }),
          ])
        : null,
      h('p', { className: 'intake-name', userText: intake.customerName }),
      details,
    ]);
    element.hidden = false;
  });
  return element;
}
