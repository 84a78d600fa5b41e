import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { HELPER_NAMESPACE, HelperReadyAckSchema, helperServerEvents } from '@rs/signaling';
import type { HelperAuth, HelperReady } from '@rs/signaling';
import { waitFor } from './wait-for';

type HelperEvent = keyof typeof helperServerEvents;

const READY: HelperReady = { version: 'test', platform: 'linux', screen: { width: 1280, height: 720, monitors: [{ x: 0, y: 0, width: 1280, height: 720, primary: true }] } };

/**
 * The helper program's side of the /helper namespace, as a plain socket.io client
 * speaking the real protocol (the built helper is exercised by the display e2e).
 * Records what the server sends, validated against the protocol's schemas.
 */
export class HelperPeer {
  readonly events: { name: HelperEvent; payload: unknown; at: number }[] = [];
  disconnectedAt: number | null = null;
  /** Answers to clipboard requests (what the desktop's clipboard holds). */
  clipboard = '';

  private constructor(readonly socket: Socket) {
    socket.onAny((name: string, payload: unknown, ack?: (reply: unknown) => void) => {
      const schema = helperServerEvents[name as HelperEvent];
      if (!schema?.safeParse(payload).success) throw new Error(`helper got an invalid ${name}: ${JSON.stringify(payload)}`);
      this.events.push({ name: name as HelperEvent, payload, at: Date.now() });
      if (name === 'clipboard:write') {
        this.clipboard = (payload as { text: string }).text;
        ack?.({ ok: true });
      } else if (name === 'clipboard:read') ack?.({ ok: true, text: this.clipboard });
    });
    socket.on('disconnect', () => {
      this.disconnectedAt = Date.now();
    });
  }

  /** Connects with a pairing code or resume token; rejects with the server's refusal (e.g. PAIRING_INVALID). */
  static async connect(url: string, auth: HelperAuth): Promise<HelperPeer> {
    const socket = io(`${url}${HELPER_NAMESPACE}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true, autoConnect: false });
    // Listening before connecting: the server speaks right after accepting.
    const peer = new HelperPeer(socket);
    socket.connect();
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => {
        socket.close();
        reject(err);
      });
    });
    return peer;
  }

  /** helper:ready; the server answers with the resume token. */
  async ready(): Promise<string> {
    const reply: unknown = await this.socket.timeout(5_000).emitWithAck('helper:ready', READY);
    return HelperReadyAckSchema.parse(reply).resumeToken;
  }

  received(name: HelperEvent): unknown[] {
    return this.events.filter((e) => e.name === name).map((e) => e.payload);
  }

  waitFor(name: HelperEvent, match: (payload: never) => boolean = () => true): Promise<unknown> {
    return waitFor(`helper event ${name}`, () => this.received(name).find((p) => match(p as never)));
  }

  waitForDisconnect(): Promise<number> {
    return waitFor('helper disconnected', () => this.disconnectedAt ?? undefined);
  }

  emit(name: 'local-input' | 'helper:stop'): void {
    this.socket.emit(name, {});
  }

  close(): void {
    this.socket.close();
  }
}

/** The connect_error message of a refused helper connection. */
export async function helperRefusal(url: string, auth: HelperAuth): Promise<string> {
  try {
    (await HelperPeer.connect(url, auth)).close();
    return 'connected';
  } catch (err) {
    return (err as Error).message;
  }
}
