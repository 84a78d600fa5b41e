/**
 * The peer-to-peer baseline: a direct RTCPeerConnection from the customer page
 * to the agent page (same browser, loopback), carrying a clone of the same
 * canvas track the app shares, VP8 only, one encoding with the quality mode's
 * top-layer settings (bitrate cap, frame rate, scale, contentHint, degradation
 * preference) as the app applies them to its SFU producer. The agent page
 * watches the received video as 'p2p' (see frame-decoder.ts).
 */
import type { Page } from 'puppeteer-core';
import { QUALITY_PRESETS, type QualityMode } from '@rs/signaling';

interface EncoderSettings {
  maxBitrate: number;
  maxFramerate: number;
  scaleResolutionDownBy: number;
  contentHint: 'detail' | 'motion';
  degradationPreference: RTCDegradationPreference;
}

function settingsFor(mode: QualityMode): EncoderSettings {
  const preset = QUALITY_PRESETS[mode];
  return {
    maxBitrate: preset.maxBitrate,
    maxFramerate: preset.maxFramerate,
    scaleResolutionDownBy: preset.scaleResolutionDownBy,
    contentHint: preset.contentHint,
    degradationPreference: preset.degradationPreference,
  };
}

type P2pWindow = Window & { __benchP2p: { pc: RTCPeerConnection; sender: RTCRtpSender; track: MediaStreamTrack } };

export class P2pBaseline {
  private constructor(private readonly customerPage: Page, private readonly agentPage: Page) {}

  /** Connects the two pages (offer/answer relayed by the bench after ICE gathering). */
  static async connect(customerPage: Page, agentPage: Page, mode: QualityMode): Promise<P2pBaseline> {
    const offer = await customerPage.evaluate(async (settings: EncoderSettings) => {
      const stream = (window as unknown as { __benchScreenStream: MediaStream }).__benchScreenStream;
      const track = stream.getVideoTracks()[0]!.clone();
      track.contentHint = settings.contentHint;
      const pc = new RTCPeerConnection({ iceServers: [] });
      const transceiver = pc.addTransceiver(track, {
        direction: 'sendonly',
        sendEncodings: [{ maxBitrate: settings.maxBitrate, maxFramerate: settings.maxFramerate, scaleResolutionDownBy: settings.scaleResolutionDownBy }],
      });
      transceiver.setCodecPreferences((RTCRtpSender.getCapabilities('video')?.codecs ?? []).filter((c) => c.mimeType.toLowerCase() === 'video/vp8'));
      (window as unknown as P2pWindow).__benchP2p = { pc, sender: transceiver.sender, track };
      await pc.setLocalDescription();
      // Bounded: whatever candidates are there after 5 s go in the description.
      if (pc.iceGatheringState !== 'complete') {
        await new Promise<void>((resolve) => {
          pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
          setTimeout(resolve, 5000);
        });
      }
      return pc.localDescription!.sdp;
    }, settingsFor(mode));
    const answer = await agentPage.evaluate(async (sdp: string) => {
      const w = window as unknown as { __benchWatch: (video: HTMLVideoElement, label: string) => void; __benchP2pPc: RTCPeerConnection };
      const pc = new RTCPeerConnection({ iceServers: [] });
      w.__benchP2pPc = pc;
      pc.addEventListener('track', (event) => {
        const video = document.createElement('video');
        video.muted = true;
        video.autoplay = true;
        video.playsInline = true;
        video.style.cssText = 'position:fixed;right:0;bottom:0;width:320px;z-index:2147483647';
        video.srcObject = new MediaStream([event.track]);
        document.body.append(video);
        void video.play();
        w.__benchWatch(video, 'p2p');
      });
      await pc.setRemoteDescription({ type: 'offer', sdp });
      await pc.setLocalDescription();
      // Bounded: whatever candidates are there after 5 s go in the description.
      if (pc.iceGatheringState !== 'complete') {
        await new Promise<void>((resolve) => {
          pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
          setTimeout(resolve, 5000);
        });
      }
      return pc.localDescription!.sdp;
    }, offer);
    await customerPage.evaluate(async (sdp: string) => {
      await (window as unknown as P2pWindow).__benchP2p.pc.setRemoteDescription({ type: 'answer', sdp });
    }, answer);
    const baseline = new P2pBaseline(customerPage, agentPage);
    await baseline.apply(mode);
    return baseline;
  }

  /** Applies a quality mode's top-layer settings to the baseline's encoder. */
  async apply(mode: QualityMode): Promise<void> {
    await this.customerPage.evaluate(async (settings: EncoderSettings) => {
      const { sender, track } = (window as unknown as P2pWindow).__benchP2p;
      track.contentHint = settings.contentHint;
      const parameters = sender.getParameters();
      const encoding = parameters.encodings[0]!;
      encoding.maxBitrate = settings.maxBitrate;
      encoding.maxFramerate = settings.maxFramerate;
      encoding.scaleResolutionDownBy = settings.scaleResolutionDownBy;
      parameters.degradationPreference = settings.degradationPreference;
      await sender.setParameters(parameters);
    }, settingsFor(mode));
  }

  async close(): Promise<void> {
    await this.customerPage.evaluate(() => {
      const p2p = (window as unknown as P2pWindow).__benchP2p;
      p2p.pc.close();
      p2p.track.stop();
    });
    await this.agentPage.evaluate(() => (window as unknown as { __benchP2pPc: RTCPeerConnection }).__benchP2pPc.close());
  }
}
