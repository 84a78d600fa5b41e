import { localized, type QueueBoard } from '@rs/signaling';
import { formatDuration, getLanguage, h, onEverySecond, onLanguageChange, replaceChildren, type SignalingClient } from '@rs/web-common';

const COLUMNS = ['board.queue', 'board.waiting', 'board.longest', 'board.available', 'board.busy', 'board.wrapUp', 'board.away'] as const;

/**
 * The supervisor's live queue board (R1.1): per queue, customers waiting, the
 * longest wait, and agents available / busy / in wrap-up / away, as the server pushes it.
 */
export function createQueueBoardView(signaling: SignalingClient): { element: HTMLElement; dispose: () => void } {
  const body = h('tbody', { testId: 'queue-board-rows' });
  const empty = h('p', { className: 'field-hint', i18n: 'board.none' });
  let board: QueueBoard | null = null;
  const render = (): void => {
    const rows = board?.rows ?? [];
    empty.hidden = rows.length > 0;
    replaceChildren(
      body,
      rows.map((row) =>
        h('tr', { testId: 'queue-board-row', attrs: { 'data-queue-id': row.queue.id, 'data-waiting': row.waiting } }, [
          h('td', { userText: localized(row.queue.name, getLanguage()) }),
          h('td', { className: row.waiting > 0 ? 'board-hot' : '', text: String(row.waiting) }),
          h('td', { className: 'mono', text: row.waiting > 0 ? formatDuration(row.longestWaitSeconds * 1000 + Date.now() - (board?.at ?? Date.now())) : '—' }),
          h('td', { text: String(row.agents.available) }),
          h('td', { text: String(row.agents.busy) }),
          h('td', { text: String(row.agents.wrapUp) }),
          h('td', { text: String(row.agents.away) }),
        ]),
      ),
    );
  };
  const update = (next: QueueBoard): void => {
    board = next;
    render();
  };
  const fetchBoard = (): void => {
    signaling.request('queue:board', {}).then(update, (error: unknown) => console.warn('queue:board failed', error));
  };
  signaling.on('queue:board', update);
  signaling.connection.on('connected', fetchBoard);
  if (signaling.connected) fetchBoard();
  const offLanguage = onLanguageChange(render);
  // The longest wait grows between pushes: redrawn every second from the board's time.
  const stopTicking = onEverySecond(render);
  const element = h('section', { className: 'panel queue-board', testId: 'queue-board' }, [
    h('h2', { className: 'panel-title', i18n: 'board.title' }),
    h('table', { className: 'data-table' }, [h('thead', {}, [h('tr', {}, COLUMNS.map((key) => h('th', { i18n: key, attrs: { scope: 'col' } })))]), body]),
    empty,
  ]);
  return {
    element,
    dispose: () => {
      offLanguage();
      stopTicking();
    },
  };
}
