// The sample-rates lesson's numeric question gives the image level the closed form gives, for every draw.
import { describe, expect, it } from 'vitest';
import { firstImage } from '../../src/components/questions/numeric/sample-rates';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

describe('sample-rates numeric question', () => {
  it('the first image of a held tone is 20·log10((fs − f)/f) below it, and the fs + f image is named as a mistake', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = firstImage(seededRandom(`image#${draw}`));
      const [rateKhz, toneKhz] = [...problem.prompt.matchAll(/(\d+(?:\.\d+)?) kHz/g)].map((m) => Number(m[1])) as [number, number];
      // sinc(x) = sin(πx)/(πx); sin(π(fs − f)/fs) = sin(πf/fs), so the ratio is f/(fs − f).
      const sincAt = (f: number): number => Math.abs(Math.sin((Math.PI * f) / rateKhz) / ((Math.PI * f) / rateKhz));
      const expected = 20 * Math.log10(sincAt(toneKhz) / sincAt(rateKhz - toneKhz));
      expect(expected).toBeCloseTo(20 * Math.log10((rateKhz - toneKhz) / toneKhz), 9);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected + 0.15)).toBe(true);
      expect(withinTolerance(problem, expected + 0.3)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(20 * Math.log10((rateKhz + toneKhz) / toneKhz), 9);
    }
    // The lesson's figure: a 10 kHz tone on a CD has its first image 10.7 dB down.
    expect(20 * Math.log10(34.1 / 10)).toBeCloseTo(10.66, 2);
  });
});
