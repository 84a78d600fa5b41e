import { h, type MessageKey } from '@rs/web-common';
import type { EndReason } from './customer-session';

const TITLES: Record<EndReason, MessageKey> = {
  'agent-ended': 'ended.byAgent',
  left: 'ended.left',
  unavailable: 'ended.notFound',
  declined: 'ended.declined',
};

/** The way on from the ended card: join another session by number, or (help page) ask for help again. */
export interface EndedAction {
  i18n: MessageKey;
  testId: string;
}
const JOIN_ANOTHER: EndedAction = { i18n: 'ended.joinAnother', testId: 'join-another' };

/** Shown once the customer is out of the session, whoever ended it. */
export function createEndedView(reason: EndReason, joinAnother: () => void, action: EndedAction = JOIN_ANOTHER): HTMLElement {
  const button = h('button', {
    className: 'btn btn-primary',
    testId: action.testId,
    i18n: action.i18n,
    attrs: { type: 'button' },
    on: { click: joinAnother },
  });
  const title = h('h1', { className: 'card-title', testId: 'ended-message', i18n: TITLES[reason], attrs: { tabindex: -1 } });
  const view = h('section', { className: 'card ended-card', testId: 'session-ended', attrs: { 'data-reason': reason } }, [
    h('div', { className: 'ended-icon', attrs: { 'aria-hidden': 'true' } }),
    title,
    h('p', { className: 'card-intro', i18n: 'ended.thanks' }),
    // Joining by number: a session that ended (or is gone) takes a new number from the person helping.
    action === JOIN_ANOTHER && (reason === 'agent-ended' || reason === 'unavailable') ? h('p', { className: 'field-hint', testId: 'ended-hint', i18n: 'ended.askNewNumber' }) : null,
    button,
  ]);
  queueMicrotask(() => title.focus());
  return view;
}
