import { spawn, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { waitFor } from './wait-for';

export interface XvfbHandle {
  /** ":91" */
  display: string;
  width: number;
  height: number;
  stop(): Promise<void>;
}

/**
 * A virtual X display (the customer's desktop in tests), at a fixed display number the
 * test owns. `-nolisten tcp`: local clients only. Stops with SIGTERM, waits for the exit.
 */
export async function startXvfb(displayNumber: number, width = 1280, height = 720): Promise<XvfbHandle> {
  const socket = `/tmp/.X11-unix/X${displayNumber}`;
  if (existsSync(socket)) throw new Error(`display :${displayNumber} is taken (${socket} exists): another Xvfb still runs`);
  const child = spawn('Xvfb', [`:${displayNumber}`, '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-noreset'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', () => undefined);
  await waitFor(`Xvfb :${displayNumber} to listen`, () => existsSync(socket) || child.exitCode !== null, { timeoutMs: 10_000 });
  if (child.exitCode !== null) throw new Error(`Xvfb :${displayNumber} exited with ${child.exitCode} (is xvfb installed?)`);
  return {
    display: `:${displayNumber}`,
    width,
    height,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** xdotool on that display: the customer's own hand in tests. */
export async function xdotool(display: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('xdotool', args, { env: { ...process.env, DISPLAY: display } });
  return stdout;
}
