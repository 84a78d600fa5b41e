import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { HandshakeAuthSchema, PROTOCOL_VERSION } from '@rs/signaling';
import type { RequestName } from '@rs/signaling';
import { isStaff } from '../auth/principal';
import type { TokenIssuer } from '../auth/principal';
import type { JoinGuard } from '../auth/join-guard';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import { LogLimiter } from '../logging/log-limiter';
import { boundedParser } from './bounded-parser';
import { registerHandler } from './define-handler';
import type { Handler, HandlerMap } from './define-handler';
import { guardAssist } from './guarded-assist';
import { chatConsentHandlers } from './handlers/chat-consent-handlers';
import { controlHandlers } from './handlers/control-handlers';
import { fileHandlers } from './handlers/file-handlers';
import { folderHandlers } from './handlers/folder-handlers';
import { remoteControlHandlers } from './handlers/remote-control-handlers';
import { attachHelperNamespace } from './helper-namespace';
import { RateBuckets } from '../domain/rate-bucket';
import { mediaHandlers } from './handlers/media-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { voiceAnnotationHandlers } from './handlers/voice-annotation-handlers';
import { queueHandlers } from './handlers/queue-handlers';
import { QueueConnections } from './queue-connections';
import type { QueueServices } from './queue-services';
import type { Services } from './services';
import { answerUnknownEvents, containSocketErrors, logEngineRefusals } from './socket-safety';
import { accountRoom, participantRoom, tokenRoom } from './socket-types';
import { StalePresence } from './stale-presence';
import type { SignalingServer, SignalingSocket } from './socket-types';

/**
 * Largest message a client may send, checked by engine.io before anything is parsed.
 * The largest legitimate one is a file offer of FILES_PER_OFFER_MAX files (a folder: ~250 bytes per file,
 * ~400 with long names); notes (20,000 characters) and a 2,000-point stroke fit well.
 */
export const MAX_MESSAGE_BYTES = 512 * 1024;
/** A silent peer is noticed within PING_INTERVAL + PING_TIMEOUT (socket.io's defaults: 25 s + 20 s). */
const PING_INTERVAL_MS = 15_000;
const PING_TIMEOUT_MS = 10_000;

export interface SocketEdge {
  tokens: TokenIssuer;
  /** The join-by-number limits, counted per agent account, for `session:assist`. */
  assistGuard: JoinGuard;
  /** Helper connections (pairing code or resume token) per client address per minute. */
  pairingAttemptsPerMinute: number;
  /** A connection that has not joined (handshake + valid token) by then is closed. */
  handshakeTimeoutMs: number;
  /** How long a participant marked connected may have no connection here before being shown disconnected (after a restart). */
  reconnectGraceMs: number;
  /** QUEUE_ABANDON_GRACE_SECONDS: after a restart, waiting pages that have not come back by then start their grace. */
  queueAbandonGraceMs: number;
}

/** The socket.io edge: handshake (version + token), one handler per request, cleanup on disconnect. */
export function createSocketServer(httpServer: HttpServer, edge: SocketEdge, services: Services, log: Logger, queues: QueueServices): SignalingServer {
  const io: SignalingServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    parser: boundedParser,
    connectTimeout: edge.handshakeTimeoutMs,
    pingInterval: PING_INTERVAL_MS,
    pingTimeout: PING_TIMEOUT_MS,
    serveClient: false,
  });
  const limited = new LogLimiter({ log });
  httpServer.once('close', () => limited.close());
  const handlers: HandlerMap = {
    ...sessionHandlers(services),
    ...controlHandlers(services),
    ...chatConsentHandlers(services),
    ...mediaHandlers(services),
    ...voiceAnnotationHandlers(services),
    ...remoteControlHandlers(services),
    ...queueHandlers(queues),
    ...fileHandlers(services),
    ...folderHandlers(services),
  };
  handlers['session:assist'] = guardAssist(handlers['session:assist'], edge.assistGuard);
  const stalePresence = new StalePresence(io, services, edge.reconnectGraceMs, log);
  httpServer.once('close', () => stalePresence.close());
  handlers['session:join'] = stalePresence.afterJoin(handlers['session:join']);
  const join = handlers['session:join'];
  handlers['session:join'] = async (ctx, request) => {
    const snapshot = await join(ctx, request);
    // A page that (re)joins learns where remote control stands.
    services.remote.tell(request.sessionId, snapshot.self.id).catch((err: unknown) => log.error({ err }, 'control state not told'));
    return snapshot;
  };
  attachHelperNamespace(io, services, new RateBuckets({ capacity: edge.pairingAttemptsPerMinute, refillPerSecond: edge.pairingAttemptsPerMinute / 60 }), limited, log.child({ component: 'helper' }));
  const queueConnections = new QueueConnections(io, queues, edge.queueAbandonGraceMs, log);
  httpServer.once('close', () => queueConnections.close());
  logEngineRefusals(io, limited);

  io.use((socket, next) => {
    const auth = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(handshakeError('UNAUTHENTICATED'));
    if (auth.data.protocolVersion !== PROTOCOL_VERSION) return next(handshakeError('VERSION_MISMATCH'));
    edge.tokens.verify(auth.data.token).then(
      (principal) => {
        if (principal.role === 'admin') return next(handshakeError('FORBIDDEN'));
        socket.data.principal = principal;
        socket.data.sessions = new Map();
        next();
      },
      () => {
        limited.write('info', socket.handshake.address, { address: socket.handshake.address }, 'socket refused: bad token');
        next(handshakeError('UNAUTHENTICATED'));
      },
    ).catch((err: unknown) => log.error({ err }, 'handshake failed'));
  });

  io.on('connection', (socket) => {
    const socketLog = log.child({ socketId: socket.id, role: socket.data.principal.role });
    containSocketErrors(socket, limited);
    answerUnknownEvents(socket, limited, socketLog);
    for (const name of Object.keys(handlers) as RequestName[]) {
      registerHandler(socket, name, handlers[name] as Handler<typeof name>, { log: socketLog, limited });
    }
    socket.on('disconnect', () => {
      // Only one namespace: a connection left without its socket holds nothing worth keeping.
      socket.conn.close();
      void detachAll(io, socket, services, socketLog);
      queueConnections.disconnected(socket).catch((err: unknown) => socketLog.warn({ err }, 'queue detach failed'));
    });
    void joinTokenRoom(socket, edge.tokens, socketLog);
    queueConnections.connected(socket).catch((err: unknown) => socketLog.warn({ err }, 'queue attach failed'));
  });
  return io;
}

/**
 * Into its token's room, so a revocation reaches it; then the token is checked
 * once more, for a sign-out that landed between the handshake and the join.
 */
async function joinTokenRoom(socket: SignalingSocket, tokens: TokenIssuer, log: Logger): Promise<void> {
  try {
    const { principal } = socket.data;
    await socket.join(isStaff(principal) ? [tokenRoom(principal.tokenId), accountRoom(principal.accountId)] : tokenRoom(principal.tokenId));
    const auth = HandshakeAuthSchema.parse(socket.handshake.auth);
    await tokens.verify(auth.token);
  } catch (err) {
    if (!(err instanceof AppError)) log.error({ err }, 'token check failed');
    socket.disconnect();
  }
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
