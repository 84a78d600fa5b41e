import { QUALITY_PRESETS, type CpuPressure, type LimitationReason, type QualityMode, type SenderStatsEvent } from '@rs/signaling';

/**
 * Why the picture a viewer gets is what it is, in the words the quality
 * readout uses: `full` (the captured size at the mode's full frame rate),
 * `mode` (full size, the chosen mode lowers the frame rate), `bandwidth`
 * (the network gives less), `cpu` (the sender's computer cannot encode more),
 * `mode-bitrate` (smaller: the screen changes more than the mode's bitrate
 * carries at full size, so the sender's encoder stopped its full-size layer),
 * `viewer` (a supervisor watching a lighter layer by choice), `starting`
 * (not enough known yet).
 */
export type PictureReason = 'full' | 'mode' | 'mode-bitrate' | 'bandwidth' | 'cpu' | 'viewer' | 'starting';

export interface PictureInput {
  /** What this viewer decodes now (null before the first frame). */
  received: { width: number; height: number; fps: number } | null;
  /** The sender's last report (null before the first one). */
  sender: (Pick<SenderStatsEvent, 'captureWidth' | 'captureHeight' | 'layers'> & { cpuPressure?: CpuPressure | null }) | null;
  mode: QualityMode;
  /** I watch a lower layer by choice (a supervisor who did not ask for full quality). */
  lowLayerByChoice: boolean;
}

export interface PictureState {
  reason: PictureReason;
  /** Smaller than captured, or fewer frames than the mode allows. */
  reduced: boolean;
  /** The size as captured on the sender's side. */
  captureWidth: number;
  captureHeight: number;
  /** The frame rate the mode allows. */
  modeFps: number;
  /** The mode's bitrate cap on the full-size layer (kbit/s). */
  modeKbps: number;
}

/** The full-size frame rate below which the sender's own limitation is worth naming (a share of the mode's). */
const FPS_SHORTFALL = 0.6;
/** Decoded sizes within this share of the captured one count as full (encoders round to even sizes). */
const SIZE_TOLERANCE = 0.97;
/** A layer sending fewer frames than this is stopped. */
const STOPPED_FPS = 1;

/** Explains the picture from what is decoded here, what the sender encodes and why, and the mode (R3.4 readout). */
export function describePicture({ received, sender, mode, lowLayerByChoice }: PictureInput): PictureState {
  const preset = QUALITY_PRESETS[mode];
  const captureWidth = sender?.captureWidth ?? 0;
  const captureHeight = sender?.captureHeight ?? 0;
  const state = (reason: PictureReason, reduced: boolean): PictureState => ({
    reason,
    reduced,
    captureWidth,
    captureHeight,
    modeFps: preset.maxFramerate,
    modeKbps: preset.maxBitrate / 1000,
  });
  if (!received || received.width === 0) return state('starting', false);
  const fullSize = captureWidth > 0 && received.width >= captureWidth * SIZE_TOLERANCE && received.height >= captureHeight * SIZE_TOLERANCE;
  if (!fullSize && lowLayerByChoice) return state('viewer', true);
  if (!sender || captureWidth === 0) return state('starting', false);
  const top = sender.layers.reduce<(typeof sender.layers)[number] | null>((best, layer) => (!best || layer.width > best.width ? layer : best), null);
  // A busy computer captures and encodes fewer frames while its encoder may still say "none".
  const busy = sender.cpuPressure === 'serious' || sender.cpuPressure === 'critical';
  const topSlow = top !== null && top.fps < preset.maxFramerate * FPS_SHORTFALL;
  const limitation: LimitationReason = busy && topSlow ? 'cpu' : (top?.limitation ?? 'none');
  if (!fullSize) {
    if (preset.scaleResolutionDownBy > 1) return state('mode', true);
    if (limitation === 'cpu') return state('cpu', true);
    // The encoder stopped its full-size layer unasked while a smaller one runs (a still screen
    // slows every layer alike): the content needs more than the mode's cap at full size.
    const fullStopped = top !== null && top.fps < STOPPED_FPS && sender.layers.some((layer) => layer.fps >= STOPPED_FPS);
    if (limitation === 'none' && fullStopped) return state('mode-bitrate', true);
    return state('bandwidth', true);
  }
  // Full size: is the frame rate what the mode allows?
  const slow = received.fps > 0 && received.fps < preset.maxFramerate * FPS_SHORTFALL;
  if (slow && (limitation === 'cpu' || limitation === 'bandwidth')) return state(limitation, true);
  return preset.maxFramerate < QUALITY_PRESETS['high-detail'].maxFramerate ? state('mode', false) : state('full', false);
}
