// The volume-control models against closed forms written out here: the audio taper, the gang error, the loaded
// wiper, the stepped ladder's channel match, digital volume's bits and the hiss with the pot before or after the gain.
import { describe, expect, it } from 'vitest';
import {
  gangOffsetRotation,
  gangRatios,
  loadedRatio,
  panPosition,
  potCurves,
  potPoint,
  rotationForRatio,
  taperBase,
  taperRatio,
  wiperOutputOhms,
  DEFAULT_POT_SETTINGS,
} from '../../src/dsp/volume/potTaper';
import { deepChannelMatchLimitDb, ladderSteps, worstChannelMatchDb } from '../../src/dsp/volume/steppedAttenuator';
import { bitsLostToAttenuation, effectiveBits, snrAfterDigitalVolumeDb, TPDF_DITHER_PENALTY_DB } from '../../src/dsp/volume/digitalVolumeBits';
import { DEFAULT_NOISE_CHAIN, musicVoltsRms, noisePotAfterGainVoltsRms, noisePotBeforeGainVoltsRms, thermalNoiseVoltsRms } from '../../src/dsp/volume/volumeNoise';

describe('the audio taper', () => {
  it('puts the wiper at 15 % of the track at half rotation, 0 at the stop and 100 % at the end', () => {
    expect(taperBase()).toBeCloseTo((1 / 0.15 - 1) ** 2, 12);
    expect(taperRatio(0.5)).toBeCloseTo(0.15, 12);
    expect(taperRatio(0)).toBe(0);
    expect(taperRatio(1)).toBeCloseTo(1, 12);
  });

  it('is (b^θ − 1)/(b − 1) with b = 32.11, and the inverse undoes it', () => {
    const b = (17 / 3) ** 2;
    for (const theta of [0.05, 0.2, 0.37, 0.8]) {
      expect(taperRatio(theta)).toBeCloseTo((b ** theta - 1) / (b - 1), 12);
      expect(rotationForRatio(taperRatio(theta))).toBeCloseTo(theta, 12);
    }
  });

  it('an offset chosen for 2 dB at −40 dB gives exactly 2 dB there, less above and more below', () => {
    const offset = gangOffsetRotation(2);
    const theta40 = rotationForRatio(0.01);
    const at = (theta: number) => {
      const { leftRatio, rightRatio } = gangRatios(theta, offset);
      return 20 * Math.log10(rightRatio / leftRatio);
    };
    expect(at(theta40)).toBeCloseTo(2, 9);
    expect(at(0.75)).toBeLessThan(1);
    expect(at(0.75)).toBeGreaterThan(0);
    expect(at(theta40 / 2)).toBeGreaterThan(2.5);
  });

  it('with no gang error both channels are equal everywhere', () => {
    for (const point of potCurves({ ...DEFAULT_POT_SETTINGS, gangErrorDb: 0 }, 20)) expect(point.imbalanceDb).toBe(0);
  });

  it('a wiper into a load is (rRp ∥ RL)/((1 − r)Rp + rRp ∥ RL): half a 10 kΩ pot into 10 kΩ gives 0.4', () => {
    // 5 k ∥ 10 k = 3.333 k over 5 k + 3.333 k: 0.4 of the input
    expect(loadedRatio(0.5, 10e3, 10e3)).toBeCloseTo(10 / 3 / (5 + 10 / 3), 12);
    expect(loadedRatio(0.3, 10e3, Number.POSITIVE_INFINITY)).toBe(0.3);
    expect(loadedRatio(1, 10e3, 10e3)).toBe(1);
    expect(wiperOutputOhms(0.5, 10e3)).toBe(2500);
  });

  it('a load bends the taper down most in the middle of the track, in dB', () => {
    const unloaded = potPoint({ ...DEFAULT_POT_SETTINGS, gangErrorDb: 0 }, 0.5);
    const loaded = potPoint({ ...DEFAULT_POT_SETTINGS, gangErrorDb: 0, loadOhms: 10e3 }, 0.5);
    // r = 0.15: 1.5 k ∥ 10 k = 1.304 k over 8.5 k + 1.304 k
    expect(loaded.leftDb).toBeCloseTo(20 * Math.log10(1304.3478 / (8500 + 1304.3478)), 4);
    expect(unloaded.leftDb - loaded.leftDb).toBeGreaterThan(1);
  });

  it('the pan figure is (g − 1)/(g + 1): 0 when equal, 1/3 for a factor of 2 (6.02 dB)', () => {
    expect(panPosition(0)).toBe(0);
    expect(panPosition(20 * Math.log10(2))).toBeCloseTo(1 / 3, 12);
  });
});

describe('a stepped ladder of 0.1 % resistors', () => {
  it('keeps the total resistance at every step and gives exactly the step law', () => {
    for (const step of ladderSteps(10e3, 2, 40)) {
      expect(step.seriesOhms + step.shuntOhms).toBeCloseTo(10e3, 8);
      expect(20 * Math.log10(step.shuntOhms / 10e3)).toBeCloseTo(step.attenuationDb, 9);
    }
  });

  it('matches channels within 0 dB at the top and ≈ 0.035 dB deep down', () => {
    const steps = ladderSteps(10e3, 2, 40);
    expect(worstChannelMatchDb(steps[0]!, 0.001)).toBeCloseTo(0, 12);
    // Rs ≫ Rsh: ((1.001/0.999)²) in dB = 0.03474 dB
    expect(deepChannelMatchLimitDb(0.001)).toBeCloseTo(40 * Math.log10(1.001 / 0.999), 12);
    expect(deepChannelMatchLimitDb(0.001)).toBeCloseTo(0.03474, 4);
    expect(worstChannelMatchDb(steps[39]!, 0.001)).toBeCloseTo(0.03474, 3);
    // −6 dB: Rs = Rsh (almost): 20·log10(((1.001)/(0.999·1 + 1.001)) / ((0.999)/(1.001 + 0.999)))
    const half = { attenuationDb: -6.0206, seriesOhms: 5000, shuntOhms: 5000 };
    expect(worstChannelMatchDb(half, 0.001)).toBeCloseTo(20 * Math.log10(1.001 / 0.999), 9);
  });
});

describe('digital volume and its bits', () => {
  it('costs a bit per 6.02 dB: 30 dB is 4.98 bits', () => {
    expect(bitsLostToAttenuation(-30)).toBeCloseTo(30 / (20 * Math.log10(2)), 12);
    expect(bitsLostToAttenuation(-30)).toBeCloseTo(4.983, 3);
  });

  it('leaves a 16-bit word 98.09 − 30 dB of SNR, 24 bits 146.26 − 30', () => {
    expect(snrAfterDigitalVolumeDb(16, -30)).toBeCloseTo(6.0206 * 16 + 1.7609 - 30, 2);
    expect(snrAfterDigitalVolumeDb(24, -30)).toBeCloseTo(6.0206 * 24 + 1.7609 - 30, 2);
    expect(effectiveBits(snrAfterDigitalVolumeDb(16, -30))).toBeCloseTo(16 - 4.983, 3);
  });

  it('TPDF dither triples the noise power: 4.77 dB', () => {
    expect(TPDF_DITHER_PENALTY_DB).toBeCloseTo(4.7712, 4);
  });
});

describe('hiss with the pot before or after the gain stage', () => {
  const chain = DEFAULT_NOISE_CHAIN;
  const stage = 5e-9 * Math.sqrt(19_980);

  it('thermal noise of 10 kΩ over 20 kHz at 300 K is √(4kTRB) = 1.82 µV', () => {
    expect(thermalNoiseVoltsRms(10e3)).toBeCloseTo(Math.sqrt(4 * 1.380649e-23 * 300 * 10e3 * 19_980), 15);
    expect(thermalNoiseVoltsRms(10e3) * 1e6).toBeCloseTo(1.816, 2);
  });

  it('pot before the gain: at full volume only the stage noise times G, and barely less 40 dB down', () => {
    expect(noisePotBeforeGainVoltsRms(chain, 1)).toBeCloseTo(6 * stage, 15);
    const r = 0.01;
    expect(noisePotBeforeGainVoltsRms(chain, r)).toBeCloseTo(6 * Math.hypot(stage, Math.sqrt(4 * 1.380649e-23 * 300 * r * (1 - r) * 10e3 * 19_980)), 15);
  });

  it('pot after the gain: 40 dB down the hiss falls towards the buffer alone, so the SNR holds up better', () => {
    const r = 0.01;
    const thermal = Math.sqrt(4 * 1.380649e-23 * 300 * r * (1 - r) * 10e3 * 19_980);
    expect(noisePotAfterGainVoltsRms(chain, r)).toBeCloseTo(Math.sqrt((r * 6 * stage) ** 2 + thermal ** 2 + stage ** 2), 15);
    expect(noisePotAfterGainVoltsRms(chain, r)).toBeLessThan(noisePotBeforeGainVoltsRms(chain, r) / 4);
    expect(musicVoltsRms(chain, r)).toBeCloseTo(0.12, 12);
  });
});
