import { open } from 'node:fs/promises';
import { HELPER_TRAILER_MAGIC, HelperTrailerSchema } from '@rs/signaling';
import type { HelperTrailer } from '@rs/signaling';

const MAGIC = Buffer.from(HELPER_TRAILER_MAGIC, 'ascii');
/** Length field + magic at the very end of the file. */
const FOOTER = 4 + MAGIC.length;
const MAX_JSON = 4096;

/** The trailer in the last bytes of a file (JSON, uint32 BE length, magic), or null when there is none or it is not valid. */
export function parseTrailer(tail: Buffer): HelperTrailer | null {
  if (tail.length < FOOTER || !tail.subarray(tail.length - MAGIC.length).equals(MAGIC)) return null;
  const length = tail.readUInt32BE(tail.length - FOOTER);
  if (length === 0 || length > MAX_JSON || length > tail.length - FOOTER) return null;
  const json = tail.subarray(tail.length - FOOTER - length, tail.length - FOOTER).toString('utf8');
  try {
    const parsed = HelperTrailerSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The trailer the server appended to this downloaded program file (process.execPath), if any. */
export async function readTrailer(path: string): Promise<HelperTrailer | null> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const length = Math.min(size, MAX_JSON + FOOTER);
    const tail = Buffer.alloc(length);
    await file.read(tail, 0, length, size - length);
    return parseTrailer(tail);
  } finally {
    await file.close();
  }
}
