import { z } from 'zod';
import type { Result } from './result';
import { ChatSendRequestSchema } from './events/chat-events';
import {
  AnnotationModeRequestSchema,
  ClipboardReadRequestSchema,
  ClipboardReadResponseSchema,
  ClipboardWriteRequestSchema,
  ControlGiveSchema,
  ControlInputRequestSchema,
  ControlRequestSchema,
  ControlStateEventSchema,
  ControlStopSchema,
  ControlSurfaceRequestSchema,
} from './events/control-events';
import { ConsentAnswerRequestSchema, ConsentAskRequestSchema, ConsentCancelRequestSchema, ConsentRevokeRequestSchema } from './events/consent-events';
import { DrawRequestSchema, EraseRequestSchema, StrokeErasedEventSchema, StrokeEventSchema, StrokesClearedEventSchema } from './events/annotation-events';
import { SenderStatsEventSchema, SenderStatsRequestSchema, SpeakingEventSchema } from './events/picture-events';
import { MuteRequestSchema, PassMicRequestSchema, VoiceStateSchema } from './events/voice-events';
import {
  CloseProducerRequestSchema,
  ConnectTransportRequestSchema,
  ConsumeRequestSchema,
  ConsumeResponseSchema,
  ConsumerRefSchema,
  CreateTransportRequestSchema,
  MediaResetEventSchema,
  ReleaseMediaRequestSchema,
  ProduceRequestSchema,
  ProduceResponseSchema,
  ProducerClosedEventSchema,
  ProducerPausedEventSchema,
  QualityChangedEventSchema,
  RestartIceRequestSchema,
  RestartIceResponseSchema,
  RouterCapabilitiesResponseSchema,
  SetQualityRequestSchema,
  SharePausedEventSchema,
  SharePausedRequestSchema,
  StopShareRequestSchema,
  TransportClosedEventSchema,
  TransportOptionsSchema,
  ViewLayerRequestSchema,
} from './events/media-events';
import {
  AdmissionEventSchema,
  AdmitRequestSchema,
  AgentSessionsResponseSchema,
  AssistRequestSchema,
  EmptySchema,
  NotesUpdateRequestSchema,
  NotesUpdatedEventSchema,
  ParticipantEventSchema,
  RemoveParticipantRequestSchema,
  SelectCustomerRequestSchema,
  SessionEndedEventSchema,
  SessionRefSchema,
  SessionSnapshotSchema,
  SessionUpdatedEventSchema,
  SupervisorSessionsResponseSchema,
  TransferControlRequestSchema,
} from './events/session-events';
import {
  AcceptEntryRequestSchema,
  AcceptNextRequestSchema,
  AcceptResponseSchema,
  AcceptedEventSchema,
  AdmissionSchema,
  AgentDirectoryResponseSchema,
  AgentQueueSnapshotSchema,
  ArrivalEventSchema,
  FirstMessageRequestSchema,
  LeaveMessageRequestSchema,
  OfferRefSchema,
  OfferSchema,
  OfferWithdrawnEventSchema,
  QueueBoardSchema,
  QueueViewSchema,
  QuickPhrasesRequestSchema,
  QuickPhrasesResponseSchema,
  SessionTransferRequestSchema,
  SessionTransferResponseSchema,
  SetPresenceRequestSchema,
  TransferredEventSchema,
} from './events/queue-events';
import {
  FileListResponseSchema,
  FileOfferRequestSchema,
  FileOfferResponseSchema,
  FileCompleteRequestSchema,
  FileFailRequestSchema,
  FilePathRequestSchema,
  FileProgressRequestSchema,
  FileRelayConnectRequestSchema,
  FileRelayTransportRequestSchema,
  FileRelayConsumeRequestSchema,
  FileRelayConsumeResponseSchema,
  FileRelayProduceRequestSchema,
  FileRelayProduceResponseSchema,
  FileRelayReadyEventSchema,
  FileRelayTransportResponseSchema,
  FileResendEventSchema,
  FileResendRequestSchema,
  FileSignalEventSchema,
  FileSignalRequestSchema,
  FileTransferEventSchema,
  FileTransferRefSchema,
  FileTransferSchema,
  FolderAnswerRequestSchema,
  FolderEventSchema,
  FolderRequestSchema,
  FolderRequestedEventSchema,
  FsRequestEventSchema,
  FsRequestSchema,
  FsResponseSchema,
} from './events/file-events';
import { AgentPresenceSchema, WaitStatusSchema } from './queue-models';
import { ChatMessageSchema, ConsentRequestSchema, ProducerInfoSchema } from './models';
import type { Role } from './models';
import { SessionIdSchema } from './ids';

interface RequestDefinition<Req extends z.ZodTypeAny, Res extends z.ZodTypeAny> {
  request: Req;
  response: Res;
  /** Roles allowed to send it; checked by the server before any rule runs. */
  roles: readonly Role[];
}

function request<Req extends z.ZodTypeAny, Res extends z.ZodTypeAny>(
  def: RequestDefinition<Req, Res>,
): RequestDefinition<Req, Res> {
  return def;
}

/** Everyone who may be in a session (admins manage accounts over REST only). */
const ANYONE = ['agent', 'supervisor', 'customer'] as const;
const AGENT = ['agent'] as const;
const SUPERVISOR = ['supervisor'] as const;
/** Agents and supervisors: a supervisor who took over acts as the agent in control. */
const STAFF = ['agent', 'supervisor'] as const;
const CUSTOMER = ['customer'] as const;
/** A customer waiting in a support queue (waitToken from POST /api/help): their own entry only. */
const VISITOR = ['visitor'] as const;
/** A waiting customer, or a customer whose session is being transferred (they wait inside it). */
const WAITING = ['visitor', 'customer'] as const;

/** Every client -> server event. Each one is a request answered through the ack with Result<T>. */
export const clientRequests = {
  'agent:sessions': request({ request: EmptySchema, response: AgentSessionsResponseSchema, roles: AGENT }),
  'supervisor:sessions': request({ request: EmptySchema, response: SupervisorSessionsResponseSchema, roles: SUPERVISOR }),
  'session:join': request({ request: SessionRefSchema, response: SessionSnapshotSchema, roles: ANYONE }),
  'session:assist': request({ request: AssistRequestSchema, response: SessionSnapshotSchema, roles: AGENT }),
  'session:watch': request({ request: SessionRefSchema, response: SessionSnapshotSchema, roles: SUPERVISOR }),
  'session:take-over': request({ request: SessionRefSchema, response: EmptySchema, roles: SUPERVISOR }),
  'session:transfer-control': request({ request: TransferControlRequestSchema, response: EmptySchema, roles: STAFF }),
  'session:admit': request({ request: AdmitRequestSchema, response: EmptySchema, roles: STAFF }),
  'session:select-customer': request({ request: SelectCustomerRequestSchema, response: EmptySchema, roles: STAFF }),
  'session:leave': request({ request: SessionRefSchema, response: EmptySchema, roles: ANYONE }),
  'session:end': request({ request: SessionRefSchema, response: EmptySchema, roles: STAFF }),
  'notes:update': request({ request: NotesUpdateRequestSchema, response: EmptySchema, roles: STAFF }),
  'chat:send': request({ request: ChatSendRequestSchema, response: ChatMessageSchema, roles: ANYONE }),
  'consent:ask': request({ request: ConsentAskRequestSchema, response: ConsentRequestSchema, roles: STAFF }),
  'consent:answer': request({ request: ConsentAnswerRequestSchema, response: ConsentRequestSchema, roles: CUSTOMER }),
  'consent:revoke': request({ request: ConsentRevokeRequestSchema, response: EmptySchema, roles: CUSTOMER }),
  'share:stop': request({ request: StopShareRequestSchema, response: EmptySchema, roles: ANYONE }),
  'share:set-quality': request({ request: SetQualityRequestSchema, response: EmptySchema, roles: STAFF }),
  'voice:start': request({ request: SessionRefSchema, response: VoiceStateSchema, roles: STAFF }),
  'voice:end': request({ request: SessionRefSchema, response: VoiceStateSchema, roles: STAFF }),
  'voice:join': request({ request: SessionRefSchema, response: VoiceStateSchema, roles: ANYONE }),
  'voice:leave': request({ request: SessionRefSchema, response: VoiceStateSchema, roles: ANYONE }),
  'voice:pass-mic': request({ request: PassMicRequestSchema, response: VoiceStateSchema, roles: STAFF }),
  'annotation:draw': request({ request: DrawRequestSchema, response: EmptySchema, roles: ANYONE }),
  'annotation:erase': request({ request: EraseRequestSchema, response: EmptySchema, roles: ANYONE }),
  'annotation:clear': request({ request: SessionRefSchema, response: EmptySchema, roles: ANYONE }),
  'media:close-producer': request({ request: CloseProducerRequestSchema, response: EmptySchema, roles: ANYONE }),
  'media:capabilities': request({ request: SessionRefSchema, response: RouterCapabilitiesResponseSchema, roles: ANYONE }),
  'media:create-transport': request({ request: CreateTransportRequestSchema, response: TransportOptionsSchema, roles: ANYONE }),
  'media:connect-transport': request({ request: ConnectTransportRequestSchema, response: EmptySchema, roles: ANYONE }),
  'media:produce': request({ request: ProduceRequestSchema, response: ProduceResponseSchema, roles: ANYONE }),
  'media:consume': request({ request: ConsumeRequestSchema, response: ConsumeResponseSchema, roles: ANYONE }),
  'media:resume-consumer': request({ request: ConsumerRefSchema, response: EmptySchema, roles: ANYONE }),
  'consent:cancel': request({ request: ConsentCancelRequestSchema, response: ConsentRequestSchema, roles: STAFF }),
  'session:remove-participant': request({ request: RemoveParticipantRequestSchema, response: EmptySchema, roles: STAFF }),
  'media:restart-ice': request({ request: RestartIceRequestSchema, response: RestartIceResponseSchema, roles: ANYONE }),
  'share:paused': request({ request: SharePausedRequestSchema, response: EmptySchema, roles: CUSTOMER }),
  /** A fresh page (a reload) holds none of the media the server kept for me: close it as lost (grants stay). */
  'media:release': request({ request: ReleaseMediaRequestSchema, response: EmptySchema, roles: ANYONE }),
  /** Staff only: my view of a shared screen on its full-size layer or back on my default one (supervisors watch lower). */
  'share:view-layer': request({ request: ViewLayerRequestSchema, response: EmptySchema, roles: STAFF }),
  /** The sender of a screen reports what its encoder sends (every few seconds); staff are told (quality readout). */
  'share:sender-stats': request({ request: SenderStatsRequestSchema, response: EmptySchema, roles: ANYONE }),
  /** Self-mute, or the agent in control mutes a member: the server pauses the microphone producer. */
  'voice:mute': request({ request: MuteRequestSchema, response: VoiceStateSchema, roles: ANYONE }),
  /** The agent in control asks to drive a customer's desktop (consent 'control-desktop'; the customer runs the helper). */
  'control:request': request({ request: ControlRequestSchema, response: ControlStateEventSchema, roles: STAFF }),
  /** The agent in control lets a customer drive the agent's desktop (the agent runs the helper). */
  'control:give': request({ request: ControlGiveSchema, response: ControlStateEventSchema, roles: STAFF }),
  /** The controlled person, the controller or the agent in control ends control at once. */
  'control:stop': request({ request: ControlStopSchema, response: EmptySchema, roles: ANYONE }),
  /** The controller's pointer/keyboard event, relayed to the helper only while control is active (high rate: cheap path). */
  'control:input': request({ request: ControlInputRequestSchema, response: EmptySchema, roles: ANYONE }),
  'control:clipboard-write': request({ request: ClipboardWriteRequestSchema, response: EmptySchema, roles: ANYONE }),
  'control:clipboard-read': request({ request: ClipboardReadRequestSchema, response: ClipboardReadResponseSchema, roles: ANYONE }),
  /** The sharer of the controlled screen says what it captures, so the helper picks that monitor. */
  'control:surface': request({ request: ControlSurfaceRequestSchema, response: EmptySchema, roles: ANYONE }),
  /** An annotation tool was turned on or off by this participant (annotating pauses control, R3.6). */
  'annotation:mode': request({ request: AnnotationModeRequestSchema, response: EmptySchema, roles: ANYONE }),

  // ---- inbound support queues (events/queue-events.ts) ----
  /** My own entry: position, estimate, greeting, max wait reached. A customer in a session: the entry of their transfer (NOT_IN_QUEUE if none). */
  'queue:status': request({ request: EmptySchema, response: WaitStatusSchema, roles: WAITING }),
  /** The first chat message, written (or rewritten) while waiting; the agent sees it and it opens the session's chat. */
  'queue:first-message': request({ request: FirstMessageRequestSchema, response: WaitStatusSchema, roles: VISITOR }),
  /** After the maximum wait: keep waiting (asked once). */
  'queue:keep-waiting': request({ request: EmptySchema, response: WaitStatusSchema, roles: VISITOR }),
  /** After the maximum wait (or any time): leave a message instead; the entry ends as 'left-message'. */
  'queue:leave-message': request({ request: LeaveMessageRequestSchema, response: WaitStatusSchema, roles: VISITOR }),
  /** The customer leaves the queue (recorded as abandoned). */
  'queue:leave': request({ request: EmptySchema, response: WaitStatusSchema, roles: VISITOR }),
  /** Once accepted: the customer token to enter the session (NOT_ACCEPTED before). */
  'queue:admission': request({ request: EmptySchema, response: AdmissionSchema, roles: VISITOR }),
  /** My presence and my queues with every waiting customer (also pushed as queue:snapshot). */
  'queue:list': request({ request: EmptySchema, response: AgentQueueSnapshotSchema, roles: AGENT }),
  'presence:set': request({ request: SetPresenceRequestSchema, response: AgentPresenceSchema, roles: AGENT }),
  /** The head of a queue (or of all my queues): atomic, two agents never get the same customer (QUEUE_EMPTY if none). */
  'queue:accept-next': request({ request: AcceptNextRequestSchema, response: AcceptResponseSchema, roles: AGENT }),
  /** A given waiting customer (ALREADY_TAKEN if someone was faster). */
  'queue:accept': request({ request: AcceptEntryRequestSchema, response: AcceptResponseSchema, roles: AGENT }),
  'offer:accept': request({ request: OfferRefSchema, response: AcceptResponseSchema, roles: AGENT }),
  /** Declining moves the offer to the next agent (does not count as a missed offer). */
  'offer:decline': request({ request: OfferRefSchema, response: EmptySchema, roles: AGENT }),
  /** R1.5: the agent in control transfers the session to a queue (front) or agents, message <= 345 characters. */
  'session:transfer': request({ request: SessionTransferRequestSchema, response: SessionTransferResponseSchema, roles: STAFF }),
  /** Agents who may receive a transfer, with their presence. */
  'queue:agents': request({ request: EmptySchema, response: AgentDirectoryResponseSchema, roles: STAFF }),
  'quick-phrases:list': request({ request: QuickPhrasesRequestSchema, response: QuickPhrasesResponseSchema, roles: STAFF }),
  /** Supervisors: the live queue board (also pushed as queue:board). */
  'queue:board': request({ request: EmptySchema, response: QueueBoardSchema, roles: SUPERVISOR }),

  // ---- file transfer (events/file-events.ts, R7); the server checks who is a party of each transfer ----
  /** Offer files to one participant (customer <-> agent in control or staff); consent 'file-transfer' first when the customer lacks it. */
  'file:offer': request({ request: FileOfferRequestSchema, response: FileOfferResponseSchema, roles: ANYONE }),
  /** Receiver: offered -> accepted. */
  'file:accept': request({ request: FileTransferRefSchema, response: FileTransferSchema, roles: ANYONE }),
  /** Receiver: -> cancelled 'DECLINED'. */
  'file:decline': request({ request: FileTransferRefSchema, response: FileTransferSchema, roles: ANYONE }),
  /** Sender, receiver or the agent in control: -> cancelled 'CANCELLED'. */
  'file:cancel': request({ request: FileTransferRefSchema, response: FileTransferSchema, roles: ANYONE }),
  /** Receiver: verified chunk prefix (monotonic unless reset); accepted|paused -> running. */
  'file:progress': request({ request: FileProgressRequestSchema, response: FileTransferSchema, roles: ANYONE }),
  /** Receiver: a chunk failed its hash; the sender gets file:resend. */
  'file:resend': request({ request: FileResendRequestSchema, response: EmptySchema, roles: ANYONE }),
  /** Sender and receiver each: equal hashes -> verified, different -> failed 'HASH_MISMATCH'. */
  'file:complete': request({ request: FileCompleteRequestSchema, response: FileTransferSchema, roles: ANYONE }),
  /** Either party: -> failed with that reason code. */
  'file:fail': request({ request: FileFailRequestSchema, response: FileTransferSchema, roles: ANYONE }),
  /** Sender: which path (p2p or relay) carries the transfer now. */
  'file:path': request({ request: FilePathRequestSchema, response: FileTransferSchema, roles: ANYONE }),
  /** The transfers I may see (customers: their own), the relay setting and the size limit. Call after join/rejoin. */
  'file:list': request({ request: SessionRefSchema, response: FileListResponseSchema, roles: ANYONE }),
  /** A simple-peer signal to the other party of a live transfer (P2P_DISABLED when relay is forced, NO_TRANSFER). */
  'file:signal': request({ request: FileSignalRequestSchema, response: EmptySchema, roles: ANYONE }),
  /** My SCTP-only relay transport on the session's router (only with a live transfer). */
  'file:relay-transport': request({ request: FileRelayTransportRequestSchema, response: FileRelayTransportResponseSchema, roles: ANYONE }),
  'file:relay-connect': request({ request: FileRelayConnectRequestSchema, response: EmptySchema, roles: ANYONE }),
  /** My data producer towards peerId (only with a live transfer from me to them); the peer gets file:relay-ready. */
  'file:relay-produce': request({ request: FileRelayProduceRequestSchema, response: FileRelayProduceResponseSchema, roles: ANYONE }),
  /** A data consumer of fromId's producer towards me (only with a live transfer from them to me). */
  'file:relay-consume': request({ request: FileRelayConsumeRequestSchema, response: FileRelayConsumeResponseSchema, roles: ANYONE }),
  /** Folder mode (R7.2): the agent in control asks the customer to grant a folder. */
  'files:folder-request': request({ request: FolderRequestSchema, response: FolderEventSchema, roles: STAFF }),
  /** The customer grants a folder, declines, or says their browser cannot (unsupported). */
  'files:folder-answer': request({ request: FolderAnswerRequestSchema, response: FolderEventSchema, roles: CUSTOMER }),
  /** The agent in control: list, mkdir, rename, delete or fetch in the granted folder (relayed to the customer's app). */
  'files:fs': request({ request: FsRequestSchema, response: FsResponseSchema, roles: STAFF }),
} as const;

export type ClientRequests = typeof clientRequests;
export type RequestName = keyof ClientRequests;
export type RequestOf<N extends RequestName> = z.infer<ClientRequests[N]['request']>;
export type ResponseOf<N extends RequestName> = z.infer<ClientRequests[N]['response']>;

export function isRequestName(name: string): name is RequestName {
  return Object.prototype.hasOwnProperty.call(clientRequests, name);
}

/** Every server -> client event, with the schema clients validate it against. */
export const serverEvents = {
  'session:participant-joined': ParticipantEventSchema,
  'session:participant-updated': ParticipantEventSchema,
  'session:participant-left': ParticipantEventSchema,
  /** Who is in control or which customer is selected changed. */
  'session:updated': SessionUpdatedEventSchema,
  'session:ended': SessionEndedEventSchema,
  /** To a customer waiting to be admitted: the agent admitted or declined them. */
  'session:admission': AdmissionEventSchema,
  /** Staff only: the notes were edited by another staff member. */
  'notes:updated': NotesUpdatedEventSchema,
  'chat:message': ChatMessageSchema,
  'consent:prompt': ConsentRequestSchema,
  'consent:updated': ConsentRequestSchema,
  'media:producer-added': ProducerInfoSchema.extend({ sessionId: SessionIdSchema }),
  'media:producer-closed': ProducerClosedEventSchema,
  /** The server paused or resumed forwarding a producer (microphone floor, R4.2). */
  'media:producer-paused': ProducerPausedEventSchema,
  /** The sender applies QUALITY_PRESETS[mode] to its encoder; viewers show the mode. */
  'share:quality': QualityChangedEventSchema,
  /** Staff only: what the sender of a screen encodes now (captured size, each layer and its limitation). */
  'share:sender-stats': SenderStatsEventSchema,
  /** Who speaks now in the call (server audio levels, at most a few times a second). */
  'voice:speaking': SpeakingEventSchema,
  'voice:state': VoiceStateSchema,
  'annotation:stroke': StrokeEventSchema,
  'annotation:erased': StrokeErasedEventSchema,
  'annotation:cleared': StrokesClearedEventSchema,
  /** To the owner only: the server closed a transport that failed or stayed unconnected (see TransportClosedEventSchema). */
  'media:transport-closed': TransportClosedEventSchema,
  'protocol:error': z.object({ event: z.string(), code: z.string(), message: z.string() }),
  /** The session's media moved to a new router (a media worker died): clients recreate their transports. */
  'media:reset': MediaResetEventSchema,
  /** Staff only: the customer's share waits for their click to resume (reload, capture lost). */
  'share:paused': SharePausedEventSchema,
  /** Where remote control stands in the session (the target's copy carries the pairing code). */
  'control:state': ControlStateEventSchema,

  // ---- file transfer ----
  /** To sender, receiver and staff of the session: a transfer changed (any field). */
  'file:transfer': FileTransferEventSchema,
  /** To the sender: send again from this chunk. */
  'file:resend': FileResendEventSchema,
  /** To the other party: a simple-peer signal. */
  'file:signal': FileSignalEventSchema,
  /** To the receiver: the sender's relay data producer exists (call file:relay-consume). */
  'file:relay-ready': FileRelayReadyEventSchema,
  /** To the customer: the agent asks for a folder. */
  'files:folder-requested': FolderRequestedEventSchema,
  /** To staff and that customer: where folder access stands. */
  'files:folder': FolderEventSchema,
  /** To the customer, WITH an acknowledgement: answer with FsAnswer ({ok:true, entries?} | {ok:false, code}) within 60 s. */
  'files:fs-request': FsRequestEventSchema,

  // ---- inbound support queues ----
  /** To a waiting customer: their own entry changed (position, estimate, max wait reached, state). */
  'queue:status': WaitStatusSchema,
  /** To a waiting customer: an agent accepted them; enter the session with the admission, no number. */
  'queue:accepted': AcceptedEventSchema,
  /** To the customer of a transferred session: they wait again (in the session) for the next agent. */
  'queue:transferred': TransferredEventSchema,
  /** To an agent: presence and all their queues (after connecting, membership or presence changes). */
  'queue:snapshot': AgentQueueSnapshotSchema,
  /** To the queue's members: the queue's waiting customers changed. */
  'queue:updated': QueueViewSchema,
  /** To the queue's members: a customer arrived (sound + tab-title alert). */
  'queue:arrival': ArrivalEventSchema,
  /** To one agent: a customer (or a transferred session) is offered to them until expiresAt. */
  'queue:offer': OfferSchema,
  'queue:offer-withdrawn': OfferWithdrawnEventSchema,
  /** To the agent: their own presence changed (busy, wrap-up, set away after missed offers). */
  'presence:updated': AgentPresenceSchema,
  /** To supervisors: the live queue board. */
  'queue:board': QueueBoardSchema,
} as const;

export type ServerEvents = typeof serverEvents;
export type ServerEventName = keyof ServerEvents;
export type ServerEventOf<N extends ServerEventName> = z.infer<ServerEvents[N]>;
/** The queue and presence events: about an entry or an agent, not one session. */
export type QueueServerEventName = Extract<ServerEventName, `queue:${string}` | `presence:${string}`>;

/** socket.io typed maps (payloads arrive as unknown on the server: they are validated first). */
export type ClientToServerEvents = {
  [N in RequestName]: (payload: unknown, ack: (result: Result<ResponseOf<N>>) => void) => void;
};
export type ServerToClientEvents = {
  [N in ServerEventName]: (payload: ServerEventOf<N>) => void;
};

/** Sent in the socket.io handshake `auth` field. */
export const HandshakeAuthSchema = z.object({
  token: z.string().min(1).max(2048),
  protocolVersion: z.number().int(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;
