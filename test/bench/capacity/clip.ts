import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { QUALITY_PRESETS, SCREEN_SIMULCAST_SCALES } from '@rs/signaling';
import { readIvf, readOggOpus } from './clip-files';
import { packetizeVp8 } from './rtp';

const run = promisify(execFile);

/** One packet of a clip: when it leaves (ms from the clip's start), its RTP payload, marker bit and timestamp (clock units from the start). */
export interface ClipPacket {
  atMs: number;
  payload: Buffer;
  marker: boolean;
  rtpTime: number;
}

/** A pre-encoded stream the generator replays in a loop (no encoding per session). */
export interface Clip {
  packets: ClipPacket[];
  durationMs: number;
  clockRate: number;
}

/** The full run's clip; the CI smoke uses a 1 s clip (cheaper to encode on a fresh machine). */
export const CLIP_SECONDS = 4;
const SCREEN = { width: 1920, height: 1080, fps: 30 };
/** Keyframe every second: a consumer that joins (or switches layer) waits at most this long for its first picture. */
const GOP_FRAMES = 30;

/**
 * The screen's simulcast layers as the customer app sends a 1080p screen in its default
 * mode (web-common sender-quality: scales 4, 2, 1 of the preset, bitrate shrinking with
 * the area), lowest first, and the Opus microphone.
 */
export function screenLayers(): { width: number; height: number; bitrate: number }[] {
  const preset = QUALITY_PRESETS['high-detail'];
  return SCREEN_SIMULCAST_SCALES.map((scale) => ({
    width: SCREEN.width / scale,
    height: SCREEN.height / scale,
    bitrate: Math.max(50_000, Math.round(preset.maxBitrate / (scale * scale))),
  }));
}

async function ffmpeg(args: string[], output: string): Promise<void> {
  const partial = `${output}.part${path.extname(output)}`;
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, partial], { timeout: 240_000 });
  renameSync(partial, output);
}

/** Encodes the clip files once (ffmpeg from apt), cached in `dir`; later runs reuse them. */
export async function ensureClipFiles(dir: string, seconds = CLIP_SECONDS): Promise<{ layers: string[]; mic: string }> {
  mkdirSync(dir, { recursive: true });
  const layers = screenLayers().map((l) => path.join(dir, `screen-${l.width}x${l.height}-${l.bitrate}-${seconds}s.ivf`));
  const mic = path.join(dir, `mic-opus-${seconds}s.ogg`);
  const source = ['-f', 'lavfi', '-i', `testsrc2=size=${SCREEN.width}x${SCREEN.height}:rate=${SCREEN.fps}`, '-t', String(seconds)];
  await Promise.all(
    screenLayers().map(async (layer, index) => {
      if (existsSync(layers[index]!)) return;
      const rate = `${Math.round(layer.bitrate / 1000)}k`;
      await ffmpeg([...source, '-vf', `scale=${layer.width}:${layer.height}`, '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '16', '-threads', '2',
        '-b:v', rate, '-minrate', rate, '-maxrate', rate, '-g', String(GOP_FRAMES), '-keyint_min', String(GOP_FRAMES), '-auto-alt-ref', '0', '-f', 'ivf'], layers[index]!);
    }),
  );
  if (!existsSync(mic)) {
    await ffmpeg(['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000`, '-t', String(seconds), '-ac', '2', '-c:a', 'libopus', '-b:a', '32k',
      '-frame_duration', '20', '-application', 'voip', '-f', 'ogg'], mic);
  }
  return { layers, mic };
}

export function vp8Clip(file: string): Clip {
  const { frames, timebase } = readIvf(file);
  const durationMs = Math.round(frames.length * (1000 / SCREEN.fps));
  const packets: ClipPacket[] = [];
  for (const frame of frames) {
    const atMs = frame.pts * timebase * 1000;
    const parts = packetizeVp8(frame.data);
    parts.forEach((payload, index) => packets.push({ atMs, payload, marker: index === parts.length - 1, rtpTime: Math.round(frame.pts * timebase * 90_000) }));
  }
  return { packets, durationMs, clockRate: 90_000 };
}

/** Packets per second a clip sends. */
export const packetRate = (clip: Clip) => (clip.packets.length * 1000) / clip.durationMs;

export function opusClip(file: string): Clip {
  const packets = readOggOpus(file).map((payload, index) => ({ atMs: index * 20, payload, marker: index === 0, rtpTime: index * 960 }));
  return { packets, durationMs: packets.length * 20, clockRate: 48_000 };
}
