import { Encoder, PacketType } from 'socket.io-parser';
import type { Packet } from 'socket.io-parser';
import { BoundedDecoder, MAX_PACKET_DEPTH, nestingDepth } from './bounded-parser';

describe('nestingDepth', () => {
  it.each([
    ['1', 0],
    ['[]', 1],
    ['[{"a":[1,{"b":2}]}]', 4],
    ['["[[[[", "{{{"]', 1],
    ['["\\"[[[", {"x":"\\\\"}]', 2],
  ])('%s is %i deep', (text, depth) => {
    expect(nestingDepth(text)).toBe(depth);
  });

  it('stops counting once past the bound', () => {
    expect(nestingDepth('['.repeat(1_000_000), 40)).toBe(41);
  });
});

describe('BoundedDecoder', () => {
  const decode = (text: string): Packet[] => {
    const decoder = new BoundedDecoder();
    const packets: Packet[] = [];
    decoder.on('decoded', (p: Packet) => packets.push(p));
    decoder.add(text);
    return packets;
  };

  it('decodes what socket.io clients send', () => {
    const [encoded] = new Encoder().encode({ type: PacketType.EVENT, nsp: '/', id: 3, data: ['chat:send', { sessionId: 'x', text: '[[[' }] });
    expect(decode(encoded as string)).toEqual([{ type: PacketType.EVENT, nsp: '/', id: 3, data: ['chat:send', { sessionId: 'x', text: '[[[' }] }]);
  });

  it('refuses a packet nested deeper than the bound before parsing it', () => {
    const ok = `2["x",${'['.repeat(MAX_PACKET_DEPTH - 1)}${']'.repeat(MAX_PACKET_DEPTH - 1)}]`;
    expect(decode(ok)).toHaveLength(1);
    expect(() => decode(`2["x",${'['.repeat(MAX_PACKET_DEPTH)}${']'.repeat(MAX_PACKET_DEPTH)}]`)).toThrow(/nested deeper/);
  });

  it('refuses more than two binary attachments', () => {
    expect(() => decode('53-["x"]')).toThrow(/too many attachments/);
  });
});
