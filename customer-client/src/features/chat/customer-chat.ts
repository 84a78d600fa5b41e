import { bindChat, type ChatBinding, type ParticipantRoster, type SessionChannel } from '@rs/web-common';

/** The customer writes to everyone or privately to anyone else but a supervisor (the server refuses that). */
export function createCustomerChat(channel: SessionChannel, roster: ParticipantRoster): ChatBinding {
  return bindChat(channel, roster, { recipients: (current) => current.others().filter((p) => p.role !== 'supervisor') });
}
