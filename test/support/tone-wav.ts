import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A WAV file with a steady tone, for Chromium's --use-file-for-fake-audio-capture
 * (it loops the file): unlike the default fake microphone's 20 ms beeps, a
 * voice-like level that lasts, so speaking indicators have something to show.
 */
export function toneWav(frequency = 440, seconds = 4, amplitude = 0.5): string {
  const rate = 48_000;
  const samples = rate * seconds;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * frequency * i) / rate) * amplitude * 32767), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  const file = path.join(os.tmpdir(), `tone-${frequency}-${process.pid}.wav`);
  writeFileSync(file, Buffer.concat([header, data]));
  return file;
}
