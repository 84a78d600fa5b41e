import { h } from '@rs/web-common';
import type { CustomerSession } from './customer-session';

/**
 * Shown while another customer was there first and the agent has not admitted me yet:
 * the session shows nothing else (the server sends nothing of it before admission).
 */
export function createAdmissionWaitView(session: CustomerSession, onChange: (waiting: boolean) => void): HTMLElement {
  const title = h('h1', { className: 'card-title', testId: 'admission-wait-title', i18n: 'admission.waitTitle', attrs: { tabindex: -1 } });
  const card = h('section', { className: 'card admission-wait', testId: 'admission-wait', attrs: { role: 'status' } }, [
    h('div', { className: 'waiting-pulse', attrs: { 'aria-hidden': 'true' } }),
    title,
    h('p', { className: 'card-intro', i18n: 'admission.waitBody' }),
  ]);
  card.hidden = true;
  session.events.on('waiting', (waiting) => {
    const wasHidden = card.hidden;
    card.hidden = !waiting;
    onChange(waiting);
    if (waiting && wasHidden) queueMicrotask(() => title.focus());
  });
  return card;
}
