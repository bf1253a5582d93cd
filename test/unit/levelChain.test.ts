import { describe, expect, it } from 'vitest';
import { OBJECTIVE2_MEASURED } from '../../src/dsp/circuits/opAmpStage';
import {
  AMP_CLIP_VOLTS_PEAK,
  ampTransferVolts,
  clipLevelFullScale,
  headroomDb,
  nominalHeadroomDb,
  SOURCES,
  sourceById,
} from '../../src/dsp/levelChain';
import {
  CONSUMER_NOMINAL,
  DBU_REFERENCE_VOLTS_RMS,
  EBU_R68_FULL_SCALE,
  LINE_LEVELS,
  PCM5102A_FULL_SCALE,
  PRO_NOMINAL,
  SMPTE_RP155_FULL_SCALE,
  voltsRmsFromDbu,
  voltsRmsFromDbv,
} from '../../src/dsp/lineLevels';

describe('line levels', () => {
  it('0 dBu is the voltage that puts 1 mW into 600 Ω: √(0.001 · 600) = 0.7746 V', () => {
    expect(DBU_REFERENCE_VOLTS_RMS).toBeCloseTo(0.7746, 4);
    expect(voltsRmsFromDbu(0) ** 2 / 600).toBeCloseTo(0.001, 9);
  });

  it('states the nominal line levels: −10 dBV = 0.316 Vrms, +4 dBu = 1.228 Vrms (REFERENCES §7)', () => {
    expect(CONSUMER_NOMINAL.voltsRms).toBeCloseTo(0.3162, 4);
    expect(PRO_NOMINAL.voltsRms).toBeCloseTo(1.2277, 4);
    expect(voltsRmsFromDbv(0)).toBe(1);
    expect(CONSUMER_NOMINAL.kind).toBe('nominal');
    expect(PRO_NOMINAL.kind).toBe('nominal');
  });

  it('puts the converters’ full scales 20 dB above +4 dBu (SMPTE RP 155: 12.28 V) and 18 dB above 0 dBu (EBU R68: 6.15 V)', () => {
    expect(SMPTE_RP155_FULL_SCALE.voltsRms).toBeCloseTo(0.7746 * 10 ** (24 / 20), 3); // 12.28 V
    expect(EBU_R68_FULL_SCALE.voltsRms).toBeCloseTo(0.7746 * 10 ** (18 / 20), 3); // 6.15 V
    expect(PCM5102A_FULL_SCALE.voltsRms).toBe(2.1);
    for (const level of [SMPTE_RP155_FULL_SCALE, EBU_R68_FULL_SCALE, PCM5102A_FULL_SCALE]) expect(level.kind).toBe('full-scale');
  });

  it('cites a source for every level', () => {
    for (const level of LINE_LEVELS) expect(level.sourceIds.length).toBeGreaterThan(0);
  });
});

describe('level chain', () => {
  it('offers only full-scale levels as what the source puts out, never a nominal level', () => {
    for (const source of SOURCES) expect(source.fullScale.kind).toBe('full-scale');
    expect(SOURCES.some((s) => s.fullScale.voltsRms === CONSUMER_NOMINAL.voltsRms)).toBe(false);
    expect(SOURCES.some((s) => s.fullScale.voltsRms === PRO_NOMINAL.voltsRms)).toBe(false);
  });

  it('gives each nominal level its stated headroom below full scale: 20 dB for SMPTE, 18 dB for EBU, none for a DAC chip', () => {
    expect(nominalHeadroomDb('pro-smpte')).toBeCloseTo(20, 9);
    expect(nominalHeadroomDb('pro-ebu')).toBeCloseTo(18, 9);
    expect(nominalHeadroomDb('pcm5102a')).toBeNull();
    expect(sourceById('pro-smpte').nominal?.voltsRms).toBeCloseTo(1.2277, 4);
  });

  it('clips the O2 where its model says: √2 × the 7.24 Vrms measured into 300 Ω, 10.24 V peak', () => {
    expect(AMP_CLIP_VOLTS_PEAK).toBe(Math.SQRT2 * OBJECTIVE2_MEASURED.railLimitedClip.voltsRms);
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

  it('a converter at +24 dBu full scale overloads the O2 even at 1×: −3 dBFS asks for 12.28 V, more than 10.24 V', () => {
    const demand = 0.7746 * 10 ** (24 / 20) * Math.SQRT2 * 10 ** (-3 / 20); // ≈ 12.3 V peak
    expect(headroomDb({ sourceId: 'pro-smpte', digitalVolumeDb: 0, ampGain: 1 }, -3)).toBeCloseTo(20 * Math.log10(10.2394 / demand), 3);
    expect(headroomDb({ sourceId: 'pro-smpte', digitalVolumeDb: 0, ampGain: 1 }, -3)).toBeLessThan(0);
    expect(headroomDb({ sourceId: 'pro-ebu', digitalVolumeDb: 0, ampGain: 1 }, -3)).toBeGreaterThan(0);
  });

  it('puts the normalised clip level at clip volts / volts per full scale', () => {
    expect(clipLevelFullScale({ sourceId: 'pcm5102a', digitalVolumeDb: 0, ampGain: 6.5 })).toBeCloseTo(10.2394 / (2.1 * Math.SQRT2 * 6.5), 3);
    expect(clipLevelFullScale({ sourceId: 'pcm5102a', digitalVolumeDb: 0, ampGain: 1 })).toBeGreaterThan(1);
  });
});
