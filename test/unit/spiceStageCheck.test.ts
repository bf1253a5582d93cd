// "Check with SPICE" on the triode stage, run in Node exactly as the page runs it (src/spice/stageCheck.ts on the
// decks the widget builds from its values, src/components/widgets/ampStage/spicePlan.ts): for several settings the
// transfer curve agrees with ngspice within 2 % of the swing at every point (as spiceTriode.test.ts) and the 2nd and
// 3rd harmonics of ngspice's transient, read at an even rate, within 0.5 dB of the model's. The decks are ASCII,
// name their values and are ready for a desktop ngspice.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AMP_STAGE_SETTINGS, type AmpStageSettings } from '../../src/components/widgets/ampStage/views';
import { ampStageSpicePlan } from '../../src/components/widgets/ampStage/spicePlan';
import { resampleUniform } from '../../src/dsp/analysis/uniformResample';
import { realVectors } from '../../src/spice/results';
import { TRANSIENT_PERIODS, compareStage, stageCheckDecks } from '../../src/spice/stageCheck';
import { SpiceSimulator } from '../../src/spice/simulator';

let spice: SpiceSimulator;
beforeAll(async () => {
  spice = await SpiceSimulator.start();
}, 30_000);

const triode = (patch: Partial<AmpStageSettings>): AmpStageSettings => ({ ...DEFAULT_AMP_STAGE_SETTINGS, kind: 'triode', ...patch });

const SETTINGS: readonly [string, AmpStageSettings, number][] = [
  ['12AU7 at 250 V, drive −6 dB', triode({ tube: '12AU7', plateSupplyVolts: 250 }), -6],
  ['12AX7 at 150 V, drive 0 dB', triode({ tube: '12AX7', plateSupplyVolts: 150 }), 0],
  ['12AU7 at 400 V, drive +3 dB (past the clean swing)', triode({ tube: '12AU7', plateSupplyVolts: 400 }), 3],
];

describe('resampleUniform', () => {
  it('reads a straight line exactly between uneven samples, and refuses times outside them', () => {
    const times = [0, 0.1, 0.35, 1];
    const values = times.map((t) => 2 - 3 * t);
    const even = resampleUniform(times, values, 10, 11);
    even.forEach((v, n) => expect(v).toBeCloseTo(2 - 0.3 * n, 12));
    expect(() => resampleUniform(times, values, 10, 12)).toThrow(/need 0/);
  });

  it("reads a cubic exactly between uneven samples (a straight line between neighbours would not)", () => {
    const times = [0, 0.1, 0.35, 0.5, 0.8, 1];
    const cubic = (t: number) => 1 - 2 * t + 3 * t ** 2 - 4 * t ** 3;
    const even = resampleUniform(times, times.map(cubic), 10, 11);
    even.forEach((v, n) => expect(v).toBeCloseTo(cubic(n / 10), 12));
  });
});

describe('Check with SPICE on the triode stage', () => {
  for (const [name, settings, driveDb] of SETTINGS) {
    it(`${name}: ngspice's transfer curve within 2 % of the swing and its 2nd and 3rd harmonics within 0.5 dB of the model's`, async () => {
      const plan = ampStageSpicePlan(settings, driveDb);
      if (plan === null) throw new Error('the triode stage has a deck');
      const [transferDeck, transientDeck] = stageCheckDecks(plan);
      expect(transferDeck.deck).toMatch(/^\.dc Vin -[\d.e-]+ [\d.e-]+ /m);
      expect(transientDeck.deck).toMatch(/^\.save v\(p\)\n\.end$/m);
      expect(transientDeck.deck).toMatch(new RegExp(`^Vin g 0 DC 0 SIN\\(0 ${plan.drivePeakVolts} 1000\\)$`, 'm'));
      expect(transientDeck.deck).toContain(`B+ ${settings.plateSupplyVolts} V`);

      const transferRun = await spice.run(transferDeck.deck);
      const transientRun = await spice.run(transientDeck.deck);
      const vectors = [plan.circuit.outputVector];
      const result = compareStage(
        plan,
        realVectors(transferRun.result, vectors, transferRun.messages),
        realVectors(transientRun.result, vectors, transientRun.messages),
      );
      expect(result.transfer).toHaveLength(plan.sweepSteps + 1);
      expect(result.worstDifferenceOfSwing).toBeLessThan(0.02);
      expect(result.waveform.timeSeconds.at(-1)).toBeCloseTo(TRANSIENT_PERIODS / plan.toneHz, 9);
      // The sine starts at 0, so the waveform starts at the bias point and its peak is the model's output peak.
      expect(result.waveform.acVolts[0]).toBe(0);
      const q = plan.modelVolts(0);
      const modelPeak = Math.max(Math.abs(plan.modelVolts(plan.drivePeakVolts) - q), Math.abs(plan.modelVolts(-plan.drivePeakVolts) - q));
      expect(Math.max(...result.waveform.acVolts.map(Math.abs)) / modelPeak).toBeCloseTo(1, 2);
      for (const index of [0, 1]) {
        expect(Math.abs((result.harmonicsDb[index] ?? 0) - (result.modelHarmonicsDb[index] ?? 0))).toBeLessThan(0.5);
      }
      // 100 steps a period (the triode's curve has no corner): every harmonic above −100 dB still within 0.05 dB
      // (measured 0.001 to 0.019 dB).
      expect(transientDeck.deck).toMatch(/^\.tran 0\.00001 0\.016 0 0\.00001$/m);
      expect(result.worstHarmonicDifferenceDb ?? Infinity).toBeLessThan(0.05);
    }, 60_000);
  }
});

describe('a transient that ngspice stops short', () => {
  it('is refused in plain words, with how far it got and how far the harmonics need, instead of being read', () => {
    const plan = ampStageSpicePlan(triode({}), -6);
    if (plan === null) throw new Error('the triode stage has a plan');
    const output = plan.circuit.outputVector;
    const sweep = { scale: [-1, 0, 1], vectors: { [output]: [1, 0, -1] } };
    // 16 periods of 1 kHz read at the plan's rate need (count − 1)/rate seconds; this run stopped at 37.12 µs.
    const count = Math.floor((TRANSIENT_PERIODS * plan.sampleRateHz) / plan.toneHz);
    const neededMs = ((count - 1) / plan.sampleRateHz) * 1e3;
    const times = [0, 1e-5, 2e-5, 3e-5, 3.712e-5];
    const stopped = { scale: times, vectors: { [output]: times.map((t) => Math.sin(2 * Math.PI * 1000 * t)) } };
    expect(() => compareStage(plan, sweep, stopped)).toThrow(
      `ngspice stopped the 1 kHz transient at 0.037 ms of the ${neededMs.toFixed(1)} ms it needs`,
    );
  });
});
