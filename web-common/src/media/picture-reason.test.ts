import type { SenderLayer } from '@rs/signaling';
import { describePicture, type PictureInput } from './picture-reason';

const layer = (width: number, height: number, limitation: SenderLayer['limitation'] = 'none', fps = 30): SenderLayer => ({ width, height, fps, kbps: 500, limitation });
const sender = (limitation: SenderLayer['limitation'] = 'none') => ({ captureWidth: 1920, captureHeight: 1080, layers: [layer(480, 270), layer(960, 540), layer(1920, 1080, limitation)] });
const input = (over: Partial<PictureInput>): PictureInput => ({ received: { width: 1920, height: 1080, fps: 29 }, sender: sender(), mode: 'high-detail', lowLayerByChoice: false, ...over });

describe('why the picture is what it is (quality readout)', () => {
  it('full resolution at the full frame rate in high detail', () => {
    expect(describePicture(input({}))).toMatchObject({ reason: 'full', reduced: false, captureWidth: 1920, captureHeight: 1080 });
  });

  it('balanced and low bandwidth keep the size and name the mode for the lower frame rate', () => {
    expect(describePicture(input({ mode: 'balanced', received: { width: 1920, height: 1080, fps: 15 } }))).toMatchObject({ reason: 'mode', reduced: false, modeFps: 15 });
    expect(describePicture(input({ mode: 'low-bandwidth', received: { width: 1920, height: 1080, fps: 5 } }))).toMatchObject({ reason: 'mode', modeFps: 5 });
  });

  it('a smaller picture than captured: the network, unless the sender says its CPU is the limit', () => {
    expect(describePicture(input({ received: { width: 960, height: 540, fps: 30 } }))).toMatchObject({ reason: 'bandwidth', reduced: true });
    expect(describePicture(input({ received: { width: 960, height: 540, fps: 30 }, sender: sender('cpu') }))).toMatchObject({ reason: 'cpu', reduced: true });
  });

  it('a smaller picture because the sender stopped its full-size layer on its own: the mode\'s bitrate, not the network', () => {
    // Measured: a screen changing all over in low bandwidth (400 kbit/s): the full-size layer drops to 0 fps, limitation none.
    const stalled = { captureWidth: 1280, captureHeight: 720, layers: [layer(320, 180, 'none', 4), layer(640, 360, 'none', 0), layer(1280, 720, 'none', 0)] };
    expect(describePicture(input({ mode: 'low-bandwidth', received: { width: 320, height: 180, fps: 4 }, sender: stalled }))).toMatchObject({ reason: 'mode-bitrate', reduced: true, modeKbps: 400 });
    // A still screen slows every layer alike: that says nothing about the mode.
    const still = { ...stalled, layers: stalled.layers.map((each) => ({ ...each, fps: 0 })) };
    expect(describePicture(input({ mode: 'low-bandwidth', received: { width: 320, height: 180, fps: 0.5 }, sender: still }))).toMatchObject({ reason: 'bandwidth' });
    // The sender's own uplink is the limit: it says so.
    const starved = { ...stalled, layers: stalled.layers.map((each) => ({ ...each, limitation: 'bandwidth' as const })) };
    expect(describePicture(input({ mode: 'low-bandwidth', received: { width: 320, height: 180, fps: 4 }, sender: starved }))).toMatchObject({ reason: 'bandwidth' });
  });

  it('frames come slowly while the customer\'s computer reports serious or critical CPU pressure: its computer, not the encoder\'s verdict alone', () => {
    // Measured: a computer busy with other programs captures and encodes fewer frames while Chromium's encoder says "none".
    const busy = (cpuPressure: 'nominal' | 'serious' | 'critical', fps: number) => ({ ...sender(), layers: [layer(480, 270, 'none', fps), layer(960, 540, 'none', fps), layer(1920, 1080, 'none', fps)], cpuPressure });
    expect(describePicture(input({ received: { width: 1920, height: 1080, fps: 9 }, sender: busy('critical', 9) }))).toMatchObject({ reason: 'cpu', reduced: true });
    expect(describePicture(input({ received: { width: 1920, height: 1080, fps: 9 }, sender: busy('serious', 9) }))).toMatchObject({ reason: 'cpu' });
    // A still screen on a calm computer sends few frames too: nothing to blame.
    expect(describePicture(input({ received: { width: 1920, height: 1080, fps: 9 }, sender: busy('nominal', 9) }))).toMatchObject({ reason: 'full' });
    // A busy computer that keeps up (its full-size layer at the mode's rate) is not why a viewer gets less.
    expect(describePicture(input({ received: { width: 960, height: 540, fps: 30 }, sender: busy('critical', 30) }))).toMatchObject({ reason: 'bandwidth' });
  });

  it('full size but far fewer frames than the mode allows, because of the sender', () => {
    expect(describePicture(input({ received: { width: 1920, height: 1080, fps: 8 }, sender: sender('cpu') }))).toMatchObject({ reason: 'cpu', reduced: true });
    expect(describePicture(input({ received: { width: 1920, height: 1080, fps: 8 }, sender: sender('bandwidth') }))).toMatchObject({ reason: 'bandwidth', reduced: true });
  });

  it('a supervisor on the lighter layer by choice is told so; nothing is claimed before the first frame or report', () => {
    expect(describePicture(input({ received: { width: 480, height: 270, fps: 30 }, lowLayerByChoice: true }))).toMatchObject({ reason: 'viewer', reduced: true });
    expect(describePicture(input({ received: null }))).toMatchObject({ reason: 'starting' });
    expect(describePicture(input({ sender: null }))).toMatchObject({ reason: 'starting' });
  });
});
