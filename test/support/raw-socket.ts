import net from 'node:net';
import { WebSocket } from 'ws';
import { PROTOCOL_VERSION } from '@rs/signaling';
import { waitFor } from './wait-for';

/**
 * socket.io spoken by hand over a raw WebSocket (engine.io v4 framing), so a
 * test can send what no socket.io client would: malformed packets, bad binary
 * attachments, absurd nesting. Answers the server's pings like a real client.
 */
export class RawSocket {
  readonly frames: (string | Buffer)[] = [];
  closed: { code: number } | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const frame = isBinary ? data : data.toString('utf8');
      if (frame === '2') ws.send('3');
      else this.frames.push(frame);
    });
    ws.on('close', (code: number) => (this.closed = { code }));
    ws.on('error', () => {});
  }

  /** Opens the engine.io connection; with a token, also the socket.io one (the default namespace). */
  static async open(url: string, token?: string): Promise<RawSocket> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const raw = new RawSocket(ws);
    // The server's first packet can arrive with the upgrade answer, before the 'open' event: wait for both.
    await waitFor('engine.io open packet', () => (ws.readyState === WebSocket.OPEN && raw.frames.find((f) => typeof f === 'string' && f.startsWith('0'))) || raw.closed || undefined);
    if (raw.closed) throw new Error(`closed at open: ${raw.closed.code}`);
    if (token !== undefined) {
      raw.send(`40${JSON.stringify({ token, protocolVersion: PROTOCOL_VERSION })}`);
      const answer = await waitFor('socket.io connect answer', () => raw.text().find((f) => f.startsWith('40') || f.startsWith('44')));
      if (!answer.startsWith('40')) throw new Error(`connect refused: ${answer}`);
    }
    return raw;
  }

  send(frame: string | Buffer): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  text(): string[] {
    return this.frames.filter((f): f is string => typeof f === 'string');
  }

  /** The answer (socket.io ACK) to request id `id`, parsed; undefined until it arrives. */
  ack(id: number): unknown {
    const frame = this.text().find((f) => f.startsWith(`43${id}[`));
    return frame === undefined ? undefined : (JSON.parse(frame.slice(`43${id}`.length)) as unknown[])[0];
  }

  close(): void {
    this.ws.terminate();
  }
}

/** A plain TCP connection to the server, recording what it answers and when it is closed. */
export class RawTcp {
  received = '';
  closed = false;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => (this.received += chunk.toString('latin1')));
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => {});
  }

  static async open(url: string): Promise<RawTcp> {
    const { hostname, port } = new URL(url);
    const socket = net.connect(Number(port), hostname);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new RawTcp(socket);
  }

  write(text: string): void {
    if (!this.socket.destroyed) this.socket.write(text);
  }

  close(): void {
    this.socket.destroy();
  }
}
