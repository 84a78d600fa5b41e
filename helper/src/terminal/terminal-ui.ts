import type { HelperControlState, HelperEndReason } from '@rs/signaling';

const END_TEXT: Record<HelperEndReason | 'stopped-here' | 'pairing-invalid' | 'unreachable', string> = {
  stopped: 'Control was stopped.',
  revoked: 'Control was revoked.',
  transferred: 'Control ended: the session was handed to someone else.',
  'session-ended': 'The support session has ended.',
  replaced: 'Another helper took over this control.',
  'stopped-here': 'You stopped control.',
  'pairing-invalid': 'This code is not valid any more: ask for a new one on the support page.',
  unreachable: 'The support server cannot be reached: control has stopped.',
};
export type EndReason = keyof typeof END_TEXT;

/**
 * What the person at the controlled computer sees in the terminal: who controls,
 * each state change, and how to stop (S or Ctrl+C). Never any input contents.
 */
export class TerminalUi {
  private lastLine = '';

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly input: NodeJS.ReadStream,
  ) {}

  /** Calls `onStop` when the person presses S, Ctrl+C, or the process is asked to stop. */
  listen(onStop: () => void): void {
    if (this.input.isTTY) {
      this.input.setRawMode(true);
      this.input.resume();
      this.input.on('data', (data: Buffer) => {
        const key = data.toString('utf8');
        if (key === 's' || key === 'S' || key === '\u0003') onStop();
      });
    } else {
      this.input.on('data', (data: Buffer) => {
        if (/^\s*s\s*$/i.test(data.toString('utf8'))) onStop();
      });
      this.input.on('error', () => undefined);
    }
    process.once('SIGINT', onStop);
    process.once('SIGTERM', onStop);
  }

  info(line: string): void {
    this.print(line);
  }

  connected(first: boolean): void {
    this.print(first ? 'Connected. Waiting for the support agent to start control.' : 'Connected again.');
    this.print('Press S or Ctrl+C to stop control.');
  }

  disconnected(): void {
    this.print('Connection to the support server lost: trying again...');
  }

  state(state: HelperControlState): void {
    const who = state.controllerName ?? 'The support agent';
    if (state.state === 'active') this.print(`${who} is controlling this computer. Press S or Ctrl+C to stop control.`);
    else if (state.state === 'waiting') this.print(`Waiting: ${who} has not started control yet.`);
    else if (state.pausedReason === 'annotation') this.print('Paused while the agent draws on your screen.');
    else this.print('Paused: you are using your mouse or keyboard. Remote control resumes when you stop.');
  }

  /** The person's own input, seen here before the server confirms the pause (printed once). */
  localInput(): void {
    this.print('Paused: you are using your mouse or keyboard. Remote control resumes when you stop.');
  }

  ended(reason: EndReason): void {
    this.print(END_TEXT[reason]);
  }

  close(): void {
    if (this.input.isTTY) this.input.setRawMode(false);
    this.input.pause();
  }

  private print(line: string): void {
    if (line === this.lastLine) return;
    this.lastLine = line;
    this.out.write(`[${new Date().toLocaleTimeString()}] ${line}\n`);
  }
}
