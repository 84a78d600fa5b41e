import { z } from 'zod';
import { MediaIdSchema, ParticipantIdSchema, RequestIdSchema, SessionIdSchema } from '../ids';
import { FileNameSchema, RelativePathSchema } from '../file-names';
import { addCodedIssue } from '../issue-codes';

/** Bytes per chunk: the unit of hashing, progress and resume. */
export const FILE_CHUNK_BYTES = 256 * 1024;
/** Default size limit of one file (FILE_TRANSFER_MAX_BYTES on the server): 150 MB as the manual says, decimal like every size the apps show. */
export const DEFAULT_FILE_TRANSFER_MAX_BYTES = 150_000_000;
/** Files one offer (one pick, one folder) may carry. */
export const FILES_PER_OFFER_MAX = 1000;
/** Largest file:signal payload (JSON characters). */
export const FILE_SIGNAL_MAX_CHARS = 16 * 1024;
/** How long the server waits for the customer's app to answer a folder operation. */
export const FS_REQUEST_TIMEOUT_MS = 60_000;
/** Entries one folder listing carries at most (more are cut and counted as skipped). */
export const FS_LIST_MAX_ENTRIES = 5000;
/** The relay's SCTP messages carry one chunk plus its header. */
export const FILE_RELAY_MAX_MESSAGE_BYTES = FILE_CHUNK_BYTES + 1024;

const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex SHA-256');
const OpaqueObjectSchema = z.record(z.unknown());
const TransferIdSchema = z.string().uuid();

export const FileDescriptorSchema = z
  .object({
    name: FileNameSchema,
    size: z.number().int().min(0),
    lastModified: z.number().int().min(0),
    /** Folders below the transfer root ([] for a lone file). */
    path: RelativePathSchema,
    /** SHA-256 of the first min(size, FILE_CHUNK_BYTES) bytes: recognises the same file when a reloaded sender re-selects it. */
    fingerprint: Sha256HexSchema,
  })
  .strict();
export type FileDescriptor = z.infer<typeof FileDescriptorSchema>;

/** (Named FileTransferTarget: queue-events already has a TransferTarget.) download: the receiver saves it through the browser; granted-folder: written into the customer's granted folder under path. */
export const FileTransferTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('download') }).strict(),
  z.object({ kind: z.literal('granted-folder'), path: RelativePathSchema }).strict(),
]);
export type FileTransferTarget = z.infer<typeof FileTransferTargetSchema>;

export const TransferStateSchema = z.enum([
  'awaiting-consent',
  'offered',
  'accepted',
  'running',
  'paused',
  'verified',
  'failed',
  'cancelled',
  'denied',
]);
export type TransferState = z.infer<typeof TransferStateSchema>;
/** States a transfer never leaves. */
export const FINAL_TRANSFER_STATES: readonly TransferState[] = ['verified', 'failed', 'cancelled', 'denied'];
export function isFinalTransferState(state: TransferState): boolean {
  return FINAL_TRANSFER_STATES.includes(state);
}

export const TransferPathSchema = z.enum(['p2p', 'relay']);
export type TransferPath = z.infer<typeof TransferPathSchema>;

export const FileTransferSchema = z.object({
  transferId: TransferIdSchema,
  sessionId: SessionIdSchema,
  senderId: ParticipantIdSchema,
  receiverId: ParticipantIdSchema,
  /** Groups the files of one offer (one pick or one folder). */
  batchId: z.string().uuid(),
  file: FileDescriptorSchema,
  target: FileTransferTargetSchema,
  chunkSize: z.number().int().positive(),
  chunkCount: z.number().int().min(0),
  state: TransferStateSchema,
  path: TransferPathSchema.nullable(),
  /** Contiguous prefix of chunks the receiver verified and stored (the resume point). */
  verifiedChunks: z.number().int().min(0),
  /** The whole file's SHA-256, once both sides agreed. */
  sha256: Sha256HexSchema.nullable(),
  /** Error code for failed, cancelled and denied transfers. */
  reason: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type FileTransfer = z.infer<typeof FileTransferSchema>;

const TransferRefShape = { sessionId: SessionIdSchema, transferId: TransferIdSchema };

// ---- requests ----
export const FileOfferRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    receiverId: ParticipantIdSchema,
    files: z
      .array(FileDescriptorSchema)
      .min(1)
      .superRefine((files, ctx) => {
        if (files.length > FILES_PER_OFFER_MAX) addCodedIssue(ctx, 'TOO_MANY_FILES', `at most ${FILES_PER_OFFER_MAX} files per offer`);
      }),
    target: FileTransferTargetSchema,
  })
  .strict();
export type FileOfferRequest = z.infer<typeof FileOfferRequestSchema>;
export const FileOfferResponseSchema = z.object({ transfers: z.array(FileTransferSchema) });
export type FileOfferResponse = z.infer<typeof FileOfferResponseSchema>;

/** file:accept, file:decline, file:cancel. */
export const FileTransferRefSchema = z.object(TransferRefShape).strict();
export type FileTransferRef = z.infer<typeof FileTransferRefSchema>;

export const FileProgressRequestSchema = z
  .object({
    ...TransferRefShape,
    verifiedChunks: z.number().int().min(0),
    /** The receiver lost its stored chunks (e.g. site data cleared): the resume point may go back. */
    reset: z.boolean().optional(),
  })
  .strict();
export type FileProgressRequest = z.infer<typeof FileProgressRequestSchema>;

export const FileResendRequestSchema = z.object({ ...TransferRefShape, fromChunk: z.number().int().min(0) }).strict();
export type FileResendRequest = z.infer<typeof FileResendRequestSchema>;

export const FileCompleteRequestSchema = z.object({ ...TransferRefShape, sha256: Sha256HexSchema }).strict();
export type FileCompleteRequest = z.infer<typeof FileCompleteRequestSchema>;

/** An error code (from ERROR_CODES, e.g. FILE_CHANGED, STORAGE_FULL, FILE_READ_ERROR, or a client's own in the same form). */
export const TransferReasonSchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'an error code');
export const FileFailRequestSchema = z.object({ ...TransferRefShape, reason: TransferReasonSchema }).strict();
export type FileFailRequest = z.infer<typeof FileFailRequestSchema>;

export const FilePathRequestSchema = z.object({ ...TransferRefShape, path: TransferPathSchema }).strict();
export type FilePathRequest = z.infer<typeof FilePathRequestSchema>;

export const FileListResponseSchema = z.object({
  transfers: z.array(FileTransferSchema),
  /** Peer to peer is forbidden on this server: use the relay. */
  forceRelay: z.boolean(),
  /** Largest file accepted (bytes). */
  maxBytes: z.number().int().positive(),
});
export type FileListResponse = z.infer<typeof FileListResponseSchema>;

/** A simple-peer signal to the other party of a live transfer (never parsed by the server beyond its size). */
export const FileSignalRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    peerId: ParticipantIdSchema,
    data: z.unknown().refine((data) => data !== undefined && jsonLength(data) <= FILE_SIGNAL_MAX_CHARS, 'signal too large'),
  })
  .strict();
export type FileSignalRequest = z.infer<typeof FileSignalRequestSchema>;

function jsonLength(data: unknown): number {
  try {
    return JSON.stringify(data)?.length ?? Infinity;
  } catch {
    return Infinity;
  }
}

// ---- relay through the SFU (mediasoup data channels) ----
export const FileRelayTransportResponseSchema = z.object({
  id: MediaIdSchema,
  iceParameters: OpaqueObjectSchema,
  iceCandidates: z.array(OpaqueObjectSchema),
  dtlsParameters: OpaqueObjectSchema,
  sctpParameters: OpaqueObjectSchema,
});
export type FileRelayTransportResponse = z.infer<typeof FileRelayTransportResponseSchema>;

/** A participant holds one relay transport per direction: send (its data producers) and recv (its data consumers), so it can send and receive at once. */
export const FileRelayDirectionSchema = z.enum(['send', 'recv']);
export type FileRelayDirection = z.infer<typeof FileRelayDirectionSchema>;

export const FileRelayTransportRequestSchema = z.object({ sessionId: SessionIdSchema, direction: FileRelayDirectionSchema }).strict();
export type FileRelayTransportRequest = z.infer<typeof FileRelayTransportRequestSchema>;

export const FileRelayConnectRequestSchema = z.object({ sessionId: SessionIdSchema, direction: FileRelayDirectionSchema, dtlsParameters: OpaqueObjectSchema }).strict();
export type FileRelayConnectRequest = z.infer<typeof FileRelayConnectRequestSchema>;

const LabelSchema = z.string().max(128);
export const FileRelayProduceRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    /** The receiver: a live transfer from me to them must exist. */
    peerId: ParticipantIdSchema,
    sctpStreamParameters: OpaqueObjectSchema,
    label: LabelSchema,
    protocol: LabelSchema,
  })
  .strict();
export type FileRelayProduceRequest = z.infer<typeof FileRelayProduceRequestSchema>;
export const FileRelayProduceResponseSchema = z.object({ dataProducerId: MediaIdSchema });

export const FileRelayConsumeRequestSchema = z.object({ sessionId: SessionIdSchema, fromId: ParticipantIdSchema }).strict();
export type FileRelayConsumeRequest = z.infer<typeof FileRelayConsumeRequestSchema>;
export const FileRelayConsumeResponseSchema = z.object({
  dataConsumerId: MediaIdSchema,
  dataProducerId: MediaIdSchema,
  sctpStreamParameters: OpaqueObjectSchema,
  label: LabelSchema,
  protocol: LabelSchema,
});
export type FileRelayConsumeResponse = z.infer<typeof FileRelayConsumeResponseSchema>;

// ---- events ----
export const FileTransferEventSchema = z.object({ sessionId: SessionIdSchema, transfer: FileTransferSchema });
export type FileTransferEvent = z.infer<typeof FileTransferEventSchema>;
export const FileResendEventSchema = z.object({ ...TransferRefShape, fromChunk: z.number().int().min(0) });
export type FileResendEvent = z.infer<typeof FileResendEventSchema>;
export const FileSignalEventSchema = z.object({ sessionId: SessionIdSchema, fromId: ParticipantIdSchema, data: z.unknown() });
export type FileSignalEvent = z.infer<typeof FileSignalEventSchema>;
/** To the receiver: the sender's relay data producer exists; call file:relay-consume. */
export const FileRelayReadyEventSchema = z.object({ sessionId: SessionIdSchema, fromId: ParticipantIdSchema });
export type FileRelayReadyEvent = z.infer<typeof FileRelayReadyEventSchema>;

// ---- folder mode (R7.2) ----
export const FolderRequestSchema = z.object({ sessionId: SessionIdSchema, customerId: ParticipantIdSchema }).strict();
export type FolderRequest = z.infer<typeof FolderRequestSchema>;
export const FolderRequestedEventSchema = z.object({ sessionId: SessionIdSchema, fromId: ParticipantIdSchema });
export type FolderRequestedEvent = z.infer<typeof FolderRequestedEventSchema>;

export const FolderAnswerRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    granted: z.boolean(),
    /** The granted folder's own name (shown to the agent). */
    rootName: FileNameSchema.optional(),
    /** This browser has no folder access (Firefox, Safari): basic mode only. */
    unsupported: z.boolean().optional(),
  })
  .strict()
  .refine((answer) => !answer.granted || (answer.rootName !== undefined && answer.unsupported !== true), {
    message: 'a granted folder has a rootName and is supported',
  });
export type FolderAnswerRequest = z.infer<typeof FolderAnswerRequestSchema>;

export const FolderStateSchema = z.enum(['none', 'asked', 'granted', 'declined', 'unsupported']);
export type FolderState = z.infer<typeof FolderStateSchema>;
export const FolderEventSchema = z.object({
  sessionId: SessionIdSchema,
  customerId: ParticipantIdSchema,
  state: FolderStateSchema,
  rootName: FileNameSchema.nullable(),
});
export type FolderEvent = z.infer<typeof FolderEventSchema>;

export const FsOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('list'), path: RelativePathSchema }).strict(),
  z.object({ kind: z.literal('mkdir'), path: RelativePathSchema, name: FileNameSchema }).strict(),
  z.object({ kind: z.literal('rename'), path: RelativePathSchema, from: FileNameSchema, to: FileNameSchema }).strict(),
  z.object({ kind: z.literal('delete'), path: RelativePathSchema, name: FileNameSchema }).strict(),
  /** The customer's app offers that file or folder to the agent through file:offer. */
  z.object({ kind: z.literal('fetch'), path: RelativePathSchema, name: FileNameSchema }).strict(),
]);
export type FsOp = z.infer<typeof FsOpSchema>;
export type FsOpKind = FsOp['kind'];

export const FsRequestSchema = z.object({ sessionId: SessionIdSchema, customerId: ParticipantIdSchema, op: FsOpSchema }).strict();
export type FsRequest = z.infer<typeof FsRequestSchema>;

export const FsEntrySchema = z.object({
  name: z.string(),
  kind: z.enum(['file', 'directory']),
  size: z.number().int().min(0).nullable(),
  lastModified: z.number().int().min(0).nullable(),
});
export type FsEntry = z.infer<typeof FsEntrySchema>;

export const FsErrorCodeSchema = z.enum(['DENIED', 'NOT_FOUND', 'EXISTS', 'FS_ERROR']);
export type FsErrorCode = z.infer<typeof FsErrorCodeSchema>;

/** What the customer's app answers through the ack of files:fs-request. */
export const FsAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.array(FsEntrySchema).optional() }),
  z.object({ ok: z.literal(false), code: FsErrorCodeSchema }),
]);
export type FsAnswer = z.infer<typeof FsAnswerSchema>;

/** The agent's answer to files:fs (entries validated by the server; unsafe names dropped and counted). */
export const FsResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.array(FsEntrySchema.extend({ name: FileNameSchema })).optional(), skipped: z.number().int().min(0) }),
  z.object({ ok: z.literal(false), code: FsErrorCodeSchema }),
]);
export type FsResponse = z.infer<typeof FsResponseSchema>;

/** Sent to the customer (with an ack carrying FsAnswer). needsConsent: ask "Allow <agent> to ...?" before acting. */
export const FsRequestEventSchema = z.object({
  requestId: RequestIdSchema,
  sessionId: SessionIdSchema,
  fromId: ParticipantIdSchema,
  op: FsOpSchema,
  needsConsent: z.boolean(),
});
export type FsRequestEvent = z.infer<typeof FsRequestEventSchema>;
