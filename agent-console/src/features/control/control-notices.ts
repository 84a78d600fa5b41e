import type { Toaster } from '@rs/web-common';
import type { AgentSession } from '../session/agent-session';

/**
 * Tells the staff member what changed hands: control (R1.4, "sharing
 * stopped"), the customer being helped (R1.2), a customer joining.
 */
export function announceControlChanges(session: AgentSession, toaster: Toaster): void {
  const { control, roster } = session;
  control.events.on('controller-changed', (controllerId) => {
    if (controllerId === roster.selfParticipantId) toaster.show('session.youControl', undefined, 'success');
    else toaster.show('session.controlTo', { name: roster.nameOf(controllerId) ?? '…' });
  });
  control.events.on('customer-changed', (customerId) => {
    const name = customerId ? roster.nameOf(customerId) : undefined;
    if (name && roster.customers().length > 1) toaster.show('session.customerSwitched', { name });
  });
  roster.events.on('joined', (participant) => {
    if (participant.role === 'customer') toaster.show('participants.joined', { name: participant.displayName });
    if (participant.role === 'assistant') toaster.show('session.assistantJoined', { name: participant.displayName });
  });
}
