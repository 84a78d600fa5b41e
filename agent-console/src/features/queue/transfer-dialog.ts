import { QUEUE_LIMITS, localized, type AgentPresence, type PublicQueue, type TransferTarget } from '@rs/signaling';
import { ModalDialog, StatusLine, bindText, getLanguage, h, type MessageKey } from '@rs/web-common';

export interface TransferChoices {
  queues: PublicQueue[];
  /** Agents who may receive it (the transferring agent excluded). */
  agents: AgentPresence[];
}

const PRESENCE: Record<AgentPresence['state'], MessageKey> = {
  available: 'presence.available',
  away: 'presence.away',
  busy: 'presence.busy',
  'wrap-up': 'presence.wrap-up',
  offline: 'presence.offline',
};

/**
 * "Transfer the session" (R1.5): to a queue (the customer goes to its front) or to
 * one or more agents, with an optional message of at most 345 characters; the
 * counter says how many are left and a longer message is refused here (and by the server).
 */
export function openTransferDialog(choices: TransferChoices, send: (target: TransferTarget, message: string) => void): void {
  const max = QUEUE_LIMITS.transferMessageLength;
  const error = new StatusLine('transfer-error', 'form-error');
  const kind = (value: 'queue' | 'agents', label: MessageKey, disabled: boolean): HTMLElement =>
    h('label', { className: 'radio-row' }, [
      h('input', { testId: `transfer-kind-${value}`, attrs: { type: 'radio', name: 'transfer-kind', value, checked: value === 'queue' && !disabled, disabled } }),
      h('span', { i18n: label }),
    ]);
  const queueSelect = h(
    'select',
    { className: 'input', testId: 'transfer-queue', attrs: { id: 'transfer-queue' } },
    choices.queues.map((queue) => h('option', { userText: localized(queue.name, getLanguage()), attrs: { value: queue.id } })),
  );
  const agentBoxes = choices.agents.map((agent) =>
    h('label', { className: 'checkbox-row transfer-agent' }, [
      h('input', { testId: 'transfer-agent', attrs: { type: 'checkbox', value: agent.accountId, 'data-account-id': agent.accountId } }),
      h('span', { userText: agent.displayName }),
      h('span', { className: 'presence-badge', i18n: PRESENCE[agent.state], attrs: { 'data-state': agent.state } }),
    ]),
  );
  const message = h('textarea', { className: 'input input-textarea', testId: 'transfer-message', attrs: { id: 'transfer-message', rows: 4, 'aria-describedby': 'transfer-counter' } });
  const counter = h('p', { className: 'transfer-counter', testId: 'transfer-counter', attrs: { id: 'transfer-counter', 'aria-live': 'polite' } });
  const count = (): void => {
    const length = message.value.trim().length;
    counter.dataset.over = String(length > max);
    bindText(counter, 'transfer.counter', { count: length, max });
    message.setAttribute('aria-invalid', String(length > max));
  };
  message.addEventListener('input', count);
  count();
  const queueRow = h('div', { className: 'field' }, [h('label', { i18n: 'transfer.queue', attrs: { for: 'transfer-queue' } }), queueSelect]);
  const agentRow = h('fieldset', { className: 'transfer-agents' }, [
    h('legend', { i18n: 'transfer.agents' }),
    ...(agentBoxes.length > 0 ? agentBoxes : [h('p', { className: 'entry-muted', i18n: 'transfer.noAgents' })]),
  ]);
  const kinds = h('fieldset', { className: 'transfer-kinds' }, [kind('queue', 'transfer.toQueue', choices.queues.length === 0), kind('agents', 'transfer.toAgents', choices.agents.length === 0)]);
  const chosenKind = (): 'queue' | 'agents' => (kinds.querySelector<HTMLInputElement>('input:checked')?.value === 'agents' ? 'agents' : 'queue');
  const showKind = (): void => {
    queueRow.hidden = chosenKind() !== 'queue';
    agentRow.hidden = chosenKind() !== 'agents';
  };
  if (choices.queues.length === 0 && choices.agents.length > 0) kinds.querySelector<HTMLInputElement>('input[value="agents"]')?.click();
  kinds.addEventListener('change', showKind);
  showKind();

  const target = (): TransferTarget | null => {
    if (chosenKind() === 'queue') return queueSelect.value ? { kind: 'queue', queueId: queueSelect.value } : null;
    const agentIds = agentBoxes.map((box) => box.querySelector('input')).filter((box): box is HTMLInputElement => box?.checked === true).map((box) => box.value);
    return agentIds.length > 0 ? { kind: 'agents', agentIds } : null;
  };
  const validate = (): boolean => {
    error.clear();
    if (message.value.trim().length > max) {
      error.show('transfer.tooLong', 'error', { max }, 'too-long');
      message.focus();
      return false;
    }
    if (!target()) {
      error.show('transfer.pickAgent', 'error', undefined, 'no-target');
      return false;
    }
    return true;
  };
  const dialog = new ModalDialog({
    testId: 'transfer-dialog',
    title: 'transfer.title',
    body: [
      h('p', { i18n: 'transfer.intro' }),
      kinds,
      queueRow,
      agentRow,
      h('div', { className: 'field' }, [h('label', { i18n: 'transfer.message', attrs: { for: 'transfer-message' } }), message, counter]),
      error.element,
    ],
    actions: [
      { i18n: 'common.cancel', testId: 'transfer-cancel', variant: 'secondary', onSelect: () => undefined },
      {
        i18n: 'transfer.submit',
        testId: 'transfer-submit',
        variant: 'primary',
        validate,
        onSelect: () => {
          const chosen = target();
          if (chosen) send(chosen, message.value.trim());
        },
      },
    ],
    defaultAction: 1,
    onEscape: () => undefined,
  });
  dialog.open();
}
