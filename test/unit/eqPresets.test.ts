import { describe, expect, it } from 'vitest';
import { biquadResponseAtHz } from '../../src/dsp/biquad';
import { abs } from '../../src/dsp/complex';
import { EQ_PRESETS, type EqBand, eqPreset, eqResponseDb, eqSections } from '../../src/dsp/eq/presets';
import { highShelf, lowShelf, peaking } from '../../src/dsp/eq/rbj';

const SAMPLE_RATES_HZ = [44_100, 48_000, 96_000];
const logFrequenciesHz = (lowHz: number, highHz: number, count: number): number[] =>
  Array.from({ length: count }, (_, index) => lowHz * (highHz / lowHz) ** (index / (count - 1)));
const AUDIO_BAND_HZ = logFrequenciesHz(20, 20_000, 61);

describe('EQ presets', () => {
  it('have unique ids, a label and a description each', () => {
    const ids = EQ_PRESETS.map((preset) => preset.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(['bass-boost', 'bright-tilt', 'dark-tilt', 'flat', 'treble-boost']);
    for (const preset of EQ_PRESETS) {
      expect(preset.label.length).toBeGreaterThan(0);
      expect(preset.description.length).toBeGreaterThan(0);
      expect(eqPreset(preset.id)).toBe(preset);
    }
  });

  it("'flat' is 0 dB at every frequency", () => {
    for (const sampleRateHz of SAMPLE_RATES_HZ) {
      for (const frequencyHz of AUDIO_BAND_HZ)
        expect(eqResponseDb(eqPreset('flat').bands, frequencyHz, sampleRateHz)).toBe(0);
    }
  });

  it("'bass-boost' raises 50 Hz by at least 4 dB and leaves 5 kHz and up within 0.5 dB", () => {
    for (const sampleRateHz of SAMPLE_RATES_HZ) {
      const bands = eqPreset('bass-boost').bands;
      expect(eqResponseDb(bands, 50, sampleRateHz)).toBeGreaterThan(4);
      for (const frequencyHz of [1000, 5000, 10_000, 20_000]) {
        expect(Math.abs(eqResponseDb(bands, frequencyHz, sampleRateHz))).toBeLessThan(0.5);
      }
    }
  });

  it("'treble-boost' raises 15 kHz by at least 4 dB and leaves 500 Hz and below within 0.5 dB", () => {
    for (const sampleRateHz of SAMPLE_RATES_HZ) {
      const bands = eqPreset('treble-boost').bands;
      expect(eqResponseDb(bands, 15_000, sampleRateHz)).toBeGreaterThan(4);
      for (const frequencyHz of [20, 100, 500]) {
        expect(Math.abs(eqResponseDb(bands, frequencyHz, sampleRateHz))).toBeLessThan(0.5);
      }
    }
  });

  it('tilts are monotone across 20 Hz – 20 kHz: bright rises, dark falls, each spanning at least 4 dB', () => {
    for (const sampleRateHz of SAMPLE_RATES_HZ) {
      for (const [id, sign] of [
        ['bright-tilt', 1],
        ['dark-tilt', -1],
      ] as const) {
        const responseDb = AUDIO_BAND_HZ.map((f) => eqResponseDb(eqPreset(id).bands, f, sampleRateHz));
        for (let index = 1; index < responseDb.length; index++) {
          expect(sign * ((responseDb[index] as number) - (responseDb[index - 1] as number))).toBeGreaterThan(0);
        }
        expect(sign * ((responseDb.at(-1) as number) - (responseDb[0] as number))).toBeGreaterThan(4);
      }
    }
  });

  it('bright and dark tilts are mirror images', () => {
    for (const frequencyHz of AUDIO_BAND_HZ) {
      const brightDb = eqResponseDb(eqPreset('bright-tilt').bands, frequencyHz, 48_000);
      expect(eqResponseDb(eqPreset('dark-tilt').bands, frequencyHz, 48_000)).toBeCloseTo(-brightDb, 9);
    }
  });
});

describe('eqSections and eqResponseDb', () => {
  const bands: EqBand[] = [
    { kind: 'low-shelf', frequencyHz: 80, gainDb: 4, q: 0.7 },
    { kind: 'peaking', frequencyHz: 3000, gainDb: -5, q: 2 },
    { kind: 'high-shelf', frequencyHz: 10_000, gainDb: 3, q: 0.7 },
  ];

  it('makes one cookbook section per band, in order, of the band’s kind', () => {
    expect(eqSections(bands, 48_000)).toEqual([
      lowShelf(80, 4, 0.7, 48_000),
      peaking(3000, -5, 2, 48_000),
      highShelf(10_000, 3, 0.7, 48_000),
    ]);
    expect(eqSections([], 48_000)).toEqual([]);
  });

  it('adds the bands’ gains in dB', () => {
    const sections = eqSections(bands, 48_000);
    for (const frequencyHz of AUDIO_BAND_HZ) {
      const sumDb = sections.reduce(
        (total, section) => total + 20 * Math.log10(abs(biquadResponseAtHz(section, frequencyHz, 48_000))),
        0,
      );
      expect(eqResponseDb(bands, frequencyHz, 48_000)).toBeCloseTo(sumDb, 9);
    }
  });

  it('stays finite for every band setting in range at 44.1, 48 and 96 kHz', () => {
    for (const sampleRateHz of SAMPLE_RATES_HZ) {
      for (const kind of ['low-shelf', 'high-shelf', 'peaking'] as const) {
        for (const frequencyHz of [20, 200, 2000, 20_000]) {
          for (const gainDb of [-12, 0, 12]) {
            for (const q of [0.3, 1, 10]) {
              for (const atHz of [0, 20, 1000, 20_000, sampleRateHz / 2]) {
                expect(Number.isFinite(eqResponseDb([{ kind, frequencyHz, gainDb, q }], atHz, sampleRateHz))).toBe(
                  true,
                );
              }
            }
          }
        }
      }
    }
  });
});
