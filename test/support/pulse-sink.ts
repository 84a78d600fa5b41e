import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A private PulseAudio daemon with a null sink: Firefox's audio needs an output device. */
export interface PulseSink {
  /** Environment a browser needs to play into this sink. */
  env: Record<string, string>;
  stop(): void;
}

export function startPulseSink(): PulseSink {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-pulse-'));
  const env = { ...process.env, PULSE_RUNTIME_PATH: dir, PULSE_STATE_PATH: dir, PULSE_SERVER: `unix:${dir}/native` } as Record<string, string>;
  const stop = (): void => {
    try { execFileSync('pulseaudio', ['--kill'], { env, stdio: 'pipe' }); } catch { /* not running */ }
    rmSync(dir, { recursive: true, force: true });
  };
  execFileSync('pulseaudio', [
    '--daemonize=yes', '--exit-idle-time=-1', '--system=no', '-n',
    `--load=module-native-protocol-unix auth-anonymous=1 socket=${dir}/native`,
    '--load=module-null-sink sink_name=rs_null',
  ], { env, stdio: 'pipe', timeout: 15_000 });
  return { env: { PULSE_SERVER: `unix:${dir}/native`, PULSE_RUNTIME_PATH: dir }, stop };
}
