import type { QueueEntry } from '@rs/signaling';
import { bindText, formatDuration, h } from '@rs/web-common';

/** The referring page as people read it: host and path, without the query. */
export function shortPage(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}

/** A link to the page the customer came from (opened apart from the console; http/https only). */
export function referrerLink(url: string, testId: string): HTMLElement | null {
  if (!/^https?:\/\//i.test(url)) return null;
  return h('a', { className: 'entry-referrer', testId, userText: shortPage(url), attrs: { href: url, target: '_blank', rel: 'noopener noreferrer', title: url } });
}

/**
 * One waiting customer in a queue: name, problem, time waited (ticking), the page
 * they came from, a transfer note, and Accept. `tick` redraws the time.
 */
export function createQueueEntryView(entry: QueueEntry, accept: (button: HTMLButtonElement) => void): { element: HTMLElement; tick: () => void } {
  const waited = h('span', { className: 'entry-waited', testId: 'entry-waited' });
  const tick = (): void => bindText(waited, 'queues.waitedFor', { time: formatDuration(Date.now() - entry.enqueuedAt) });
  const acceptButton = h('button', {
    className: 'btn btn-primary btn-small',
    testId: 'accept-entry',
    i18n: 'queues.accept',
    attrs: { type: 'button', disabled: entry.state !== 'waiting' },
  });
  acceptButton.setAttribute('aria-describedby', `entry-name-${entry.id}`);
  acceptButton.addEventListener('click', () => accept(acceptButton));
  const from = referrerLink(entry.referrer, 'entry-referrer');
  const flags = [
    entry.state === 'offered' ? h('span', { className: 'entry-flag', testId: 'entry-offered', i18n: 'queues.offered' }) : null,
    entry.transfer ? h('span', { className: 'entry-flag entry-flag-transfer', i18n: 'queues.transferred', params: { name: entry.transfer.fromAgentName } }) : null,
    entry.connected ? null : h('span', { className: 'entry-flag entry-flag-offline', i18n: 'queues.disconnected' }),
  ];
  const element = h('li', { className: 'queue-entry', testId: 'queue-entry', attrs: { 'data-entry-id': entry.id, 'data-state': entry.state, 'data-position': entry.position } }, [
    h('div', { className: 'entry-head' }, [
      h('span', { className: 'entry-position', text: String(entry.position), attrs: { 'aria-hidden': 'true' } }),
      h('span', { className: 'entry-name', testId: 'entry-name', userText: entry.customerName, attrs: { id: `entry-name-${entry.id}` } }),
      acceptButton,
    ]),
    entry.problem
      ? h('p', { className: 'entry-problem', testId: 'entry-problem', userText: entry.problem })
      : h('p', { className: 'entry-problem entry-muted', testId: 'entry-problem', i18n: 'queues.noProblem' }),
    h('div', { className: 'entry-meta' }, [waited, from ? h('span', { className: 'entry-from' }, [from]) : null, ...flags]),
  ]);
  tick();
  return { element, tick };
}
