import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  clientRequests,
  serverEvents,
  type RequestName,
  type RequestOf,
  type ResponseOf,
  type ServerEventName,
  type ServerEventOf,
} from '@rs/signaling';
import { TypedEmitter } from '../util/typed-emitter';
import { ApiError, isErrorCode, type ClientErrorCode } from './api-error';
import { unwrapResult } from './result-envelope';

/** Connection state changes. `failed` means no automatic retry will happen. */
export type ConnectionEvents = {
  connected: [];
  reconnecting: [];
  failed: [code: ClientErrorCode];
};

/** Monitoring only (debug probes): every server event as received, before validation. */
export type SignalingObserverEvents = {
  received: [name: string, payload: unknown];
};

export interface SignalingClientOptions {
  /** Server origin; the page's own origin when omitted. */
  url?: string;
  token: string;
  requestTimeoutMs?: number;
}

type ServerEventHandler<E extends ServerEventName> = (payload: ServerEventOf<E>) => void;

/** After the server closed the connection, the first retry (randomised so clients do not all come at once). */
const SERVER_CLOSE_RETRY_MS = 300;

/**
 * Reconnection: backoff from 0.5 s doubling to 2.5 s (randomised: a restarted
 * server is back within seconds, and clients do not all come at once), about
 * 3 minutes of attempts, then `failed` with a clear message instead of retrying forever.
 */
const RECONNECT = { reconnectionDelay: 500, reconnectionDelayMax: 2_500, randomizationFactor: 0.3, reconnectionAttempts: 75 } as const;

/**
 * The socket.io connection: typed requests answered with Result<T>, server
 * events validated against their schema before any handler sees them.
 */
export class SignalingClient {
  readonly connection = new TypedEmitter<ConnectionEvents>();
  readonly observer = new TypedEmitter<SignalingObserverEvents>();
  private readonly socket: Socket;
  private readonly requestTimeoutMs: number;
  private readonly handlers = new Map<ServerEventName, Set<(payload: unknown) => void>>();
  private closed = false;

  constructor(options: SignalingClientOptions) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.socket = io(options.url ?? window.location.origin, {
      auth: { token: options.token, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      autoConnect: false,
      ...RECONNECT,
    });
    this.socket.io.on('reconnect_failed', () => {
      if (!this.closed) this.connection.emit('failed', 'NETWORK_ERROR');
    });
    // Back online: try at once rather than at the end of the current backoff delay.
    if (typeof window !== 'undefined') window.addEventListener('online', this.reconnectNow);
    this.socket.onAny((name: string, payload: unknown) => this.observer.emit('received', name, payload));
    this.socket.on('connect', () => this.connection.emit('connected'));
    this.socket.on('connect_error', (error: Error) => {
      // A refusal by the server's middleware is final: socket.io does not retry it.
      if (this.socket.active) this.connection.emit('reconnecting');
      else this.connection.emit('failed', isErrorCode(error.message) ? error.message : 'NETWORK_ERROR');
    });
    this.socket.on('disconnect', (reason: Socket.DisconnectReason) => {
      if (this.closed || reason === 'io client disconnect') return;
      this.connection.emit('reconnecting');
      // socket.io does not retry after the server closed the connection (a restart, a
      // shutdown): try again; a token the server no longer accepts fails the handshake.
      if (!this.socket.active) setTimeout(() => this.reconnectNow(), SERVER_CLOSE_RETRY_MS * (1 + Math.random()));
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  connect(): void {
    this.socket.connect();
  }

  /** Sends a request and resolves with its checked response; rejects with ApiError. */
  async request<N extends RequestName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
    let raw: unknown;
    try {
      raw = await this.socket.timeout(this.requestTimeoutMs).emitWithAck(name, payload);
    } catch {
      throw new ApiError('TIMEOUT', `${name}: no answer within ${this.requestTimeoutMs} ms`);
    }
    const schema = clientRequests[name].response;
    return unwrapResult(raw, schema, name) as ResponseOf<N>;
  }

  /** Subscribes to a server event; returns the unsubscribe function. */
  on<E extends ServerEventName>(event: E, handler: ServerEventHandler<E>): () => void {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
      this.socket.on(event as string, (payload: unknown) => this.dispatch(event, payload));
    }
    const untyped = handler as (payload: unknown) => void;
    set.add(untyped);
    return () => {
      set.delete(untyped);
    };
  }

  /**
   * Answers a server request that carries an acknowledgement (files:fs-request): the payload is
   * validated, the handler's result goes back through the ack. One answerer per event; returns the unsubscribe.
   */
  answer<E extends ServerEventName>(event: E, handler: (payload: ServerEventOf<E>) => Promise<unknown>): () => void {
    const listener = (payload: unknown, ack?: (reply: unknown) => void): void => {
      const parsed = serverEvents[event].safeParse(payload);
      if (!parsed.success || typeof ack !== 'function') {
        console.warn(`dropped invalid "${event}" request`);
        return;
      }
      handler(parsed.data as ServerEventOf<E>).then(ack, (error: unknown) => console.error(`answer to "${event}" failed`, error));
    };
    this.socket.on(event as string, listener);
    return () => {
      this.socket.off(event as string, listener);
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.reconnectNow);
    this.handlers.clear();
    this.connection.removeAllListeners();
    this.observer.removeAllListeners();
    this.socket.offAny();
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  /** Connects at once (back online, or the server closed the connection) instead of waiting for the backoff. */
  private readonly reconnectNow = (): void => {
    if (this.closed || this.socket.connected) return;
    if (this.socket.active) this.socket.disconnect();
    this.socket.connect();
  };

  private dispatch(event: ServerEventName, payload: unknown): void {
    const parsed = serverEvents[event].safeParse(payload);
    if (!parsed.success) {
      console.warn(`dropped invalid "${event}" event`, parsed.error.issues);
      return;
    }
    for (const handler of [...(this.handlers.get(event) ?? [])]) {
      try {
        handler(parsed.data);
      } catch (error) {
        console.error(`handler of "${event}" failed`, error);
      }
    }
  }
}
