import { HELPER_TRAILER_MAGIC } from '@rs/signaling';
import { parseTrailer } from './trailer';

/** The file's end as the server writes it: JSON, uint32 BE length, magic. */
function trailer(json: string, program = Buffer.from('\x7fELF...program bytes...')): Buffer {
  const body = Buffer.from(json, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([program, body, length, Buffer.from(HELPER_TRAILER_MAGIC, 'ascii')]);
}

describe('parseTrailer', () => {
  it('reads the server and the pairing code appended to the program', () => {
    expect(parseTrailer(trailer('{"serverUrl":"https://support.example.com","code":"123456789"}'))).toEqual({
      serverUrl: 'https://support.example.com',
      code: '123456789',
    });
  });

  it('is null for a program without trailer or with a damaged one', () => {
    expect(parseTrailer(Buffer.from('\x7fELF plain program'))).toBeNull();
    expect(parseTrailer(trailer('{"serverUrl":"https://x.example","code":"12345"}'))).toBeNull();
    expect(parseTrailer(trailer('{not json'))).toBeNull();
    const lying = trailer('{"serverUrl":"https://x.example","code":"123456789"}');
    lying.writeUInt32BE(1 << 20, lying.length - 12);
    expect(parseTrailer(lying)).toBeNull();
  });
});
