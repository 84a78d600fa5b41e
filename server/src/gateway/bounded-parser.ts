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
 * stops counting once `stopAbove` is exceeded. Linear; a string is skipped with
 * indexOf (native), so long texts cost microseconds, not a loop per character.
 */
export function nestingDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = closingQuote(text, i);
      if (i < 0) return deepest;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest && (deepest = depth) > stopAbove) return deepest;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

/** Index of the quote closing the string opened at `open` (-1: none), skipping escaped quotes. */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  while (at > 0 && isEscaped(text, at)) at = text.indexOf('"', at + 1);
  return at;
}

/** An odd number of backslashes right before `at` escapes it. */
function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}
