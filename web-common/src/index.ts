// Connection
export { ApiError, errorCodeOf, type ClientErrorCode } from './connection/api-error';
export { ApiClient } from './connection/api-client';
export { SignalingClient, type ConnectionEvents, type SignalingClientOptions, type SignalingObserverEvents } from './connection/signaling-client';

// Session
export { SessionChannel, type SessionChannelEvents, type SessionEventName } from './session/session-channel';
export { ParticipantRoster } from './session/participant-roster';
export { ChatManager } from './chat/chat-manager';
export { bindChat, type ChatBinding, type ChatPolicy } from './chat/chat-binding';
export { codeBeforeCursor } from './chat/quick-phrase-code';

// Media
export { MediaSession, type MediaSignaling } from './media/media-session';
export { readInboundVideoStats, type InboundVideoStats } from './media/inbound-video-stats';
export type { OutboundLayerStats } from './media/outbound-layer-stats';
export { SenderStatsReporter, type SentScreen } from './media/sender-stats-reporter';
export { describePicture, type PictureReason, type PictureState } from './media/picture-reason';

// i18n
export { t, getLanguage, setLanguage, initI18n, onLanguageChange, type MessageParams, type AppCatalogs } from './i18n/i18n';
export { CUSTOMER_CATALOGS, CONSOLE_CATALOGS } from './i18n/app-catalogs';
export { LANGUAGES, LANGUAGE_NAMES, type Language } from './i18n/language-detection';
export type { MessageKey, Catalog, CatalogPart } from './i18n/catalogs/en';
export { bindText, bindAttribute, unbindAttribute, translateTree } from './i18n/translate-dom';

// UI
export { h, append, replaceChildren, setVisible, type Child, type ElementOptions } from './ui/dom';
export { ModalDialog, askConfirmation, type ModalAction, type ModalOptions } from './ui/modal-dialog';
export { StatusLine, type StatusTone } from './ui/status-line';
export { Toaster } from './ui/toaster';
export { onEverySecond } from './ui/ticker';
export { createConnectionBanner } from './ui/connection-banner';
export { createLanguagePicker } from './ui/language-picker';
export { createAppHeader } from './ui/app-header';
export { ChatPanelView, type ChatRecipient } from './ui/chat-panel-view';
export { ParticipantsView, ROLE_LABELS, type ParticipantsViewOptions } from './ui/participants-view';

// Utilities
export { TypedEmitter, Subscriptions, type EventMap } from './util/typed-emitter';
export { StoredValue } from './storage/stored-value';
export { formatSessionNumber, normaliseSessionNumber, isSessionNumber, sessionNumberFromHash } from './format/session-number';
export { formatClockTime, formatDateTime } from './format/clock-time';
export { formatDuration, estimateMinutes } from './format/duration';
export { exposeDebugHooks } from './debug/debug-hooks';

// Voice, video, annotation, shared screens (R3-R5)
export { VoiceManager, type VoiceEvents } from './voice/voice-manager';
export { VideoManager, type VideoEvents, type VideoResolution, type RemoteVideo } from './video/video-manager';
export { AnnotationManager, annotationErrorMessage, simplifyPoints, containRect } from './annotation/annotation-manager';
export { readStreamQuality, judge, type StreamQuality, type QualityState } from './media/stream-quality';
export { VoicePanelView, type VoicePanelOptions } from './ui/voice-panel-view';
export { VideoPanelView, type VideoPanelOptions } from './ui/video-panel-view';
export { ScreenStage, type ScreenStageOptions, type DisplayMode, type AnnotationTool } from './ui/screen-stage';
export { inboundMediaSummary, type InboundMediaSummary } from './media/inbound-media-summary';

// Remote control (R3.1, R3.7)
export { ControlManager, type ControlManagerEvents } from './control/control-manager';
export { ControlSurface } from './control/control-surface';
export { ControlPanelView, type ControlPanelOptions } from './control/control-panel-view';
export { describeControl, type ControlStatus } from './control/control-status';
export { framePoint, type FramePoint, type ClientRect } from './control/frame-point';
export { KeyMapper, type KeyLike } from './control/key-mapping';
export { FolderHandle, systemDirectoryPicker, type FolderFile } from './folder/folder-handle';
export { FolderBatches, type BatchStatus, type BatchTarget } from './folder/folder-batches';

// File transfer (R7)
export { FileTransferManager, type FileTransferEvents, type TransferView } from './files/file-transfer-manager';
export { FilesPanelView, mountFolderBrowser, type FilesPanelOptions } from './files/ui/files-panel-view';
export { formatBytes } from './format/bytes';
