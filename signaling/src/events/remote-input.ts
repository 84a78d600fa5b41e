import { z } from 'zod';

/**
 * Remote control (R3.1): what travels from the controlling browser to the helper
 * program that injects it into the controlled desktop, and what the helper says back.
 * The server relays input only while control is granted and only from the controller;
 * the helper validates every event again and rate-limits it (see REMOTE_INPUT_RATES).
 */

/** A position on the shared surface as a fraction of its width/height (0 = left/top, 1 = right/bottom). */
const UnitSchema = z.number().min(0).max(1);

/** `KeyboardEvent.code` of a physical key (layout-independent): "KeyA", "Enter", "ArrowLeft", "ControlLeft", "F5"... */
export const KeyCodeSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,23}$/);
export type KeyCode = z.infer<typeof KeyCodeSchema>;

export const PointerButtonSchema = z.enum(['left', 'middle', 'right']);
export type PointerButton = z.infer<typeof PointerButtonSchema>;

/** Key combinations a browser page cannot capture itself, sent from a menu. */
export const KeyComboSchema = z.enum(['ctrl-alt-del', 'super', 'alt-tab', 'ctrl-esc', 'print-screen']);
export type KeyCombo = z.infer<typeof KeyComboSchema>;

export const REMOTE_TEXT_LENGTH = 64;
export const CLIPBOARD_TEXT_LENGTH = 65_536;

export const RemoteInputSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('move'), x: UnitSchema, y: UnitSchema }).strict(),
  z.object({ t: z.literal('button'), button: PointerButtonSchema, down: z.boolean(), x: UnitSchema, y: UnitSchema }).strict(),
  /** Wheel notches (positive dy scrolls down, positive dx scrolls right). */
  z.object({ t: z.literal('wheel'), dx: z.number().int().min(-10).max(10), dy: z.number().int().min(-10).max(10), x: UnitSchema, y: UnitSchema }).strict(),
  /** A physical key pressed or released: non-text keys, and any key while Ctrl/Alt/Meta is held. */
  z.object({ t: z.literal('key'), code: KeyCodeSchema, down: z.boolean() }).strict(),
  /** Characters typed (shifted and non-ASCII included), injected as the characters themselves whatever the local layout. */
  z.object({ t: z.literal('text'), text: z.string().min(1).max(REMOTE_TEXT_LENGTH) }).strict(),
  z.object({ t: z.literal('combo'), combo: KeyComboSchema }).strict(),
]);
export type RemoteInput = z.infer<typeof RemoteInputSchema>;

/**
 * The most a person can do, enforced by the helper whatever the server relays
 * (events per second, token bucket with this burst).
 */
export const REMOTE_INPUT_RATES = {
  pointer: { perSecond: 250, burst: 250 },
  keys: { perSecond: 60, burst: 60 },
  /** Characters of `text` events per second. */
  characters: { perSecond: 120, burst: 240 },
  combos: { perSecond: 2, burst: 3 },
} as const;

/** One monitor of the controlled desktop, in desktop pixels. */
export const MonitorSchema = z
  .object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive(), primary: z.boolean() })
  .strict();
export type Monitor = z.infer<typeof MonitorSchema>;

/** The helper's desktop, reported once it is connected. */
export const HelperReadySchema = z
  .object({
    version: z.string().max(32),
    platform: z.string().max(32),
    screen: z.object({ width: z.number().int().positive(), height: z.number().int().positive(), monitors: z.array(MonitorSchema).max(16) }).strict(),
  })
  .strict();
export type HelperReady = z.infer<typeof HelperReadySchema>;

/** Size of the captured surface (the shared video), so the helper picks the monitor it shows; null: whole desktop. */
export const CapturedSurfaceSchema = z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).strict().nullable();
export type CapturedSurface = z.infer<typeof CapturedSurfaceSchema>;

export const HelperControlStateSchema = z
  .object({
    /** waiting: paired, nobody may send yet; active: input flows; paused: input dropped until resumesAt. */
    state: z.enum(['waiting', 'active', 'paused']),
    controllerName: z.string().max(64).nullable(),
    pausedReason: z.enum(['local-input', 'annotation']).nullable(),
    resumesAt: z.number().int().nullable(),
  })
  .strict();
export type HelperControlState = z.infer<typeof HelperControlStateSchema>;

export const HelperEndReasonSchema = z.enum(['stopped', 'revoked', 'transferred', 'session-ended', 'replaced']);
export type HelperEndReason = z.infer<typeof HelperEndReasonSchema>;

/**
 * The helper's connection: socket.io namespace HELPER_NAMESPACE, `auth: { code }` for the
 * first connection (a one-time pairing code) and `auth: { resumeToken }` to reconnect after
 * a drop. A refused connection gets `connect_error` with message PAIRING_INVALID.
 */
export const HELPER_NAMESPACE = '/helper';

export const HelperAuthSchema = z.union([
  z.object({ code: z.string().regex(/^[0-9]{9}$/) }).strict(),
  z.object({ resumeToken: z.string().min(16).max(128) }).strict(),
]);
export type HelperAuth = z.infer<typeof HelperAuthSchema>;

/** Server -> helper events (payload schemas). `clipboard:*` carry a socket.io ack. */
export const helperServerEvents = {
  'control:state': HelperControlStateSchema,
  'control:surface': CapturedSurfaceSchema,
  input: RemoteInputSchema,
  /** ack({ ok: true } | { ok: false, error }) */
  'clipboard:write': z.object({ text: z.string().max(CLIPBOARD_TEXT_LENGTH) }).strict(),
  /** ack({ ok: true, text } | { ok: false, error }) */
  'clipboard:read': z.object({}).strict(),
  /** Control is over: the helper exits. */
  'helper:end': z.object({ reason: HelperEndReasonSchema }).strict(),
} as const;

/** Helper -> server events. `helper:ready` is acknowledged with { resumeToken }. */
export const helperClientEvents = {
  'helper:ready': HelperReadySchema,
  /** The person at the controlled machine moved the mouse or typed (sent at most every 100 ms): remote input pauses. */
  'local-input': z.object({}).strict(),
  /** The person stopped control from the helper itself. */
  'helper:stop': z.object({}).strict(),
} as const;

export const HelperReadyAckSchema = z.object({ resumeToken: z.string().min(16).max(128) }).strict();

/**
 * The downloaded helper file ends with a trailer naming the server and the pairing code:
 * <JSON HelperTrailer, UTF-8> <JSON length, uint32 big-endian> <HELPER_TRAILER_MAGIC, 8 ASCII bytes>.
 */
export const HELPER_TRAILER_MAGIC = 'RSHELP01';
export const HelperTrailerSchema = z.object({ serverUrl: z.string().url().max(512), code: z.string().regex(/^[0-9]{9}$/) }).strict();
export type HelperTrailer = z.infer<typeof HelperTrailerSchema>;
