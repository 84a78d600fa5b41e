import type { Participant } from '@rs/signaling';
import { ParticipantsView, h, type Toaster } from '@rs/web-common';
import type { AgentSession } from '../session/agent-session';

/**
 * The participants panel as staff see it: the agent in control picks the
 * customer to help (R1.2) and gives control to an assistant (R1.4).
 */
export function createStaffParticipants(session: AgentSession, toaster: Toaster): ParticipantsView {
  const report = (failure: 'session.selectFailed' | 'session.transferFailed') => (error: unknown) => {
    console.warn(failure, error);
    toaster.show(failure, undefined, 'error');
  };
  return new ParticipantsView({
    selectable: (participant) => session.isController && participant.role === 'customer' && participant.connected,
    onSelect: (id) => void session.selectCustomer(id).catch(report('session.selectFailed')),
    actions: (participant: Participant) =>
      session.isController && participant.role === 'assistant' && participant.connected
        ? [
            h('button', {
              className: 'btn btn-secondary btn-small',
              testId: 'transfer-control',
              i18n: 'session.transfer',
              attrs: { type: 'button' },
              on: { click: () => void session.control.transferTo(participant.id).catch(report('session.transferFailed')) },
            }),
          ]
        : [],
  });
}
