/** RTP packets as the generator sends and receives them (RFC 3550, no header extensions). */

export interface RtpHeader {
  payloadType: number;
  marker: boolean;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  /** Offset of the payload in the packet. */
  payloadOffset: number;
}

export function buildRtp(payloadType: number, marker: boolean, sequenceNumber: number, timestamp: number, ssrc: number, payload: Buffer): Buffer {
  const packet = Buffer.allocUnsafe(12 + payload.length);
  packet[0] = 0x80;
  packet[1] = (marker ? 0x80 : 0) | (payloadType & 0x7f);
  packet.writeUInt16BE(sequenceNumber & 0xffff, 2);
  packet.writeUInt32BE(timestamp >>> 0, 4);
  packet.writeUInt32BE(ssrc >>> 0, 8);
  payload.copy(packet, 12);
  return packet;
}

/** RTCP shares the port (rtcp-mux): payload types 72-79 in the second byte's low 7 bits (SR, RR, SDES, BYE, APP, RTPFB, PSFB, XR). */
export function isRtcp(packet: Buffer): boolean {
  const pt = packet[1]! & 0x7f;
  return pt >= 72 && pt <= 79;
}

export function parseRtp(packet: Buffer): RtpHeader | null {
  if (packet.length < 12 || packet[0]! >> 6 !== 2) return null;
  const csrcCount = packet[0]! & 0x0f;
  let offset = 12 + csrcCount * 4;
  if (packet[0]! & 0x10) {
    if (packet.length < offset + 4) return null;
    offset += 4 + packet.readUInt16BE(offset + 2) * 4;
  }
  let end = packet.length;
  if (packet[0]! & 0x20) end -= packet[packet.length - 1]!;
  if (end < offset) return null;
  return {
    payloadType: packet[1]! & 0x7f,
    marker: (packet[1]! & 0x80) !== 0,
    sequenceNumber: packet.readUInt16BE(2),
    timestamp: packet.readUInt32BE(4),
    ssrc: packet.readUInt32BE(8),
    payloadOffset: offset,
  };
}

/** VP8 RTP payloads of one frame (RFC 7741): a 1-byte descriptor, S=1 on the first packet. */
export function packetizeVp8(frame: Buffer, maxPayload = 1_180): Buffer[] {
  const packets: Buffer[] = [];
  for (let offset = 0; offset < frame.length; offset += maxPayload) {
    const chunk = frame.subarray(offset, Math.min(frame.length, offset + maxPayload));
    packets.push(Buffer.concat([Buffer.from([offset === 0 ? 0x10 : 0x00]), chunk]));
  }
  return packets;
}

/** Length of a VP8 payload descriptor (RFC 7741 section 4.2) at the start of `payload`. */
export function vp8DescriptorLength(payload: Buffer): number {
  let length = 1;
  if (payload[0]! & 0x80) {
    const x = payload[1]!;
    length = 2;
    if (x & 0x80) length += payload[2]! & 0x80 ? 2 : 1; // PictureID (7 or 15 bits)
    if (x & 0x40) length += 1; // TL0PICIDX
    if (x & 0x30) length += 1; // TID/KEYIDX
  }
  return length;
}

/** A VP8 frame starts a keyframe when the descriptor's S bit is set, partition 0, and the frame tag's P bit is 0. */
export function isVp8KeyframeStart(payload: Buffer): boolean {
  const descriptor = vp8DescriptorLength(payload);
  return (payload[0]! & 0x10) !== 0 && (payload[0]! & 0x07) === 0 && (payload[descriptor]! & 0x01) === 0;
}
