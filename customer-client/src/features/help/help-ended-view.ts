import { h, type MessageKey } from '@rs/web-common';
import type { WaitEnd } from './waiting-room';

const TEXTS: Record<WaitEnd, { title: MessageKey; body: MessageKey }> = {
  left: { title: 'ended.leftQueue', body: 'ended.leftQueueBody' },
  'message-left': { title: 'ended.messageLeft', body: 'ended.messageLeftBody' },
  gone: { title: 'waiting.gone', body: 'ended.thanks' },
};

/** Shown when a wait ends without a session: left the queue, left a message, or the place is gone. */
export function createHelpEndedView(end: WaitEnd, askAgain: () => void): HTMLElement {
  const title = h('h1', { className: 'card-title', testId: 'ended-message', i18n: TEXTS[end].title, attrs: { tabindex: -1 } });
  const view = h('section', { className: 'card ended-card', testId: 'help-ended', attrs: { 'data-reason': end } }, [
    h('div', { className: 'ended-icon', attrs: { 'aria-hidden': 'true' } }),
    title,
    h('p', { className: 'card-intro', i18n: TEXTS[end].body }),
    h('button', { className: 'btn btn-primary', testId: 'help-again', i18n: 'ended.askAgain', attrs: { type: 'button' }, on: { click: askAgain } }),
  ]);
  queueMicrotask(() => title.focus());
  return view;
}
