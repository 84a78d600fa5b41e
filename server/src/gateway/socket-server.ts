import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { HandshakeAuthSchema, PROTOCOL_VERSION, isRequestName } from '@rs/signaling';
import type { RequestName } from '@rs/signaling';
import type { TokenIssuer } from '../auth/principal';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import { registerHandler } from './define-handler';
import type { Handler, HandlerMap } from './define-handler';
import { chatConsentHandlers } from './handlers/chat-consent-handlers';
import { controlHandlers } from './handlers/control-handlers';
import { mediaHandlers } from './handlers/media-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { voiceAnnotationHandlers } from './handlers/voice-annotation-handlers';
import type { Services } from './services';
import { participantRoom } from './socket-types';
import type { SignalingServer, SignalingSocket } from './socket-types';

const MAX_MESSAGE_BYTES = 256 * 1024;

/** The socket.io edge: handshake (version + token), one handler per request, cleanup on disconnect. */
export function createSocketServer(httpServer: HttpServer, tokens: TokenIssuer, services: Services, log: Logger): SignalingServer {
  const io: SignalingServer = new Server(httpServer, { maxHttpBufferSize: MAX_MESSAGE_BYTES, serveClient: false });
  const handlers: HandlerMap = {
    ...sessionHandlers(services),
    ...controlHandlers(services),
    ...chatConsentHandlers(services),
    ...mediaHandlers(services),
    ...voiceAnnotationHandlers(services),
  };

  io.use((socket, next) => {
    const auth = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(handshakeError('UNAUTHENTICATED'));
    if (auth.data.protocolVersion !== PROTOCOL_VERSION) return next(handshakeError('VERSION_MISMATCH'));
    tokens.verify(auth.data.token).then(
      (principal) => {
        if (principal.role === 'admin') return next(handshakeError('FORBIDDEN'));
        socket.data.principal = principal;
        socket.data.sessions = new Map();
        next();
      },
      () => {
        log.info({ address: socket.handshake.address }, 'socket refused: bad token');
        next(handshakeError('UNAUTHENTICATED'));
      },
    );
  });

  io.on('connection', (socket) => {
    const socketLog = log.child({ socketId: socket.id, role: socket.data.principal.role });
    for (const name of Object.keys(handlers) as RequestName[]) {
      registerHandler(socket, name, handlers[name] as Handler<typeof name>, socketLog);
    }
    socket.onAny((event: string, ...args: unknown[]) => {
      if (isRequestName(event)) return;
      socketLog.info({ event: event.slice(0, 64) }, 'unknown event');
      const ack = args[args.length - 1];
      const error = { code: 'UNKNOWN_EVENT' as const, message: 'unknown event' };
      if (typeof ack === 'function') (ack as (result: unknown) => void)({ ok: false, error });
      else socket.emit('protocol:error', { event: event.slice(0, 64), ...error });
    });
    socket.on('disconnect', () => void detachAll(io, socket, services, socketLog));
  });
  return io;
}

/** A closed connection: the participant is shown disconnected and their media closes, unless another connection of theirs remains. */
async function detachAll(io: SignalingServer, socket: SignalingSocket, services: Services, log: Logger): Promise<void> {
  for (const [sessionId, participantId] of socket.data.sessions) {
    try {
      const others = await io.in(participantRoom(participantId)).fetchSockets();
      if (others.length > 0) continue;
      // Their media stays a short while: a reconnect (same page) keeps using it.
      services.rooms.releasePeerLater(sessionId, participantId);
      const session = await services.store.getSession(sessionId);
      const participant = await services.store.getParticipant(sessionId, participantId);
      if (session && participant) await services.sessions.detach({ session, participant });
    } catch (err) {
      log.error({ err, sessionId }, 'detach failed');
    }
  }
}

function handshakeError(code: 'UNAUTHENTICATED' | 'VERSION_MISMATCH' | 'FORBIDDEN'): Error {
  const err = new AppError(code, code) as Error & { data?: unknown };
  err.data = { code };
  return err;
}
