import { LIMITS } from '@rs/signaling';
import type { SessionSnapshot } from '@rs/signaling';
import { voiceWithout } from '../domain/customer-audience';
import type { Member } from '../domain/membership';
import { toPublic } from '../domain/participant-announcer';
import { toSummary } from '../domain/session-service';
import { isStaff } from '../domain/session-rules';
import type { Services } from './services';
import { participantRoom, sessionRoom, staffRoom } from './socket-types';
import type { SignalingSocket } from './socket-types';

/**
 * Puts this connection into the session's rooms and returns what the member may
 * see of it: customers get nothing of a hidden supervisor; everyone gets the
 * newest chat messages and strokes only, within fixed caps (the session record
 * keeps the whole chat).
 */
export async function attachAndSnapshot(s: Services, socket: SignalingSocket, member: Member): Promise<SessionSnapshot> {
  const { participant } = member;
  if (participant.waiting === true) return waitingSnapshot(s, socket, member);
  const staff = isStaff(participant);
  const rooms = [sessionRoom(member.session.id), participantRoom(participant.id)];
  await socket.join(staff ? [...rooms, staffRoom(member.session.id)] : rooms);
  socket.data.sessions.set(member.session.id, participant.id);
  s.rooms.keepPeer(member.session.id, participant.id);

  const { session, participants } = await s.sessions.attach(member);
  const self = participants.find((p) => p.id === participant.id) ?? participant;
  const hidden = new Set(participants.filter((p) => !s.audience.canSee(self, p)).map((p) => p.id));
  const consents = await s.consents.list(session.id);
  const room = await s.rooms.peek(session.id);
  return {
    session: toSummary(session),
    self: toPublic(self),
    participants: participants.filter((p) => !hidden.has(p.id)).map(toPublic),
    chat: await s.sessions.chatHistoryFor({ session, participant: self }, LIMITS.snapshotChatMessages),
    consents: staff ? consents : consents.filter((c) => c.customerId === self.id),
    producers: s.audience.visibleProducers(self, room?.listProducers() ?? [], participants),
    notes: staff ? await s.store.getNotes(session.id) : null,
    voice: voiceWithout(s.voice.state(session.id), hidden),
    strokes: s.annotations.list(session.id),
  };
}

/**
 * A customer waiting to be admitted: their own room only (the answer comes there), and
 * nothing of the session: no participants, chat, media, consents, voice or strokes.
 */
async function waitingSnapshot(s: Services, socket: SignalingSocket, member: Member): Promise<SessionSnapshot> {
  await socket.join(participantRoom(member.participant.id));
  socket.data.sessions.set(member.session.id, member.participant.id);
  const { session, participants } = await s.sessions.attach(member);
  const self = participants.find((p) => p.id === member.participant.id) ?? member.participant;
  return {
    session: toSummary(session),
    self: toPublic(self),
    participants: [],
    chat: [],
    consents: [],
    producers: [],
    notes: null,
    voice: { sessionId: session.id, active: false, members: [], micHolderId: null, floor: [], muted: [] },
    strokes: [],
  };
}
