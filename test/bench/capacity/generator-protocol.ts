/** What the parent asks the load generator (a child process) and what it answers. */

export type StreamName = 'screen' | 'mic';

/** One m-section of a peer: sent (replayed from the clip) or received (counted). */
export interface TrackSpec {
  mid: string;
  kind: 'audio' | 'video';
  direction: 'send' | 'recv';
  payloadType: number;
  /** Sent: the SSRCs the generator stamps (one per simulcast layer, lowest first). Received: the remote SSRCs if known. */
  ssrcs: number[];
  /** Sent: which clip to replay. */
  stream?: StreamName;
}

export interface PeerRef {
  /** Unique name, e.g. "ours/12/agent-recv". */
  peer: string;
  session: number;
  /** Local address for ICE (default 127.0.0.1). */
  bindAddress?: string;
}

export interface OfferRequest extends PeerRef {
  tracks: TrackSpec[];
  /** Add a=ssrc-group:SIM for a simulcast screen (what a peer SDP SFU such as Janus reads). */
  simulcastGroup?: boolean;
  /** Record one-way transit of this session's screen (the probe). */
  probe?: boolean;
}

export interface AnswerOfferRequest extends PeerRef {
  sdp: string;
  probe?: boolean;
}

/** Counters of one received stream (RFC 3550 A.3 loss, A.8 jitter). */
export interface ReceivedStream {
  kind: 'audio' | 'video';
  packets: number;
  bytes: number;
  expected: number;
  jitterMs: number;
}

export interface PeerStats extends PeerRef {
  state: string;
  sentPackets: number;
  /** Sum over its sending streams of the time their timelines slipped (the generator fell behind), ms. */
  slippedMs: number;
  sendingStreams: number;
  received: ReceivedStream[];
  /** ICE round trip (libdatachannel's STUN RTT), ms; -1 when unknown. */
  rttMs: number;
}

export interface GeneratorStats {
  peers: PeerStats[];
  /** One-way transit of the probe session's screen packets since the last call (ms): sender -> SFU -> receiver, same process clock. */
  probeTransitMs: number[];
  /** Packets the generator could not hand to its peers (a send that returned false or threw), since it started. */
  sendFailures: number;
}

export interface DumpResult {
  file: string;
  frames: number;
  width: number;
  height: number;
}
