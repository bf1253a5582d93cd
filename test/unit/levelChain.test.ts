import { describe, expect, it } from 'vitest';
import { AMP_CLIP_VOLTS_PEAK, ampTransferVolts, clipLevelFullScale, headroomDb, SOURCES } from '../../src/dsp/levelChain';

describe('level chain', () => {
  it('states the line levels: −10 dBV = 0.316 Vrms, +4 dBu = 1.228 Vrms (REFERENCES §7)', () => {
    expect(SOURCES.find((s) => s.id === 'consumer')?.fullScaleVoltsRms).toBeCloseTo(0.316, 3);
    expect(SOURCES.find((s) => s.id === 'pro')?.fullScaleVoltsRms).toBeCloseTo(1.228, 3);
  });

  it('clips the O2 at its 7.24 Vrms (10.24 V peak) point', () => {
    expect(AMP_CLIP_VOLTS_PEAK).toBeCloseTo(10.239, 3);
    expect(ampTransferVolts(5, 6.5)).toBeCloseTo(AMP_CLIP_VOLTS_PEAK, 9);
    expect(ampTransferVolts(1, 2.5)).toBe(2.5);
  });

  it('a PCM5102A at full digital volume into 6.5× clips a program peaking at −3 dBFS; 2.5× does not', () => {
    const demandAt65 = 2.1 * Math.SQRT2 * 10 ** (-3 / 20) * 6.5; // ≈ 13.7 V
    expect(headroomDb({ sourceId: 'pcm5102a', digitalVolumeDb: 0, ampGain: 6.5 }, -3)).toBeCloseTo(20 * Math.log10(10.2394 / demandAt65), 3);
    expect(headroomDb({ sourceId: 'pcm5102a', digitalVolumeDb: 0, ampGain: 6.5 }, -3)).toBeLessThan(0);
    expect(headroomDb({ sourceId: 'pcm5102a', digitalVolumeDb: 0, ampGain: 2.5 }, -3)).toBeGreaterThan(0);
  });

  it('puts the normalised clip level at clip volts / volts per full scale', () => {
    expect(clipLevelFullScale({ sourceId: 'pcm5102a', digitalVolumeDb: 0, ampGain: 6.5 })).toBeCloseTo(10.2394 / (2.1 * Math.SQRT2 * 6.5), 3);
    expect(clipLevelFullScale({ sourceId: 'consumer', digitalVolumeDb: 0, ampGain: 1 })).toBeGreaterThan(1);
  });
});
