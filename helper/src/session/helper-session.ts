import type { CapturedSurface, HelperControlState, HelperEndReason, HelperReady } from '@rs/signaling';
import { applyInput } from '../input/apply-input';
import { capturedArea } from '../input/coordinates';
import type { DesktopGeometry, Platform } from '../input/injector';
import { InputGate } from '../input/input-gate';
import type { ServerEventName } from './server-link';

/** The person's own input is reported to the server at most this often. */
const LOCAL_INPUT_REPORT_MS = 100;

export interface SessionOutput {
  /** Control state changed (for the terminal). */
  state(state: HelperControlState): void;
  localInput(): void;
  /** Control is over: the helper exits. */
  ended(reason: HelperEndReason): void;
  /** An input event was dropped (the reason only, never the contents). */
  dropped?(reason: string): void;
}

/**
 * The helper's side of one control grant: takes the server's messages, lets
 * only checked input through to the platform, answers clipboard requests, and
 * reports the person's own input (which pauses remote input at once, here,
 * before the server even knows).
 */
export class HelperSession {
  private readonly gate = new InputGate();
  private surface: CapturedSurface = null;
  private geometryNow: DesktopGeometry | undefined;
  private lastLocalReport = 0;
  /** Input is applied in order, one event after the other. */
  private queue: Promise<void> = Promise.resolve();
  /** Counts of dropped events by reason (never their contents). */
  readonly dropped: Record<string, number> = {};

  constructor(
    private readonly platform: Platform,
    private readonly output: SessionOutput,
    private readonly sendLocalInput: () => void,
  ) {}

  start(): void {
    this.platform.localInput.start(() => this.onLocalInput());
  }

  async ready(version: string): Promise<HelperReady> {
    const geometry = await this.geometry(true);
    return { version, platform: this.platform.name.slice(0, 32), screen: { width: geometry.width, height: geometry.height, monitors: geometry.monitors } };
  }

  handle(event: ServerEventName, payload: unknown, ack: ((reply: unknown) => void) | null): void {
    switch (event) {
      case 'control:state':
        return this.onState(payload as HelperControlState);
      case 'control:surface':
        this.surface = payload as CapturedSurface;
        return;
      case 'input':
        return this.onInput(payload);
      case 'clipboard:write':
        return this.answer(ack, async () => {
          await this.platform.clipboard.write((payload as { text: string }).text);
          return {};
        });
      case 'clipboard:read':
        return this.answer(ack, async () => ({ text: await this.platform.clipboard.read() }));
      case 'helper:end':
        return this.output.ended((payload as { reason: HelperEndReason }).reason);
    }
  }

  /** Waits for input already queued. */
  drain(): Promise<void> {
    return this.queue;
  }

  private onState(state: HelperControlState): void {
    this.gate.setState(state.state);
    if (state.state !== 'active') this.enqueue(() => this.platform.injector.releaseAll());
    this.output.state(state);
  }

  private onInput(payload: unknown): void {
    const verdict = this.gate.check(payload);
    if (!verdict.ok) {
      this.dropped[verdict.reason] = (this.dropped[verdict.reason] ?? 0) + 1;
      this.output.dropped?.(verdict.reason);
      return;
    }
    const input = verdict.input;
    this.enqueue(async () => {
      // The person may have taken over while this waited in the queue.
      if (!this.gate.active) return;
      const area = capturedArea(await this.geometry(false), this.surface);
      await applyInput(input, area, this.platform.injector, this.platform.localInput);
    });
  }

  private onLocalInput(): void {
    this.gate.pauseForLocalInput();
    this.enqueue(() => this.platform.injector.releaseAll());
    const now = performance.now();
    if (now - this.lastLocalReport < LOCAL_INPUT_REPORT_MS) return;
    this.lastLocalReport = now;
    this.sendLocalInput();
    this.output.localInput();
  }

  private async geometry(refresh: boolean): Promise<DesktopGeometry> {
    if (refresh || !this.geometryNow) this.geometryNow = await this.platform.injector.geometry();
    return this.geometryNow;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((err: unknown) => {
      process.stderr.write(`input failed: ${(err as Error).message}\n`);
    });
  }

  private answer(ack: ((reply: unknown) => void) | null, work: () => Promise<object>): void {
    // The clipboard is under the same grant as input: refused unless control is active (the server checks too).
    if (this.gate.controlState !== 'active') {
      ack?.({ ok: false, error: { code: 'CONTROL_NOT_ACTIVE', message: 'control is not active' } });
      return;
    }
    work().then(
      (reply) => ack?.({ ok: true, ...reply }),
      (err: unknown) => ack?.({ ok: false, error: { code: 'HELPER_UNAVAILABLE', message: (err as Error).message } }),
    );
  }
}
