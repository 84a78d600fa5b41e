import { z } from 'zod';
import { ParticipantIdSchema, SessionIdSchema } from '../ids';
import { CapturedSurfaceSchema, RemoteInputSchema } from './remote-input';

/**
 * Remote control in the main namespace (R3.1, R3.6, R3.7): who asks, who grants,
 * who drives. The server relays `control:input` to the helper only while control
 * is active and only from the controller (see remote-input.ts for the helper side).
 */

/** customer-desktop: the agent in control drives the customer's machine; agent-desktop: a customer drives the agent's (R3.1). */
export const ControlDirectionSchema = z.enum(['customer-desktop', 'agent-desktop']);
export type ControlDirection = z.infer<typeof ControlDirectionSchema>;

/** idle -> asked (consent pending) -> pairing (granted, waiting for the helper) -> active <-> paused -> idle. */
export const ControlStateNameSchema = z.enum(['idle', 'asked', 'pairing', 'active', 'paused']);
export type ControlStateName = z.infer<typeof ControlStateNameSchema>;

export const ControlPauseReasonSchema = z.enum(['local-input', 'annotation']);
export type ControlPauseReason = z.infer<typeof ControlPauseReasonSchema>;

/** Why control ended (the last control:state with state idle carries it). */
export const ControlEndReasonSchema = z.enum(['stopped', 'denied', 'revoked', 'transferred', 'session-ended', 'helper-left', 'expired']);
export type ControlEndReason = z.infer<typeof ControlEndReasonSchema>;

/** Characters the controller may put on the controlled clipboard in one request (fits a socket message in UTF-8). */
export const CONTROL_CLIPBOARD_LENGTH = 32_768;
/** How long a pairing code is valid (seconds) unless configured otherwise. */
export const PAIRING_CODE_TTL_SECONDS = 120;

export const PairingCodeSchema = z.string().regex(/^[0-9]{9}$/);

/** The agent in control asks to drive a customer's desktop (consent activity 'control-desktop'). */
export const ControlRequestSchema = z.object({ sessionId: SessionIdSchema, customerId: ParticipantIdSchema }).strict();
export type ControlRequest = z.infer<typeof ControlRequestSchema>;

/** The agent in control lets this customer drive the agent's own desktop (the agent runs the helper). */
export const ControlGiveSchema = z.object({ sessionId: SessionIdSchema, customerId: ParticipantIdSchema }).strict();
export type ControlGive = z.infer<typeof ControlGiveSchema>;

export const ControlStopSchema = z.object({ sessionId: SessionIdSchema }).strict();

export const ControlInputRequestSchema = z.object({ sessionId: SessionIdSchema, input: RemoteInputSchema }).strict();
export type ControlInputRequest = z.infer<typeof ControlInputRequestSchema>;

export const ClipboardWriteRequestSchema = z.object({ sessionId: SessionIdSchema, text: z.string().max(CONTROL_CLIPBOARD_LENGTH) }).strict();
export const ClipboardReadRequestSchema = z.object({ sessionId: SessionIdSchema }).strict();
export const ClipboardReadResponseSchema = z.object({ text: z.string() }).strict();

/** The sharer of the controlled screen reports the size of what it captures (null: whole desktop / unknown). */
export const ControlSurfaceRequestSchema = z.object({ sessionId: SessionIdSchema, surface: CapturedSurfaceSchema }).strict();

/** A participant turned an annotation tool on or off: annotating pauses control until nobody annotates (R3.6). */
export const AnnotationModeRequestSchema = z.object({ sessionId: SessionIdSchema, active: z.boolean() }).strict();

export const PairingInfoSchema = z
  .object({ code: PairingCodeSchema, downloadPath: z.string().max(64), expiresAt: z.number().int() })
  .strict();
export type PairingInfo = z.infer<typeof PairingInfoSchema>;

/** Server -> the session's participants: where control stands. `pairing` is only in the copy sent to the target. */
export const ControlStateEventSchema = z
  .object({
    sessionId: SessionIdSchema,
    state: ControlStateNameSchema,
    direction: ControlDirectionSchema.nullable(),
    /** Who drives (sends input) and whose desktop is driven (runs the helper). */
    controllerId: ParticipantIdSchema.nullable(),
    targetId: ParticipantIdSchema.nullable(),
    pausedReason: ControlPauseReasonSchema.nullable(),
    /** Epoch ms when a local-input pause ends (null otherwise). */
    resumesAt: z.number().int().nullable(),
    helperConnected: z.boolean(),
    /** Set when state is idle after a control ended. */
    endReason: ControlEndReasonSchema.nullable(),
    pairing: PairingInfoSchema.optional(),
  })
  .strict();
export type ControlStateEvent = z.infer<typeof ControlStateEventSchema>;
