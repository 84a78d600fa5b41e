import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { HELPER_NAMESPACE, HelperReadyAckSchema, helperServerEvents } from '@rs/signaling';
import type { HelperAuth, HelperReady } from '@rs/signaling';
import type { z } from 'zod';

/** Without the server for this long, the helper gives up (control cannot continue). */
export const GIVE_UP_AFTER_MS = 30_000;

type ServerEvents = typeof helperServerEvents;
export type ServerEventName = keyof ServerEvents;
type Payload<E extends ServerEventName> = z.infer<ServerEvents[E]>;
type Ack = (reply: unknown) => void;

export interface ServerLinkEvents {
  /** A validated server event; `ack` only for clipboard requests. */
  message<E extends ServerEventName>(event: E, payload: Payload<E>, ack: Ack | null): void;
  /** The link is lost for good: refused pairing, or no server for GIVE_UP_AFTER_MS. */
  lost(reason: 'pairing-invalid' | 'unreachable'): void;
  connected(first: boolean): void;
  disconnected(): void;
}

/**
 * The helper's socket.io connection to /helper: pairs with the one-time code,
 * then reconnects with the resume token it got for `helper:ready`. Every server
 * event is validated against the protocol before anyone sees it.
 */
export class ServerLink {
  private readonly socket: Socket;
  private paired = false;
  private giveUpTimer: NodeJS.Timeout | undefined;

  constructor(
    serverUrl: string,
    code: string,
    private readonly ready: () => Promise<HelperReady>,
    private readonly on: ServerLinkEvents,
  ) {
    const auth: HelperAuth = { code };
    this.socket = io(new URL(HELPER_NAMESPACE, serverUrl).toString(), {
      auth,
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
    });
    this.armGiveUp();
    this.socket.on('connect', () => void this.onConnect());
    this.socket.on('disconnect', () => {
      this.on.disconnected();
      this.armGiveUp();
    });
    this.socket.on('connect_error', (err) => {
      if (err.message === 'PAIRING_INVALID') this.lose('pairing-invalid');
    });
    for (const event of Object.keys(helperServerEvents) as ServerEventName[]) {
      this.socket.on(event, (payload: unknown, ack?: Ack) => {
        const parsed = helperServerEvents[event].safeParse(payload);
        if (!parsed.success) {
          if (typeof ack === 'function') ack({ ok: false, error: { code: 'VALIDATION', message: 'invalid request' } });
          return;
        }
        this.on.message(event, parsed.data as Payload<typeof event>, typeof ack === 'function' ? ack : null);
      });
    }
  }

  send(event: 'local-input' | 'helper:stop'): void {
    this.socket.emit(event, {});
  }

  /** Sends helper:stop and waits (2 s at most) for the server to end the link. */
  async stop(): Promise<void> {
    if (!this.socket.connected) return;
    const gone = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      this.socket.once('disconnect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.socket.emit('helper:stop', {});
    await gone;
  }

  close(): void {
    clearTimeout(this.giveUpTimer);
    this.socket.disconnect();
  }

  private async onConnect(): Promise<void> {
    clearTimeout(this.giveUpTimer);
    const first = !this.paired;
    const reply: unknown = await this.socket.timeout(10_000).emitWithAck('helper:ready', await this.ready()).catch(() => null);
    const ack = HelperReadyAckSchema.safeParse(reply);
    if (ack.success) {
      this.paired = true;
      this.socket.auth = { resumeToken: ack.data.resumeToken } satisfies HelperAuth;
    }
    this.on.connected(first);
  }

  private armGiveUp(): void {
    clearTimeout(this.giveUpTimer);
    this.giveUpTimer = setTimeout(() => this.lose('unreachable'), GIVE_UP_AFTER_MS);
  }

  private lose(reason: 'pairing-invalid' | 'unreachable'): void {
    clearTimeout(this.giveUpTimer);
    this.socket.disconnect();
    this.on.lost(reason);
  }
}
