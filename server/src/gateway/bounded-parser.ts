import { Decoder, Encoder } from 'socket.io-parser';

/** Deepest JSON nesting a packet may have (our deepest message, RTP parameters, is about 6 levels). */
export const MAX_PACKET_DEPTH = 32;
/** Binary attachments per packet: the protocol sends none; one or two are refused by validation, not the parser. */
const MAX_ATTACHMENTS = 2;

/**
 * socket.io's decoder with a depth check before JSON.parse: a packet nested
 * deeper than MAX_PACKET_DEPTH is refused in one linear scan, without parsing
 * it. A refused packet throws, and socket.io then closes that one connection
 * (its size is bounded earlier, by engine.io's maxHttpBufferSize).
 */
export class BoundedDecoder extends Decoder {
  constructor() {
    super({ maxAttachments: MAX_ATTACHMENTS });
  }

  override add(obj: unknown): void {
    if (typeof obj === 'string' && nestingDepth(obj, MAX_PACKET_DEPTH) > MAX_PACKET_DEPTH) {
      throw new Error(`packet nested deeper than ${MAX_PACKET_DEPTH}`);
    }
    super.add(obj);
  }
}

/** The `parser` option of the socket.io server. */
export const boundedParser = { Encoder, Decoder: BoundedDecoder };

/**
 * The deepest bracket nesting of a JSON text, brackets inside strings ignored;
 * stops counting once `stopAbove` is exceeded. Linear, no allocation.
 */
export function nestingDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest && (deepest = depth) > stopAbove) return deepest;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}
