import type { SessionSnapshot } from '@rs/signaling';
import type { Member } from '../domain/membership';
import { toPublic } from '../domain/participant-announcer';
import { toSummary } from '../domain/session-service';
import { canSeeParticipant, isStaff } from '../domain/session-rules';
import type { Services } from './services';
import { participantRoom, sessionRoom, staffRoom } from './socket-types';
import type { SignalingSocket } from './socket-types';

/** Puts this connection into the session's rooms and returns what the member may see of it. */
export async function attachAndSnapshot(s: Services, socket: SignalingSocket, member: Member): Promise<SessionSnapshot> {
  const { participant } = member;
  const staff = isStaff(participant);
  const rooms = [sessionRoom(member.session.id), participantRoom(participant.id)];
  await socket.join(staff ? [...rooms, staffRoom(member.session.id)] : rooms);
  socket.data.sessions.set(member.session.id, participant.id);
  s.rooms.keepPeer(member.session.id, participant.id);

  const { session, participants } = await s.sessions.attach(member);
  const self = participants.find((p) => p.id === participant.id) ?? participant;
  const consents = await s.consents.list(session.id);
  const room = await s.rooms.peek(session.id);
  return {
    session: toSummary(session),
    self: toPublic(self),
    participants: participants.filter((p) => canSeeParticipant(self, p, s.showSupervisorsToCustomers)).map(toPublic),
    chat: await s.sessions.chatHistoryFor({ session, participant: self }),
    consents: staff ? consents : consents.filter((c) => c.customerId === self.id),
    producers: room?.listProducers() ?? [],
    notes: staff ? await s.store.getNotes(session.id) : null,
    voice: s.voice.state(session.id),
    strokes: s.annotations.list(session.id),
  };
}
