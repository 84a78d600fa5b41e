import type {
  RequestName,
  RequestOf,
  ResponseOf,
  ServerEventName,
  ServerEventOf,
  QueueServerEventName,
  SessionEndedEvent,
  SessionId,
  SessionSnapshot,
} from '@rs/signaling';
import { ApiError } from '../connection/api-error';
import type { SignalingClient } from '../connection/signaling-client';
import { Subscriptions, TypedEmitter } from '../util/typed-emitter';

/** Server events that belong to one session (they all carry `sessionId`). */
export type SessionEventName = Exclude<ServerEventName, 'protocol:error' | QueueServerEventName>;

export type SessionChannelEvents = {
  /** After every successful `session:join` (first join and each rejoin after a reconnect). */
  snapshot: [SessionSnapshot];
  ended: [SessionEndedEvent];
  /** `session:join` was refused (ended session, unknown session...). No retry follows. */
  'join-failed': [ApiError];
  /** The server's state store is briefly unavailable: the join is retried with backoff. */
  'join-retrying': [ApiError];
};

/** Pauses between joins refused with STORE_UNAVAILABLE (the last one repeats), and how many before giving up. */
const STORE_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 5_000];
const STORE_RETRIES = 40;

/**
 * One session as seen through the shared socket: joins it, joins it again after
 * every reconnect, and hands out only this session's events. Feature managers
 * talk to the server through a channel, never through the socket.
 */
export class SessionChannel {
  readonly events = new TypedEmitter<SessionChannelEvents>();
  private readonly subscriptions = new Subscriptions();
  private ended = false;
  private closed = false;
  private storeRetries = 0;

  constructor(
    private readonly signaling: SignalingClient,
    readonly sessionId: SessionId,
  ) {}

  /** Joins now (or as soon as connected) and after every reconnect. */
  start(): void {
    this.subscriptions.add(this.signaling.connection.on('connected', () => void this.join()));
    this.subscriptions.add(
      this.on('session:ended', (event) => {
        this.ended = true;
        this.events.emit('ended', event);
      }),
    );
    if (this.signaling.connected) void this.join();
  }

  get isEnded(): boolean {
    return this.ended;
  }

  request<N extends RequestName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
    return this.signaling.request(name, payload);
  }

  /** Subscribes to one server event, filtered to this session. */
  on<E extends SessionEventName>(event: E, handler: (payload: ServerEventOf<E>) => void): () => void {
    const off = this.signaling.on(event, (payload) => {
      if (sessionIdOf(payload) === this.sessionId) handler(payload);
    });
    this.subscriptions.add(off);
    return off;
  }

  async leave(): Promise<void> {
    await this.request('session:leave', { sessionId: this.sessionId });
  }

  async end(): Promise<void> {
    await this.request('session:end', { sessionId: this.sessionId });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.subscriptions.clear();
    this.events.removeAllListeners();
  }

  private async join(): Promise<void> {
    if (this.ended || this.closed) return;
    try {
      const snapshot = await this.request('session:join', { sessionId: this.sessionId });
      if (this.closed) return;
      if (snapshot.session.state === 'ended') this.ended = true;
      this.storeRetries = 0;
      this.events.emit('snapshot', snapshot);
    } catch (error) {
      if (this.closed) return;
      const apiError = error instanceof ApiError ? error : new ApiError('INTERNAL', String(error));
      // A timeout or a dropped socket is retried by the next 'connected'.
      if (apiError.code === 'TIMEOUT' && this.signaling.connected) void this.join();
      else if (apiError.code === 'STORE_UNAVAILABLE' && this.storeRetries < STORE_RETRIES) this.retryLater(apiError);
      else if (apiError.code !== 'TIMEOUT') this.events.emit('join-failed', apiError);
    }
  }

  private retryLater(error: ApiError): void {
    const delay = STORE_RETRY_DELAYS_MS[Math.min(this.storeRetries, STORE_RETRY_DELAYS_MS.length - 1)];
    this.storeRetries++;
    this.events.emit('join-retrying', error);
    setTimeout(() => {
      if (this.signaling.connected) void this.join();
    }, delay);
  }
}

/** Every session event names its session: as `sessionId`, or inside `session` (session:updated). */
function sessionIdOf(payload: ServerEventOf<SessionEventName>): SessionId {
  return 'sessionId' in payload ? payload.sessionId : payload.session.id;
}
