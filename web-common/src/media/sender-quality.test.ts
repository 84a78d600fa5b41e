import { QUALITY_PRESETS } from '@rs/signaling';
import { screenEncodings } from './sender-quality';

const CHROMIUM = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

const screen = (width: number, height: number) => ({ getSettings: () => ({ width, height }) }) as unknown as MediaStreamTrack;

describe('screen encodings per browser and capture size', () => {
  it('Chromium: three layers from 960x540 up, lowest first, each capped by its area, the last at full size', () => {
    const encodings = screenEncodings(screen(1920, 1080), 'high-detail', CHROMIUM);
    expect(encodings.map((e) => e.scaleResolutionDownBy)).toEqual([4, 2, 1]);
    expect(encodings.map((e) => e.maxBitrate)).toEqual([156_250, 625_000, 2_500_000]);
    expect(encodings.every((e) => e.maxFramerate === 30)).toBe(true);
  });

  it('Chromium: a small capture gets only the layers the encoder keeps, the full-size one last', () => {
    expect(screenEncodings(screen(800, 450), 'balanced', CHROMIUM).map((e) => e.scaleResolutionDownBy)).toEqual([2, 1]);
    expect(screenEncodings(screen(400, 300), 'balanced', CHROMIUM).map((e) => e.scaleResolutionDownBy)).toEqual([1]);
  });

  it('Firefox: one full-size layer under the mode preset (its screen simulcast misplaces the caps)', () => {
    for (const mode of ['high-detail', 'balanced', 'low-bandwidth'] as const) {
      const preset = QUALITY_PRESETS[mode];
      expect(screenEncodings(screen(1920, 1080), mode, FIREFOX)).toEqual([
        { scaleResolutionDownBy: 1, maxBitrate: preset.maxBitrate, maxFramerate: preset.maxFramerate },
      ]);
    }
  });
});
