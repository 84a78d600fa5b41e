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
    });
    this.socket.onAny((name: string, payload: unknown) => this.observer.emit('received', name, payload));
    this.socket.on('connect', () => this.connection.emit('connected'));
    this.socket.on('connect_error', (error: Error) => {
      // A refusal by the server's middleware is final: socket.io does not retry it.
      if (this.socket.active) this.connection.emit('reconnecting');
      else this.connection.emit('failed', isErrorCode(error.message) ? error.message : 'NETWORK_ERROR');
    });
    this.socket.on('disconnect', (reason: Socket.DisconnectReason) => {
      if (this.closed || reason === 'io client disconnect') return;
      if (this.socket.active) this.connection.emit('reconnecting');
      else this.connection.emit('failed', 'DISCONNECTED');
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

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.handlers.clear();
    this.connection.removeAllListeners();
    this.observer.removeAllListeners();
    this.socket.offAny();
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

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
