import type { ErrorCode, MediaSource, ProducerInfo, VoiceState } from '@rs/signaling';
import type { ParticipantRecord, SessionRecord } from '../store/session-store';
import { isController } from './session-rules';

/** A refusal with the code the client receives. */
export interface MediaRefusal {
  code: ErrorCode;
  reason: string;
}

export interface PublishContext {
  session: SessionRecord;
  actor: ParticipantRecord;
  producers: readonly ProducerInfo[];
  voice: VoiceState;
}

const refuse = (code: ErrorCode, reason: string): MediaRefusal => ({ code, reason });
const owns = (ctx: PublishContext, source: MediaSource, participantId = ctx.actor.id) =>
  ctx.producers.some((p) => p.source === source && p.participantId === participantId);

/**
 * Who may publish what, besides the customer's screen (which needs a consent
 * grant, see findUsableGrant): the agent in control shows their own screen;
 * call members publish a microphone (R4.1); only the agent in control and the
 * customer being helped send video, the customer after the agent (R5.1, R5.2).
 */
export function refusePublish(source: Exclude<MediaSource, 'screen'>, ctx: PublishContext): MediaRefusal | null {
  const { session, actor, voice } = ctx;
  switch (source) {
    case 'agent-screen':
      if (!isController(session, actor)) return refuse('NOT_IN_CONTROL', 'only the agent in control shows their screen');
      return owns(ctx, source) ? refuse('MEDIA_LIMIT', 'you are already showing your screen') : null;
    case 'mic':
      if (!voice.active || !voice.members.includes(actor.id)) return refuse('NOT_IN_CALL', 'join the call first');
      return owns(ctx, source) ? refuse('MEDIA_LIMIT', 'your microphone is already on') : null;
    case 'camera':
      if (owns(ctx, source)) return refuse('MEDIA_LIMIT', 'your video is already on');
      if (isController(session, actor)) return null;
      if (actor.role !== 'customer' || session.selectedCustomerId !== actor.id) {
        return refuse('MEDIA_LIMIT', 'only the agent and the customer being helped send video');
      }
      return owns(ctx, 'camera', session.controllerId) ? null : refuse('FORBIDDEN', 'the agent starts their video first');
  }
}

/**
 * R4.2: at most two speak: the agent in control, and the second floor: the
 * member the agent passed the microphone to, else the customer being helped
 * (who is heard as soon as they join the call, without any mic passing).
 */
export function secondFloorOf(session: SessionRecord, passedTo: string | null): string | null {
  return passedTo ?? session.selectedCustomerId;
}

/** The call members holding a floor. */
export function floorOf(session: SessionRecord, members: readonly string[], passedTo: string | null): string[] {
  const holder = secondFloorOf(session, passedTo);
  return members.filter((id) => id === session.controllerId || id === holder);
}

/**
 * Mute: anyone mutes and unmutes themselves; the agent in control mutes
 * another member but never unmutes them (nobody's microphone is turned on by
 * someone else). A member the agent muted unmutes themselves only while they
 * hold a floor: without one they stay silent until the agent passes them the mic.
 */
export function refuseMute(session: SessionRecord, actor: ParticipantRecord, voice: VoiceState, targetId: string, muted: boolean): MediaRefusal | null {
  if (!voice.active || !voice.members.includes(targetId)) return refuse('NOT_IN_CALL', 'not in the call');
  if (targetId === actor.id) {
    const byAgent = voice.muted.some((m) => m.participantId === actor.id && m.by === 'agent');
    if (!muted && byAgent && !voice.floor.includes(actor.id)) return refuse('FORBIDDEN', 'the agent muted you: you can unmute once you hold the microphone');
    return null;
  }
  const notController = refuseVoiceControl(session, actor);
  if (notController) return notController;
  return muted ? null : refuse('FORBIDDEN', 'only they can unmute themselves');
}

export function refuseVoiceControl(session: SessionRecord, actor: ParticipantRecord): MediaRefusal | null {
  return isController(session, actor) ? null : refuse('NOT_IN_CONTROL', 'only the agent in control runs the call');
}

/** The agent passes the microphone to a call member, or takes it back (null). */
export function refusePassMic(session: SessionRecord, actor: ParticipantRecord, voice: VoiceState, to: string | null): MediaRefusal | null {
  const notController = refuseVoiceControl(session, actor);
  if (notController) return notController;
  if (!voice.active) return refuse('NOT_IN_CALL', 'no call is running');
  return to === null || voice.members.includes(to) ? null : refuse('NOT_IN_CALL', 'the microphone goes to a call member');
}

/** R3.6: the agent in control and customers annotate; assistants and supervisors watch. */
export function refuseAnnotate(session: SessionRecord, actor: ParticipantRecord): MediaRefusal | null {
  return isController(session, actor) || actor.role === 'customer' ? null : refuse('FORBIDDEN', 'only the agent in control and customers annotate');
}

/** One stroke is erased by its author or by the agent in control. */
export function refuseErase(session: SessionRecord, actor: ParticipantRecord, strokeBy: string): MediaRefusal | null {
  return strokeBy === actor.id || isController(session, actor) ? null : refuse('FORBIDDEN', 'you can erase your own strokes only');
}
