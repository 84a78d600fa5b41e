import type { AuditEntry, SessionRecordResponse } from '@rs/signaling';
import { formatClockTime, formatDateTime, formatDuration, h, t, type MessageKey, type MessageParams } from '@rs/web-common';

/** Each audit action as a sentence; others fall back to 'timeline.other' with the raw action. */
const ACTION_LABELS: Record<string, MessageKey> = {
  'session:created': 'timeline.sessionCreated',
  'session:ended': 'timeline.sessionEnded',
  'participant:joined': 'timeline.participantJoined',
  'participant:waiting': 'timeline.participantWaiting',
  'participant:admitted': 'timeline.participantAdmitted',
  'participant:declined': 'timeline.participantDeclined',
  'participant:left': 'timeline.participantLeft',
  'participant:rejoined': 'timeline.participantRejoined',
  'participant:removed': 'timeline.participantRemoved',
  'customer:selected': 'timeline.customerSelected',
  'control:transferred': 'timeline.controlTransferred',
  'control:taken-over': 'timeline.controlTakenOver',
  'consent:requested': 'timeline.consentRequested',
  'consent:granted': 'timeline.consentGranted',
  'consent:denied': 'timeline.consentDenied',
  'consent:ended': 'timeline.consentEnded',
  'consent:revoked': 'timeline.consentRevoked',
  'consent:grant-all': 'timeline.consentGrantAll',
  'consent:unsupported': 'timeline.consentUnsupported',
  'consent:cancelled': 'timeline.consentCancelled',
  'control:requested': 'timeline.controlRequested',
  'control:granted': 'timeline.controlGranted',
  'control:started': 'timeline.controlStarted',
  'control:paused': 'timeline.controlPaused',
  'control:resumed': 'timeline.controlResumed',
  'control:stopped': 'timeline.controlStopped',
  'control:revoked': 'timeline.controlRevoked',
  'queue:accepted': 'timeline.queueAccepted',
  'session:transferred': 'timeline.sessionTransferred',
  'share:started': 'timeline.shareStarted',
  'share:stopped': 'timeline.shareStopped',
  'video:started': 'timeline.videoStarted',
  'video:stopped': 'timeline.videoStopped',
  'voice:started': 'timeline.voiceStarted',
  'voice:ended': 'timeline.voiceEnded',
  'notes:edited': 'timeline.notesEdited',
  'session:number-renewed': 'timeline.numberRenewed',
};

/** A participant's display name by id (the record keeps everyone who took part, left or not). */
export type NameOf = (id: string) => string;

/** Start, end, duration and who ended (R10.5). */
export function renderRecordSummary(record: SessionRecordResponse, nameOf: NameOf): HTMLElement {
  const { createdAt, endedAt } = record.session;
  const item = (label: MessageKey, value: HTMLElement): HTMLElement[] => [h('dt', { i18n: label }), h('dd', {}, [value])];
  return h('dl', { className: 'record-summary', testId: 'record-summary' }, [
    ...item('record.started', h('span', { testId: 'record-started', text: formatDateTime(createdAt) })),
    ...item('record.ended', endedAt === null ? h('span', { i18n: 'record.running' }) : h('span', { testId: 'record-ended', text: formatDateTime(endedAt) })),
    ...item('record.duration', h('span', { testId: 'record-duration', text: formatDuration((endedAt ?? Date.now()) - createdAt) })),
    ...(record.endedBy ? item('record.endedBy', h('span', { testId: 'record-ended-by', userText: nameOf(record.endedBy) })) : []),
  ]);
}

/** Every audit entry in order, as "time — who did what". */
export function renderTimeline(audit: readonly AuditEntry[], nameOf: NameOf): HTMLElement[] {
  return [...audit].sort((a, b) => a.at - b.at).map((entry) => {
    const { key, params } = sentenceOf(entry, nameOf);
    return h('li', { className: 'record-row', testId: 'record-event', attrs: { 'data-action': entry.action } }, [
      h('span', { className: 'record-time', text: formatClockTime(entry.at) }),
      h('span', { i18n: key, params }),
    ]);
  });
}

function sentenceOf(entry: AuditEntry, nameOf: NameOf): { key: MessageKey; params: MessageParams } {
  return { key: ACTION_LABELS[entry.action] ?? 'timeline.other', params: { actor: nameOf(entry.actor), subject: nameOf(entry.subject), action: entry.action } };
}

/** An audit entry as the timeline words it, in the current language. */
export function timelineSentence(entry: AuditEntry, nameOf: NameOf): string {
  const { key, params } = sentenceOf(entry, nameOf);
  return t(key, params);
}
