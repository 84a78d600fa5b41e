import { DEFAULT_QUALITY_MODE, QUALITY_MODES_BY_FIDELITY, QUALITY_PRESETS, QualityModeSchema } from './quality';

describe('screen quality presets (R3.4)', () => {
  const presets = QUALITY_MODES_BY_FIDELITY.map((mode) => ({ mode, ...QUALITY_PRESETS[mode] }));

  it('lists every mode once, most faithful first, and starts in high detail', () => {
    expect([...QUALITY_MODES_BY_FIDELITY].sort()).toEqual([...QualityModeSchema.options].sort());
    expect(QUALITY_MODES_BY_FIDELITY[0]).toBe('high-detail');
    expect(DEFAULT_QUALITY_MODE).toBe('high-detail');
  });

  it('no mode reduces the resolution by itself: every one sends the captured size on its top layer and keeps it under pressure', () => {
    for (const preset of presets) {
      expect(preset.scaleResolutionDownBy).toBe(1);
      expect(preset.degradationPreference).toBe('maintain-resolution');
      expect(preset.contentHint).toBe('detail');
    }
  });

  it('each step down trades frame rate and bitrate: high detail 30 fps, balanced 15 fps, low bandwidth 5 to 8 fps', () => {
    expect(QUALITY_PRESETS['high-detail'].maxFramerate).toBe(30);
    expect(QUALITY_PRESETS.balanced.maxFramerate).toBe(15);
    expect(QUALITY_PRESETS['low-bandwidth'].maxFramerate).toBeGreaterThanOrEqual(5);
    expect(QUALITY_PRESETS['low-bandwidth'].maxFramerate).toBeLessThanOrEqual(8);
    for (let i = 1; i < presets.length; i++) {
      expect(presets[i]!.maxFramerate).toBeLessThan(presets[i - 1]!.maxFramerate);
      expect(presets[i]!.maxBitrate).toBeLessThan(presets[i - 1]!.maxBitrate);
    }
  });
});
