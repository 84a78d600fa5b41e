import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { DumpResult } from './generator-protocol';

const run = promisify(execFile);

export interface SampleCheck extends DumpResult {
  /** Frames ffmpeg decoded from the received VP8 (written as IVF by the generator). */
  decodedFrames: number;
  /** Lines ffmpeg printed at error level while decoding (0: the stream is intact). */
  decodeErrors: number;
}

/** Decodes a received sample with ffmpeg: proof that what went through the SFU is a valid picture stream. */
export async function checkSample(dump: DumpResult): Promise<SampleCheck> {
  const probe = await run('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', dump.file], { timeout: 60_000 });
  const decode = await run('ffmpeg', ['-v', 'error', '-i', dump.file, '-f', 'null', '-'], { timeout: 60_000 }).catch((error: { stderr?: string }) => ({ stderr: error.stderr ?? 'ffmpeg failed' }));
  return {
    ...dump,
    decodedFrames: Number(probe.stdout.trim()) || 0,
    decodeErrors: decode.stderr.split('\n').filter((line) => line.trim().length > 0).length,
  };
}
