import type { ChatMessage, ConsentRequest, Participant, SessionRecordResponse } from '@rs/signaling';
import { renderRecordActions } from './record-actions';
import { renderRecordSummary, renderTimeline } from './record-timeline';
import { ROLE_LABELS, formatClockTime, formatSessionNumber, h, type MessageKey } from '@rs/web-common';

const ACTIVITY_LABELS: Record<ConsentRequest['activity'], MessageKey> = {
  'view-desktop': 'activity.viewDesktop',
  'control-desktop': 'activity.controlDesktop',
  'file-transfer': 'activity.fileTransfer',
  'system-info': 'activity.systemInfo',
  recording: 'activity.recording',
};

const STATUS_LABELS: Record<ConsentRequest['status'], MessageKey> = {
  pending: 'consentStatus.pending',
  granted: 'consentStatus.granted',
  denied: 'consentStatus.denied',
  ended: 'consentStatus.ended',
  revoked: 'consentStatus.revoked',
  unsupported: 'consentStatus.unsupported',
  cancelled: 'consentStatus.cancelled',
};

/**
 * The session record (R10.5): start, end, duration and who ended; participants with roles and
 * join/leave times; a timeline of everything that happened; the consent log, the chat and the notes.
 */
export function renderSessionRecord(record: SessionRecordResponse): HTMLElement {
  const nameOf = (id: string): string => record.participants.find((p) => p.id === id)?.displayName ?? '…';
  const element: HTMLElement = h('section', { className: 'session-record', testId: 'session-record', attrs: { 'data-session-id': record.session.id } }, [
    h('h3', { className: 'record-title', i18n: 'record.title', params: { number: formatSessionNumber(record.session.number) } }),
    renderRecordActions(record, () => element, nameOf),
    h('h4', { className: 'record-heading', i18n: 'record.summary' }),
    renderRecordSummary(record, nameOf),
    section('record.participants', 'record-participants', record.participants.map(participantRow), 'record.none'),
    section('record.timeline', 'record-timeline', renderTimeline(record.audit, nameOf), 'record.none'),
    section('record.consents', 'record-consents', record.consents.map((c) => consentRow(c, nameOf)), 'record.none'),
    section('record.chat', 'record-chat', record.chat.map((m) => chatRow(m, nameOf)), 'record.none'),
    h('h4', { className: 'record-heading', i18n: 'record.notes' }),
    record.notes
      ? h('pre', { className: 'record-notes', testId: 'record-notes', userText: record.notes })
      : h('p', { className: 'field-hint', testId: 'record-notes', i18n: 'notes.empty' }),
  ]);
  return element;
}

function section(title: MessageKey, testId: string, rows: HTMLElement[], emptyKey: MessageKey): HTMLElement {
  return h('div', { className: 'record-section' }, [
    h('h4', { className: 'record-heading', i18n: title }),
    rows.length > 0 ? h('ul', { className: 'record-list', testId }, rows) : h('p', { className: 'field-hint', testId, i18n: emptyKey }),
  ]);
}

function participantRow(participant: Participant): HTMLElement {
  return h('li', { className: 'record-row', testId: 'record-participant', attrs: { 'data-role': participant.role } }, [
    h('strong', { userText: participant.displayName }),
    h('span', { className: `role-badge role-${participant.role}`, i18n: ROLE_LABELS[participant.role] }),
    h('span', { className: 'record-time', i18n: 'record.joined', params: { time: formatClockTime(participant.joinedAt) } }),
    participant.leftAt !== null ? h('span', { className: 'record-time', i18n: 'record.left', params: { time: formatClockTime(participant.leftAt) } }) : null,
  ]);
}

function consentRow(consent: ConsentRequest, nameOf: (id: string) => string): HTMLElement {
  return h('li', { className: 'record-row', testId: 'record-consent', attrs: { 'data-status': consent.status, 'data-automatic': String(consent.automatic) } }, [
    h('span', { className: 'record-time', text: formatClockTime(consent.requestedAt) }),
    h('strong', { i18n: ACTIVITY_LABELS[consent.activity] }),
    h('span', { userText: nameOf(consent.customerId) }),
    h('span', { className: 'participant-flag', i18n: STATUS_LABELS[consent.status] }),
    consent.automatic ? h('span', { className: 'participant-flag', i18n: 'consentStatus.automatic' }) : null,
  ]);
}

function chatRow(message: ChatMessage, nameOf: (id: string) => string): HTMLElement {
  return h('li', { className: 'record-row', testId: 'record-chat-message', attrs: { 'data-whisper': String(message.whisper) } }, [
    h('span', { className: 'record-time', text: formatClockTime(message.sentAt) }),
    h('strong', { userText: message.fromName }),
    message.to !== null ? h('span', { className: 'chat-private', i18n: message.whisper ? 'chat.whisperTo' : 'chat.privateTo', params: { name: nameOf(message.to) } }) : null,
    h('span', { className: 'record-text', userText: message.text }),
  ]);
}
