import { bindChat, type ChatBinding, type ParticipantRoster, type SessionChannel } from '@rs/web-common';

/** The customer can write to everyone or privately to anyone else in the session. */
export function createCustomerChat(channel: SessionChannel, roster: ParticipantRoster): ChatBinding {
  return bindChat(channel, roster, (current) => current.others());
}
