// The output-impedance lesson's numeric questions give the answers the closed forms give, for every draw.
import { describe, expect, it } from 'vitest';
import { bassLift, dampingFactor } from '../../src/components/questions/numeric/output-impedance';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('output-impedance numeric questions', () => {
  it('the damping factor is the headphone impedance over the source impedance, and the inverse ratio is named as a mistake', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = dampingFactor(seededRandom(`df#${draw}`));
      const [headphoneOhms, sourceOhms] = numbersIn(problem.prompt) as [number, number];
      expect(problem.answer).toBeCloseTo(headphoneOhms / sourceOhms, 9);
      expect(withinTolerance(problem, headphoneOhms / sourceOhms * 1.015)).toBe(true);
      expect(withinTolerance(problem, headphoneOhms / sourceOhms * 1.03)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(sourceOhms / headphoneOhms, 12);
    }
  });

  it('the bass lift follows the Thiele–Small impedance of the 300 Ω model (Re 300, Res 220, fs 90 Hz, Qms 2, Le 0.2 mH)', () => {
    // Independent: Z = Re + jωLe + (1/Res + 1/(jωLes) + jωCes)^-1 with Qes = Qms·Re/Res (REFERENCES §1).
    const re = 300, res = 220, fs = 90, qms = 2, le = 0.2e-3;
    const qes = (qms * re) / res;
    const ces = qes / (2 * Math.PI * fs * re);
    const les = re / (2 * Math.PI * fs * qes);
    const impedance = (f: number): [number, number] => {
      const w = 2 * Math.PI * f;
      const g = 1 / res;
      const b = w * ces - 1 / (w * les);
      const d = g * g + b * b;
      return [re + g / d, w * le - b / d];
    };
    const shareDb = (f: number, zout: number): number => {
      const [r, x] = impedance(f);
      return 20 * Math.log10(Math.hypot(r, x) / Math.hypot(r + zout, x));
    };
    for (let draw = 0; draw < 20; draw++) {
      const problem = bassLift(seededRandom(`bass#${draw}`));
      const zout = numbersIn(problem.prompt).at(-3) as number;
      expect(problem.answer).toBeCloseTo(shareDb(90, zout) - shareDb(1000, zout), 6);
      expect(problem.answer).toBeGreaterThan(0);
    }
    const at120 = shareDb(90, 120) - shareDb(1000, 120);
    expect(at120).toBeCloseTo(1.1, 1);
  });
});
