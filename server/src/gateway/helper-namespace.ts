import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import { HELPER_NAMESPACE, HelperAuthSchema, helperClientEvents } from '@rs/signaling';
import type { HelperEndReason } from '@rs/signaling';
import type { HelperLink } from '../domain/control/helper-link';
import type { RateBuckets } from '../domain/rate-bucket';
import { AppError } from '../errors/app-error';
import type { LogLimiter } from '../logging/log-limiter';
import type { Logger } from '../logging/logger';
import { splitArgs } from './inbound-args';
import type { Services } from './services';
import type { SignalingServer } from './socket-types';

/** How long the helper may take to answer a clipboard request. */
const CLIPBOARD_TIMEOUT_MS = 5_000;

const ClipboardAckSchema = z.union([
  z.object({ ok: z.literal(true), text: z.string().optional() }),
  z.object({ ok: z.literal(false), error: z.unknown() }),
]);

interface HelperSocketData {
  grantId: string;
}
type HelperSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, HelperSocketData>;

/**
 * The helper program's connection (R9), namespace /helper: `auth {code}` uses a
 * pairing code up, `auth {resumeToken}` reconnects while the grant lives; refused
 * connections get PAIRING_INVALID (and each address has few tries: codes are
 * 9 digits). Every message from the helper is validated; the server sends it the
 * state, the surface, the controller's input and clipboard requests, and ends it
 * (helper:end + disconnect) when control ends.
 */
export function attachHelperNamespace(io: SignalingServer, services: Services, pairingTries: RateBuckets, limited: LogLimiter, log: Logger): void {
  const helpers = io.of(HELPER_NAMESPACE) as unknown as Namespace<Record<string, never>, Record<string, never>, Record<string, never>, HelperSocketData>;

  helpers.use((socket, next) => {
    const address = socket.handshake.address;
    const refuse = () => next(pairingInvalid());
    if (!pairingTries.take(address).allowed) return refuse();
    const auth = HelperAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return refuse();
    const presented = auth.data;
    const paired = 'code' in presented ? services.remote.pairHelper(presented.code) : Promise.resolve().then(() => services.remote.resumeHelper(presented.resumeToken));
    paired.then(
      (grantId) => {
        socket.data.grantId = grantId;
        next();
      },
      (err: unknown) => {
        if (!(err instanceof AppError)) log.error({ err }, 'helper pairing failed');
        limited.write('info', address, { address }, 'helper refused');
        refuse();
      },
    );
  });

  helpers.on('connection', (socket) => {
    const { grantId } = socket.data;
    const link = socketLink(socket);
    socket.on('error', () => socket.disconnect(true));
    const attached = services.remote.attachHelper(grantId, link);
    attached.catch(() => socket.disconnect(true));
    const on = (event: keyof typeof helperClientEvents, handle: (payload: unknown, ack: ((reply: unknown) => void) | null) => Promise<void>) => {
      (socket as unknown as { on(e: string, fn: (...args: unknown[]) => void): void }).on(event, (...args) => {
        const { payloads, ack } = splitArgs(args);
        const parsed = payloads.length === 1 ? helperClientEvents[event].safeParse(payloads[0]) : null;
        if (!parsed?.success) {
          limited.write('info', socket.id, { event }, 'helper message refused');
          return;
        }
        handle(parsed.data, ack as ((reply: unknown) => void) | null).catch((err: unknown) => log.error({ err, event }, 'helper message failed'));
      });
    };
    on('helper:ready', async (_ready, ack) => {
      const resumeToken = await attached;
      ack?.({ resumeToken });
      services.remote.helperReady(grantId, link);
    });
    on('local-input', () => services.remote.helperLocalInput(grantId));
    on('helper:stop', () => services.remote.helperStop(grantId));
    socket.on('disconnect', () => {
      socket.conn.close();
      services.remote.detachHelper(grantId, link).catch((err: unknown) => log.error({ err }, 'helper detach failed'));
    });
  });
}

function socketLink(socket: HelperSocket): HelperLink {
  const emit = (event: string, payload: unknown) => (socket as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);
  const ask = async (event: 'clipboard:write' | 'clipboard:read', payload: object): Promise<string> => {
    let reply: unknown;
    try {
      reply = await (socket.timeout(CLIPBOARD_TIMEOUT_MS) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(event, payload);
    } catch {
      throw new AppError('HELPER_UNAVAILABLE', 'the helper did not answer');
    }
    const parsed = ClipboardAckSchema.safeParse(reply);
    if (!parsed.success || !parsed.data.ok) throw new AppError('HELPER_UNAVAILABLE', 'the helper could not use the clipboard');
    return parsed.data.text ?? '';
  };
  return {
    state: (state) => emit('control:state', state),
    surface: (surface) => emit('control:surface', surface),
    input: (input) => emit('input', input),
    clipboardWrite: async (text) => void (await ask('clipboard:write', { text })),
    clipboardRead: () => ask('clipboard:read', {}),
    end: (reason: HelperEndReason) => {
      emit('helper:end', { reason });
      socket.disconnect(true);
    },
  };
}

function pairingInvalid(): Error {
  const err = new AppError('PAIRING_INVALID', 'PAIRING_INVALID') as Error & { data?: unknown };
  err.data = { code: 'PAIRING_INVALID' };
  return err;
}
