import { h } from '@rs/web-common';
import type { StaffContext } from '../home/staff-context';
import type { SessionWorkspace } from '../session/session-workspace';
import { ArrivalAlert } from './arrival-alert';
import { rememberIntake } from './intake';
import { OfferDialogs } from './offer-dialog';
import { PresenceView } from './presence-view';
import { QueueManager } from './queue-manager';
import { QueuePanelView } from './queue-panel-view';

/** The agent's queue side panel (R1.1): presence, queues, alerts and offers; an accepted customer opens in a session tab. */
export interface AgentQueues {
  element: HTMLElement;
  manager: QueueManager;
  alert: ArrivalAlert;
  dispose(): void;
}

export function createAgentQueues(context: StaffContext, workspace: SessionWorkspace): AgentQueues {
  const manager = new QueueManager(context.signaling);
  const alert = new ArrivalAlert(context.toaster);
  const presence = new PresenceView(manager, context.toaster);
  const panel = new QueuePanelView(manager, [alert.soundToggle]);
  const offers = new OfferDialogs(context.signaling, manager, context.toaster);
  manager.events.on('arrival', (entry) => alert.arrived(entry));
  manager.events.on('accepted', (response) => {
    rememberIntake(response);
    workspace.adopt(response.session);
  });
  // An agent in no queue has nothing to take: the sessions keep the whole width.
  const element = h('aside', { className: 'queue-side', testId: 'queue-side' }, [presence.element, panel.element]);
  const showIfMember = (): void => void (element.hidden = manager.queues.length === 0);
  manager.events.on('changed', showIfMember);
  showIfMember();
  return {
    element,
    manager,
    alert,
    dispose: () => {
      offers.dispose();
      panel.dispose();
      presence.dispose();
      alert.dispose();
      manager.close();
    },
  };
}
