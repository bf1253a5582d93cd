import { describe, expect, it } from 'vitest';
import { loadPowerWatts, loadVoltsRms, maxMusicSplDb, maxSineSplDb } from '../../src/dsp/bluetooth/dongle';
import { cleanOutput } from '../../src/dsp/matching/outputLimits';

describe('a dongle into a headphone', () => {
  it('1 Vrms behind 0.9 Ω puts 3.32 mW into 300 Ω (V²/R with the divider, worked by hand)', () => {
    // V = 1 × 300 / 300.9 = 0.997009 V; P = V² / 300 = 3.3134 mW.
    expect(loadVoltsRms(1, 0.9, 300)).toBeCloseTo(0.997009, 6);
    expect(loadPowerWatts(1, 0.9, 300) * 1000).toBeCloseTo(3.3134, 4);
  });

  it('the same dongle gives 29.6 mW into 32 Ω: low-impedance loads take more power from the same voltage', () => {
    // V = 32 / 32.9 = 0.972644 V; P = 0.946036 / 32 = 29.56 mW.
    expect(loadPowerWatts(1, 0.9, 32) * 1000).toBeCloseTo(29.564, 3);
  });

  it('power peaks when the load equals the output impedance, at Voc²/(4·Zout)', () => {
    const zout = 10;
    const peak = loadPowerWatts(2, zout, zout);
    expect(peak).toBeCloseTo(4 / (4 * zout), 12);
    expect(loadPowerWatts(2, zout, 9)).toBeLessThan(peak);
    expect(loadPowerWatts(2, zout, 11)).toBeLessThan(peak);
  });

  it('agrees with the matcher’s output model for a plain voltage limit', () => {
    const volts = cleanOutput({ outputImpedanceOhms: 0.9, fullVolumeVoltsRms: 5, limit: { kind: 'voltage-current', openCircuitVoltsRms: 1, currentLimitAmpsRms: 1 } }, 300).voltsRms;
    expect(loadVoltsRms(1, 0.9, 300)).toBeCloseTo(volts, 12);
  });

  it('a 102.2 dB/V headphone on 1 Vrms peaks at 102.2 dB SPL and, with 15 dB crest, plays music at 87.2 dB on average', () => {
    expect(maxSineSplDb(102.2, 1, 0, 300)).toBeCloseTo(102.2, 10);
    expect(maxMusicSplDb(102.2, 1, 0, 300, 15)).toBeCloseTo(87.2, 10);
  });

  it('refuses a zero load', () => {
    expect(() => loadVoltsRms(1, 0.9, 0)).toThrow(RangeError);
  });
});
