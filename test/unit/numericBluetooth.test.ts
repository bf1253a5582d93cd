// The Bluetooth lesson's numeric questions give the answers the closed forms give, for every draw.
import { describe, expect, it } from 'vitest';
import { bitsPerSample, donglePower } from '../../src/components/questions/numeric/bluetooth';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('Bluetooth numeric questions', () => {
  it('bits per sample per channel is bitrate / (rate × 2): 328 kb/s at 44.1 kHz is 3.72 bits', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = bitsPerSample(seededRandom(`bits#${draw}`));
      const [kbps, khz] = numbersIn(problem.prompt) as [number, number];
      const expected = (kbps * 1000) / (khz * 1000 * 2);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected * 1.015)).toBe(true);
      expect(withinTolerance(problem, expected * 1.03)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(2 * expected, 9);
    }
    expect(328_000 / 88_200).toBeCloseTo(3.72, 2);
  });

  it('a dongle’s power is Voc²·Z/(Z + Zout)²: 1 V behind 1 Ω into 32 Ω is 29.4 mW', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = donglePower(seededRandom(`dongle#${draw}`));
      const [volts, zout, load] = numbersIn(problem.prompt) as [number, number, number];
      const expected = ((volts * volts * load) / (load + zout) ** 2) * 1000;
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected * 0.985)).toBe(true);
      expect(withinTolerance(problem, expected * 0.97)).toBe(false);
    }
    expect(((1 * 32) / 33 ** 2) * 1000).toBeCloseTo(29.38, 2);
  });
});
