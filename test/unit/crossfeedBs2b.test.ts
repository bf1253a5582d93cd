// The bs2b crossfeed model against libbs2b's own numbers and closed forms: the coefficient table of libbs2b 3.0 (which
// listed fc_hi and the gains per level), the recurrence of its cross_feed_d() written out here, and the limits of the
// first-order filters at DC.
import { describe, expect, it } from 'vitest';
import { biquadResponseAtHz } from '../../src/dsp/biquad';
import { abs, argRad } from '../../src/dsp/complex';
import {
  BS2B_DEFAULT,
  BS2B_PRESETS,
  applyCrossfeed,
  bs2bAnalogResponse,
  bs2bParameters,
  bs2bSections,
  crossfeedPointAtHz,
  firstOrderGroupDelaySeconds,
  lowFrequencyInterauralDelaySeconds,
  woodworthItdSeconds,
} from '../../src/dsp/crossfeed/bs2b';

const FS = 48000;

describe('bs2b parameters', () => {
  it('700 Hz with 6 dB feed is libbs2b 3.0\'s "high easy" level: fc_hi 975 Hz, G_lo 0.398107, G_hi 0.205672', () => {
    const p = bs2bParameters({ cutHz: 700, feedDb: 6 });
    expect(p.highboostCutHz).toBeCloseTo(975, 0);
    expect(p.lowpassGain).toBeCloseTo(0.398107170553497, 9);
    expect(p.highboostGain).toBeCloseTo(0.205671765275719, 9);
  });

  it('500 Hz with 4.5 dB feed is libbs2b 3.0\'s "middle" level: fc_hi 711 Hz, G_lo 0.459727, G_hi 0.228208', () => {
    const p = bs2bParameters({ cutHz: 500, feedDb: 4.5 });
    expect(Math.abs(p.highboostCutHz - 711)).toBeLessThan(1);
    expect(p.lowpassGain).toBeCloseTo(0.459726988530872, 9);
    expect(p.highboostGain).toBeCloseTo(0.228208484414988, 9);
  });

  it('refuses a zero or non-finite cut or feed', () => {
    expect(() => bs2bParameters({ cutHz: 0, feedDb: 4.5 })).toThrow(RangeError);
    expect(() => bs2bParameters({ cutHz: 700, feedDb: Number.NaN })).toThrow(RangeError);
  });
});

describe('bs2b responses', () => {
  for (const preset of BS2B_PRESETS) {
    it(`${preset.label}: at 1 Hz the far ear is the feed (${preset.settings.feedDb} dB) below the near ear, and mono passes at 0 dB`, () => {
      const point = crossfeedPointAtHz(bs2bSections(preset.settings, FS), 1, FS);
      expect(point.interauralLevelDifferenceDb).toBeCloseTo(preset.settings.feedDb, 3);
      expect(point.monoDb).toBeCloseTo(0, 3);
    });
  }

  it('at 10 kHz the default cross path is more than 20 dB below the direct path (the head shadows the highs)', () => {
    const point = crossfeedPointAtHz(bs2bSections(BS2B_DEFAULT, FS), 10_000, FS);
    expect(point.interauralLevelDifferenceDb).toBeGreaterThan(20);
  });

  it('the digital filter follows its RC prototype within 0.2 dB up to 5 kHz at 48 kHz', () => {
    const sections = bs2bSections(BS2B_DEFAULT, FS);
    for (const f of [20, 100, 300, 700, 1000, 2000, 5000]) {
      const analog = bs2bAnalogResponse(BS2B_DEFAULT, f);
      const direct = 20 * Math.log10(abs(biquadResponseAtHz(sections.direct, f, FS)));
      const cross = 20 * Math.log10(abs(biquadResponseAtHz(sections.cross, f, FS)));
      expect(Math.abs(direct - 20 * Math.log10(abs(analog.direct)))).toBeLessThan(0.2);
      expect(Math.abs(cross - 20 * Math.log10(abs(analog.cross)))).toBeLessThan(0.2);
    }
  });

  it('a first-order group delay equals −dφ/dω of the response (central difference)', () => {
    const sections = bs2bSections(BS2B_DEFAULT, FS);
    for (const q of [sections.direct, sections.cross]) {
      for (const f of [50, 500, 3000]) {
        const df = 0.01;
        const phase = (hz: number) => argRad(biquadResponseAtHz(q, hz, FS));
        const numeric = -(phase(f + df) - phase(f - df)) / (2 * Math.PI * 2 * df);
        expect(firstOrderGroupDelaySeconds(q, f, FS)).toBeCloseTo(numeric, 8);
      }
    }
  });

  it('the default crossfeed delays the far ear by 0.27 ms in the bass: 1/(2π·700 Hz) plus the direct path\'s lead 1/((1 − G_hi)·2π·fc_hi) − 1/(2π·fc_hi)', () => {
    // By hand from libbs2b's formulas for 4.5 dB: GB_lo = −6.75 dB, GB_hi = −2.25 dB, G_hi = 1 − 10^(−2.25/20).
    const gHigh = 1 - 10 ** (-2.25 / 20);
    const fHigh = 700 * 2 ** ((-6.75 - 20 * Math.log10(gHigh)) / 12);
    const byHand = 1 / (2 * Math.PI * 700) + 1 / ((1 - gHigh) * 2 * Math.PI * fHigh) - 1 / (2 * Math.PI * fHigh);
    const itd = lowFrequencyInterauralDelaySeconds(BS2B_DEFAULT);
    expect(itd).toBeCloseTo(byHand, 12);
    expect(itd * 1e3).toBeCloseTo(0.27, 2);
    const point = crossfeedPointAtHz(bs2bSections(BS2B_DEFAULT, FS), 20, FS);
    // the 48 kHz filters: within 0.015 ms of the prototype (half a sample is 0.0104 ms)
    expect(Math.abs(point.crossDelaySeconds - point.directDelaySeconds - itd)).toBeLessThan(0.015e-3);
  });

  it("Woodworth's formula: an 8.75 cm head and a speaker at 30° give (0.0875/343)(π/6 + 0.5) = 0.261 ms", () => {
    expect(woodworthItdSeconds(0.0875, Math.PI / 6)).toBeCloseTo((0.0875 / 343) * (Math.PI / 6 + 0.5), 12);
    expect(woodworthItdSeconds(0.0875, Math.PI / 6) * 1e3).toBeCloseTo(0.261, 3);
  });
});

describe('bs2b in the time domain', () => {
  it("gives the same samples as libbs2b's cross_feed_d() recurrence, written out", () => {
    const p = bs2bParameters(BS2B_DEFAULT);
    const xLo = Math.exp((-2 * Math.PI * p.lowpassCutHz) / FS);
    const xHi = Math.exp((-2 * Math.PI * p.highboostCutHz) / FS);
    const a0Lo = p.lowpassGain * (1 - xLo);
    const a0Hi = 1 - p.highboostGain * (1 - xHi);
    const a1Hi = -xHi;
    const length = 256;
    const left = new Float32Array(length);
    const right = new Float32Array(length);
    for (let n = 0; n < length; n++) {
      left[n] = Math.sin(n / 3) * 0.5;
      right[n] = n % 17 === 0 ? 0.7 : -0.1;
    }
    const lo = [0, 0];
    const hi = [0, 0];
    const asis = [0, 0];
    const expected: [number[], number[]] = [[], []];
    for (let n = 0; n < length; n++) {
      const s = [left[n] as number, right[n] as number];
      for (const c of [0, 1]) {
        lo[c] = a0Lo * (s[c] as number) + xLo * (lo[c] as number);
        hi[c] = a0Hi * (s[c] as number) + a1Hi * (asis[c] as number) + xHi * (hi[c] as number);
        asis[c] = s[c] as number;
      }
      expected[0].push(((hi[0] as number) + (lo[1] as number)) * p.outputGain);
      expected[1].push(((hi[1] as number) + (lo[0] as number)) * p.outputGain);
    }
    const [outL, outR] = applyCrossfeed(bs2bSections(BS2B_DEFAULT, FS), left, right);
    for (let n = 0; n < length; n++) {
      expect(outL[n]).toBeCloseTo(expected[0][n] as number, 6);
      expect(outR[n]).toBeCloseTo(expected[1][n] as number, 6);
    }
  });
});
