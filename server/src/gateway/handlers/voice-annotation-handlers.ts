import type { HandlerMap } from '../define-handler';
import { joinedMember } from '../joined-member';
import type { Services } from '../services';

type VoiceAnnotationHandlers = Pick<
  HandlerMap,
  | 'share:set-quality'
  | 'voice:start'
  | 'voice:end'
  | 'voice:join'
  | 'voice:leave'
  | 'voice:pass-mic'
  | 'voice:mute'
  | 'annotation:draw'
  | 'annotation:erase'
  | 'annotation:clear'
>;

/** Quality modes, the voice call and its floor, annotation strokes. */
export function voiceAnnotationHandlers(s: Services): VoiceAnnotationHandlers {
  const member = (socket: Parameters<typeof joinedMember>[1], sessionId: string) => joinedMember(s.store, socket, sessionId);
  return {
    'share:set-quality': async ({ socket }, request) => {
      await s.publish.setQuality(await member(socket, request.sessionId), request);
      return {};
    },
    'voice:start': async ({ socket }, { sessionId }) => s.voice.start(await member(socket, sessionId)),
    'voice:end': async ({ socket }, { sessionId }) => s.voice.end(await member(socket, sessionId)),
    'voice:join': async ({ socket }, { sessionId }) => {
      const joined = await member(socket, sessionId);
      return s.audience.voiceFor(joined.participant, await s.voice.join(joined));
    },
    'voice:leave': async ({ socket }, { sessionId }) => {
      const { participant } = await member(socket, sessionId);
      return s.audience.voiceFor(participant, await s.voice.leave(sessionId, participant.id));
    },
    'voice:pass-mic': async ({ socket }, { sessionId, participantId }) => s.voice.passMic(await member(socket, sessionId), participantId),
    'voice:mute': async ({ socket }, { sessionId, participantId, muted }) => {
      const actor = await member(socket, sessionId);
      return s.audience.voiceFor(actor.participant, await s.voice.mute(actor, participantId, muted));
    },
    'annotation:draw': async ({ socket }, { sessionId, stroke }) => {
      await s.annotations.draw(await member(socket, sessionId), stroke);
      return {};
    },
    'annotation:erase': async ({ socket }, { sessionId, strokeId }) => {
      await s.annotations.erase(await member(socket, sessionId), strokeId);
      return {};
    },
    'annotation:clear': async ({ socket }, { sessionId }) => {
      await s.annotations.clear(await member(socket, sessionId));
      return {};
    },
  };
}
