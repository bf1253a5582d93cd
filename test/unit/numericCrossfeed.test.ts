// The crossfeed lesson's numeric questions give the answers the closed forms give, for every draw.
import { describe, expect, it } from 'vitest';
import { crossRolloff, speakerItd } from '../../src/components/questions/numeric/crossfeed';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('crossfeed numeric questions', () => {
  it('the cross path at f is −10·log10(1 + (f/fc)²) below its bass level: 700 Hz at 2 kHz is −9.6 dB', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = crossRolloff(seededRandom(`cr#${draw}`));
      const [cutHz, feedDb, frequencyHz] = numbersIn(problem.prompt) as [number, number, number, number];
      expect(feedDb).toBeGreaterThan(0);
      expect(problem.answer).toBeCloseTo(-10 * Math.log10(1 + (frequencyHz / cutHz) ** 2), 4);
      expect(withinTolerance(problem, problem.answer + 0.19)).toBe(true);
      expect(withinTolerance(problem, problem.answer + 0.3)).toBe(false);
    }
    expect(-10 * Math.log10(1 + (2000 / 700) ** 2)).toBeCloseTo(-9.6, 1);
  });

  it("Woodworth's ITD (a/c)(θ + sin θ): 8.75 cm at 30° is 0.261 ms", () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = speakerItd(seededRandom(`itd#${draw}`));
      const [degrees, radiusCm, speed] = numbersIn(problem.prompt) as [number, number, number];
      expect(speed).toBe(343);
      const theta = (degrees * Math.PI) / 180;
      expect(problem.answer).toBeCloseTo(((radiusCm / 100 / 343) * (theta + Math.sin(theta))) * 1000, 9);
    }
  });
});
