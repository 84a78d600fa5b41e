import { readFileSync } from 'node:fs';

/** Frames of an IVF file (VP8): payload and presentation time in the file's timebase. */
export function readIvf(path: string): { frames: { data: Buffer; pts: number }[]; timebase: number } {
  const file = readFileSync(path);
  if (file.toString('ascii', 0, 4) !== 'DKIF') throw new Error(`${path} is not an IVF file`);
  const headerLength = file.readUInt16LE(6);
  const rate = file.readUInt32LE(16);
  const scale = file.readUInt32LE(20);
  const frames: { data: Buffer; pts: number }[] = [];
  for (let offset = headerLength; offset + 12 <= file.length; ) {
    const size = file.readUInt32LE(offset);
    const pts = Number(file.readBigUInt64LE(offset + 4));
    frames.push({ data: file.subarray(offset + 12, offset + 12 + size), pts });
    offset += 12 + size;
  }
  return { frames, timebase: scale / rate };
}

/** Opus packets of an Ogg Opus file, header packets (OpusHead, OpusTags) left out. */
export function readOggOpus(path: string): Buffer[] {
  const file = readFileSync(path);
  const packets: Buffer[] = [];
  let pending: Buffer[] = [];
  for (let offset = 0; offset + 27 <= file.length; ) {
    if (file.toString('ascii', offset, offset + 4) !== 'OggS') throw new Error(`${path}: no Ogg page at ${offset}`);
    const segments = file[offset + 26]!;
    const table = file.subarray(offset + 27, offset + 27 + segments);
    let body = offset + 27 + segments;
    for (const lace of table) {
      pending.push(file.subarray(body, body + lace));
      body += lace;
      if (lace < 255) {
        packets.push(Buffer.concat(pending));
        pending = [];
      }
    }
    offset = body;
  }
  return packets.filter((p) => !p.subarray(0, 8).equals(Buffer.from('OpusHead')) && !p.subarray(0, 8).equals(Buffer.from('OpusTags')));
}

/** Writes VP8 frames into an IVF file (what ffmpeg decodes to prove a received stream is intact). */
export function ivfFile(frames: Buffer[], width: number, height: number): Buffer {
  const header = Buffer.alloc(32);
  header.write('DKIF', 0, 'ascii');
  header.writeUInt16LE(0, 4);
  header.writeUInt16LE(32, 6);
  header.write('VP80', 8, 'ascii');
  header.writeUInt16LE(width, 12);
  header.writeUInt16LE(height, 14);
  header.writeUInt32LE(30, 16);
  header.writeUInt32LE(1, 20);
  header.writeUInt32LE(frames.length, 24);
  const parts: Buffer[] = [header];
  frames.forEach((frame, index) => {
    const frameHeader = Buffer.alloc(12);
    frameHeader.writeUInt32LE(frame.length, 0);
    frameHeader.writeBigUInt64LE(BigInt(index), 4);
    parts.push(frameHeader, frame);
  });
  return Buffer.concat(parts);
}
