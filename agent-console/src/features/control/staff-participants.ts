import type { Participant } from '@rs/signaling';
import { ParticipantsView, askConfirmation, h, type Toaster } from '@rs/web-common';
import type { AgentSession } from '../session/agent-session';

/**
 * The participants panel as staff see it: the agent in control picks the
 * customer to help (R1.2), gives control to an assistant (R1.4) and removes
 * a participant whose connection is gone (a closed tab's leftover entry).
 */
/** Giving control away stops what the agent runs (remote control, their screen): asked first. */
function confirmTransfer(participant: Participant): Promise<boolean> {
  return askConfirmation({
    testId: 'transfer-control-dialog',
    title: 'confirm.transferTitle',
    body: 'confirm.transferBody',
    params: { name: participant.displayName },
    confirm: 'confirm.transfer',
    confirmTestId: 'confirm-transfer',
    cancelTestId: 'cancel-transfer',
  });
}

export function createStaffParticipants(session: AgentSession, toaster: Toaster): ParticipantsView {
  const report = (failure: 'session.selectFailed' | 'session.transferFailed' | 'session.removeFailed') => (error: unknown) => {
    console.warn(failure, error);
    toaster.show(failure, undefined, 'error');
  };
  return new ParticipantsView({
    selectable: (participant) => session.isController && participant.role === 'customer' && participant.connected,
    onSelect: (id) => void session.selectCustomer(id).catch(report('session.selectFailed')),
    actions: (participant: Participant) => {
      if (!session.isController) return [];
      if (!participant.connected) {
        return [
          h('button', {
            className: 'btn btn-secondary btn-small',
            testId: 'remove-participant',
            i18n: 'participants.remove',
            attrs: { type: 'button' },
            on: { click: () => void session.control.removeParticipant(participant.id).catch(report('session.removeFailed')) },
          }),
        ];
      }
      return participant.role === 'assistant'
        ? [
            h('button', {
              className: 'btn btn-secondary btn-small',
              testId: 'transfer-control',
              i18n: 'session.transfer',
              attrs: { type: 'button' },
              on: { click: () => void confirmTransfer(participant).then((yes) => (yes ? session.control.transferTo(participant.id) : undefined)).catch(report('session.transferFailed')) },
            }),
          ]
        : [];
    },
  });
}
